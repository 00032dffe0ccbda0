import type { Lab } from '../lab/server';
import type { Scenario } from '../lab/scenarios';
import type { RefusalEvent } from '../../src/shared/log';
import { waitFor, type Driver, type DriverPage } from './driver';
import { eventsOf, openPopup, visit } from './extension';
import { settledFinding, type PopupFinding } from './finding';

export interface ScenarioVisit {
  scenario: Scenario;
  tabId: number;
  /** What the worker stored (its capture-time diagnosis, from headers). */
  events: RefusalEvent[];
  /** What the popup concluded (with the page's text). */
  finding: PopupFinding;
  popup: DriverPage;
}

/** Opens a lab scenario, waits for the worker's record, then opens the popup on it. */
export async function visitScenario(driver: Driver, lab: Lab, scenario: Scenario): Promise<ScenarioVisit> {
  if (scenario.before) await driver.openPage(lab.url(scenario.before));
  const { tabId } = await visit(driver, lab.url(scenario.path));
  const events = await recordedEvents(driver, tabId, scenario);
  const popup = await openPopup(driver, tabId);
  const finding = await settledFinding(popup, scenario.expected.category);
  return { scenario, tabId, events, finding, popup };
}

/** The worker's record for the scenario's tab: waits for a refusal when one is expected. */
async function recordedEvents(driver: Driver, tabId: number, scenario: Scenario): Promise<RefusalEvent[]> {
  if (scenario.expected.status === null) {
    // A clean page: give the worker the time it would take to flush, then read.
    await new Promise((r) => setTimeout(r, 500));
    return eventsOf(driver, tabId);
  }
  return waitFor(`a recorded refusal for ${scenario.id}`, async () => {
    const found = await eventsOf(driver, tabId);
    return found.length > 0 ? found : null;
  }).catch(() => []);
}

/** Does what the extension concluded match the scenario's expectation? */
export function matchesExpectation(v: ScenarioVisit): boolean {
  const { category, vendor } = v.scenario.expected;
  if (category === null) return v.finding.clean && v.events.length === 0;
  return v.finding.category === category && (v.finding.vendor ?? null) === vendor;
}
