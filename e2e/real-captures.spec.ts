import { judgeCore } from '../src/engine/judge-core';
import { asList, judgeable, loadRealCases, toObservation, type RealCase } from '../test/fixtures/real';
import { test, expect } from './support/fixtures';
import { readFinding } from './support/finding';
import { eventsOf, openSettledPopup, visit } from './support/extension';

/**
 * Real block pages (test/fixtures/real) served by the lab as they were received, and the popup of
 * the built extension asked about each: the same answer as the HAR explainer, in a real browser.
 * Chosen in Node: refused documents whose diagnosis does not hang on the real host name (the lab
 * serves them at 127.0.0.1), one per vendor, so the list follows the corpus as it grows.
 */
const SERVED_AS_IS = new Set(['content-encoding', 'transfer-encoding', 'content-length', 'connection', 'set-cookie', 'date', 'keep-alive', 'strict-transport-security', 'alt-svc']);

function onLocalHost(c: RealCase): RealCase {
  return { ...c, request: { ...c.request, url: 'http://127.0.0.1/captured', type: 'main_frame' } };
}

function chosenCases(): RealCase[] {
  const seen = new Set<string>();
  return judgeable(loadRealCases())
    // Pages that run no script of their own: a captured challenge would try to reach its vendor.
    .filter((c) => (c.request.type ?? 'main_frame') === 'main_frame' && (c.response.status ?? 0) >= 400 && (c.response.body ?? '').trimStart().startsWith('<'))
    .filter((c) => !/<script|http-equiv=["']?refresh/i.test(c.response.body ?? ''))
    .filter((c) => {
      const d = judgeCore(toObservation(onLocalHost(c)));
      const vendor = d?.vendor ?? null;
      if (!d || !(asList(c.expect.category) as string[]).includes(d.category) || !asList(c.expect.vendor).includes(vendor)) return false;
      if (seen.has(vendor ?? 'none')) return false;
      seen.add(vendor ?? 'none');
      return true;
    })
    .slice(0, 10);
}

test('the popup explains real block pages as the engine does in Node', async ({ driver, lab }) => {
  const cases = chosenCases();
  expect(cases.length).toBeGreaterThanOrEqual(8);
  const wrong: string[] = [];
  for (const c of cases) {
    const headers = Object.fromEntries(Object.entries(c.response.headers ?? {}).filter(([name]) => !SERVED_AS_IS.has(name)));
    const url = lab.route(`/real/${c.id}`, { status: c.response.status ?? 403, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: c.response.body ?? '' });
    const { tabId } = await visit(driver, url);
    await expect.poll(() => eventsOf(driver, tabId), { message: c.id }).toHaveLength(1);
    const popup = await openSettledPopup(driver, tabId);
    const categories = asList(c.expect.category) as string[];
    await expect.poll(async () => categories.includes((await readFinding(popup)).category ?? ''), { message: c.id }).toBe(true);
    const f = await readFinding(popup);
    if (!asList(c.expect.vendor).includes(f.vendor)) wrong.push(`${c.id}: vendor ${String(f.vendor)}`);
    if (c.expect.reference && !(f.reference ?? '').includes(c.expect.reference.split('-')[0] ?? '')) wrong.push(`${c.id}: reference ${String(f.reference)}`);
    await popup.close();
  }
  expect(wrong).toEqual([]);
});
