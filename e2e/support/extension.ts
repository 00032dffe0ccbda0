import type { RefusalEvent, TabLog } from '../../src/shared/log';
import type { Lab } from '../lab/server';
import { expect } from '@playwright/test';
import { countOf } from './dom';
import type { Driver, DriverPage } from './driver';

/** Reads what the worker stored for a tab (storage.session `tab:<id>`), or null. */
export function readLog(driver: Driver, tabId: number): Promise<TabLog | null> {
  return driver.evalInExtension(async (api, key) => ((await api.storage.session.get(key))[key] as TabLog | undefined) ?? null, `tab:${tabId}`);
}

/** The events recorded for a tab (empty when none). */
export async function eventsOf(driver: Driver, tabId: number): Promise<RefusalEvent[]> {
  return (await readLog(driver, tabId))?.events ?? [];
}

export function badgeOf(driver: Driver, tabId: number): Promise<string> {
  return driver.evalInExtension((api, id) => api.action.getBadgeText({ tabId: id }), tabId);
}

/** Opens `url` in a new tab and returns the tab with its id. */
export async function visit(driver: Driver, url: string): Promise<{ page: DriverPage; tabId: number }> {
  const page = await driver.openPage(url);
  return { page, tabId: await driver.tabIdOf(url) };
}

/** The popup, opened as a page for the given tab (the real popup cannot be driven in both). */
export function openPopup(driver: Driver, tabId: number): Promise<DriverPage> {
  return driver.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
}

/** The popup for the tab, once its main finding has settled (the engine and the page have had their say). */
export async function openSettledPopup(driver: Driver, tabId: number): Promise<DriverPage> {
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => countOf(popup, '[data-testid=main-finding]')).toBe(1);
  return popup;
}

/** All cookies of the default store, as `host name=value` strings, sorted. */
export async function cookieList(driver: Driver): Promise<string[]> {
  const cookies = await driver.evalInExtension((api) => api.cookies.getAll({}), undefined);
  return cookies.map((c) => `${c.domain} ${c.name}=${c.value}`).sort();
}

/**
 * One event per request: polls until the tab's refusals of `path` are exactly as many as the
 * requests the lab answered for it after `since` of them (at least one), each as `expected` says.
 * Firefox now and then asks for an image twice after a reload (two requests, two requestIds);
 * each is its own refusal, and a request counted twice is still caught.
 */
export async function expectEventPerRequest(
  driver: Driver,
  tabId: number,
  lab: Pick<Lab, 'hits'>,
  path: string,
  since: number,
  expected: (event: RefusalEvent) => boolean,
  message?: string,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const requests = lab.hits(path) - since;
        const events = (await eventsOf(driver, tabId)).filter((e) => new URL(e.url).pathname === path);
        if (requests === 0) return 'no request yet';
        return events.length === requests && events.every(expected) ? 'one event per request' : `${events.length} events (${events.filter(expected).length} as expected) for ${requests} requests`;
      },
      { message },
    )
    .toBe('one event per request');
}
