import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { test, expect } from './support/fixtures';
import { ROOT } from './support/dist';
import { attributeOf, countOf, textOf, textsOf } from './support/dom';
import type { Driver } from './support/driver';
import { badgeOf, eventsOf, openPopup, visit } from './support/extension';
import { message, notificationsSeen, resetSettings, setValue, storedSettings, leaveRetryScheduled } from './support/pages';

/**
 * The options page, in both browsers: the history the worker keeps across tabs, each setting's
 * effect on what the worker does, and the HAR explainer.
 */

const OPTIONS = 'src/options/index.html';

// Settings and history outlive a test in one browser: every test starts from the defaults.
test.beforeEach(async ({ driver }) => {
  await resetSettings(driver);
  // The previous test's refusals reach the history in a batch up to 2 s later: let it land first.
  await new Promise((r) => setTimeout(r, 2500));
  await clearStoredHistory(driver);
});
test.afterEach(async ({ driver }) => {
  await resetSettings(driver);
});

function clearStoredHistory(driver: Driver): Promise<void> {
  return driver.evalInExtension(async (api) => {
    const keys = Object.keys(await api.storage.local.get(null)).filter((k) => k.startsWith('history:'));
    if (keys.length) await api.storage.local.remove(keys);
  }, undefined);
}

/** Every refused URL in the stored history (storage.local `history:<day>`). */
function historyUrls(driver: Driver): Promise<string[]> {
  return driver.evalInExtension(async (api) => {
    const all = await api.storage.local.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('history:'))
      .flatMap(([, day]) => ((day as { entries?: { url: string }[] }).entries ?? []).map((e) => e.url));
  }, undefined);
}

/** Unticks (or ticks) a setting's checkbox as a user would and waits until it is stored. */
async function toggle(driver: Driver, testId: string, field: string, expected: unknown): Promise<void> {
  const page = await driver.openExtensionPage(OPTIONS);
  await expect.poll(() => countOf(page, `[data-testid=${testId}]`)).toBe(1);
  await page.click(`[data-testid=${testId}]`);
  await expect.poll(async () => (await storedSettings(driver))?.[field]).toEqual(expected);
  await expect.poll(() => textOf(page, '#settings [role=status]')).toBe(await message(driver, 'settingsSaved'));
  await page.close();
  // The worker follows storage.onChanged; give the event a moment to arrive.
  await new Promise((r) => setTimeout(r, 300));
}

test('History shows refusals from several tabs grouped by site, finds them by search, and deletes them all', async ({ driver, lab }) => {
  const id = Date.now().toString(36);
  const first = lab.route(`/alpha-${id}`, { status: 403, body: 'no' });
  const second = lab.route(`/beta-${id}`, { status: 429, headers: { 'retry-after': '60' }, body: 'slow down' });
  lab.route(`/gamma-${id}`, { status: 403, body: 'no' });
  const third = lab.url(`/gamma-${id}`, 'b');
  for (const url of [first, second, third]) await visit(driver, url);
  // The worker writes history in batches, a couple of seconds after the refusals.
  await expect.poll(() => historyUrls(driver), { timeout: 15_000 }).toEqual(expect.arrayContaining([first, second, third]));

  const page = await driver.openExtensionPage(OPTIONS);
  await expect.poll(() => countOf(page, '[data-testid=history-entry]')).toBe(3);
  expect(await textsOf(page, '[data-testid=history] summary strong')).toEqual(['localhost', '127.0.0.1']);
  const rows = await page.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid=history] > li')].map((site) => ({
        site: site.querySelector('summary strong')?.textContent,
        addresses: [...site.querySelectorAll('[data-testid=history-entry] .address')].map((a) => a.textContent ?? ''),
      })),
    undefined,
  );
  expect(rows[0]?.addresses.join()).toContain(third);
  expect(rows[1]?.addresses.join()).toContain(first);
  expect(rows[1]?.addresses.join()).toContain(second);

  await setValue(page, '[data-testid=history-search]', `beta-${id}`);
  await expect.poll(() => countOf(page, '[data-testid=history-entry]')).toBe(1);
  expect(await textOf(page, '[data-testid=history-entry] .address')).toContain(second);
  // Search covers the cause's words too, in the page's language.
  await setValue(page, '[data-testid=history-search]', `${await message(driver, 'headline_rate_limit')}`);
  await expect.poll(() => textsOf(page, '[data-testid=history-entry] .address')).toEqual([expect.stringContaining(second)]);
  await setValue(page, '[data-testid=history-search]', 'no-such-thing-anywhere');
  await expect.poll(() => countOf(page, '[data-testid=history-entry]')).toBe(0);
  await setValue(page, '[data-testid=history-search]', '');
  await expect.poll(() => countOf(page, '[data-testid=history-entry]')).toBe(3);

  await page.click('[data-testid=history-delete]');
  await page.click('[data-testid=history-delete-confirm]');
  await expect.poll(() => countOf(page, '[data-testid=history-empty]')).toBe(1);
  expect(await historyUrls(driver)).toEqual([]);
});

test('History retention: choosing fewer days deletes the older days', async ({ driver }) => {
  const entry = (url: string, time: number) => ({
    first: time, last: time, count: 1, site: 'old.example', page: url, url, method: 'GET', type: 'main_frame', status: 403,
    cause: 'generic-forbidden', category: 'insufficient-permissions', vendor: null,
  });
  const now = Date.now();
  const tenDaysAgo = now - 10 * 86_400_000;
  const day = (time: number) => `history:${new Date(time).toISOString().slice(0, 10)}`;
  await driver.evalInExtension((api, items) => api.storage.local.set(items), {
    [day(tenDaysAgo)]: { entries: [entry('https://old.example/ten-days', tenDaysAgo)], dropped: 0 },
    [day(now)]: { entries: [entry('https://old.example/today', now)], dropped: 0 },
  });

  const page = await driver.openExtensionPage(OPTIONS);
  await expect.poll(() => countOf(page, '[data-testid=history-entry]')).toBe(2);
  expect(await attributeOf(page, '[data-testid=setting-history-days]', 'disabled')).toBeNull();
  await setValue(page, '[data-testid=setting-history-days]', '7');

  await expect.poll(async () => (await storedSettings(driver))?.historyDays).toBe(7);
  await expect.poll(() => historyUrls(driver)).toEqual(['https://old.example/today']);
  await expect.poll(() => countOf(page, '[data-testid=history-entry]')).toBe(1);
  expect(await textOf(page, '#history > p.muted')).toBe(await message(driver, 'historyKept', ['7']));
});

test('Badge off: a refused page gets no badge; on again, the badge comes back', async ({ driver, lab }) => {
  await toggle(driver, 'setting-badge', 'badge', false);
  const { tabId } = await visit(driver, lab.route('/quiet', { status: 403, body: 'no' }));
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  // Recorded, but not counted on the button.
  await new Promise((r) => setTimeout(r, 500));
  expect(await badgeOf(driver, tabId)).toBe('');

  await toggle(driver, 'setting-badge', 'badge', true);
  await expect.poll(() => badgeOf(driver, tabId)).toBe('1');
});

test('A status unticked in the settings is not recorded; the others still are', async ({ driver, lab }) => {
  await toggle(driver, 'setting-status-403', 'ignoredStatuses', [403]);
  const ignored = await visit(driver, lab.route('/forbidden', { status: 403, body: 'no' }));
  const counted = await visit(driver, lab.route('/busy', { status: 429, headers: { 'retry-after': '60' }, body: 'slow down' }));

  await expect.poll(() => eventsOf(driver, counted.tabId)).toHaveLength(1);
  await new Promise((r) => setTimeout(r, 500));
  expect(await eventsOf(driver, ignored.tabId)).toHaveLength(0);
  expect(await badgeOf(driver, ignored.tabId)).toBe('');
  const popup = await openPopup(driver, ignored.tabId);
  await expect.poll(() => countOf(popup, '[data-testid=clean]')).toBe(1);
});

test('History off: nothing is written; on again, refusals are kept', async ({ driver, lab }) => {
  await toggle(driver, 'setting-history', 'history', false);
  const off = lab.route('/unkept', { status: 403, body: 'no' });
  const { tabId } = await visit(driver, off);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  // Longer than the worker's batching delay.
  await new Promise((r) => setTimeout(r, 3000));
  expect(await historyUrls(driver)).toEqual([]);
  const page = await driver.openExtensionPage(OPTIONS);
  await expect.poll(() => textOf(page, '#history > p.muted')).toBe(await message(driver, 'historyOff'));
  expect(await attributeOf(page, '[data-testid=setting-history-days]', 'disabled')).not.toBeNull();

  await toggle(driver, 'setting-history', 'history', true);
  const on = lab.route('/kept', { status: 403, body: 'no' });
  await visit(driver, on);
  await expect.poll(() => historyUrls(driver), { timeout: 15_000 }).toEqual([on]);
});

test('Notifications off: a retry that finishes with the popup closed shows none', async ({ driver, lab }) => {
  await toggle(driver, 'setting-notifications', 'notifications', false);
  const url = lab.route('/later', (_req: IncomingMessage, hits: number) =>
    hits === 1 ? { status: 429, headers: { 'retry-after': '2', 'content-type': 'text/plain' }, body: 'Slow down' } : { status: 200, body: '<title>Later</title>ok' },
  );
  const { tabId } = await visit(driver, url);
  await leaveRetryScheduled(driver, tabId);

  const key = `retry:${tabId}`;
  await expect.poll(() => driver.evalInExtension(async (api, k) => (await api.storage.session.get(k))[k], key), { timeout: 15_000 }).toMatchObject({
    state: 'done',
    result: { retry: { refused: false, status: 200 } },
  });
  await new Promise((r) => setTimeout(r, 1000));
  expect(await notificationsSeen(driver)).not.toContain(key);
});

test('Explain a HAR file lists each refused request of the file', async ({ driver }) => {
  const page = await driver.openExtensionPage(OPTIONS);
  await expect.poll(() => countOf(page, '[data-testid=har-input]')).toBe(1);

  await page.setInputFiles('[data-testid=har-input]', resolve(ROOT, 'test/fixtures/har/mixed.har'));

  await expect.poll(() => countOf(page, '[data-testid=har-finding]')).toBe(6);
  expect(await textOf(page, '[data-testid=har-status]')).toBe(await message(driver, 'harFoundOf', ['6', '9', 'mixed.har']));
  const first = await page.evaluate(() => {
    const row = document.querySelector('[data-testid=har-finding]');
    return { cause: row?.getAttribute('data-cause'), text: row?.textContent ?? '', report: row?.querySelector('textarea')?.value ?? '' };
  }, undefined);
  expect(first.cause).toBe('cloudflare-challenge');
  expect(first.text).toContain('https://www.example.com/');
  expect(first.text).toContain('8e2a4b6c1d3f5a7b-FRA');
  // The ready report carries the Ray ID but not the request's cookie value.
  expect(first.report).toContain('8e2a4b6c1d3f5a7b-FRA');
  expect(first.report).not.toContain('SECRETVALUE');

  // A file that is not JSON is refused with a reason, and the old rows go.
  await page.setInputFiles('[data-testid=har-input]', resolve(ROOT, 'test/fixtures/har/not-json.har'));
  await expect.poll(() => textOf(page, '[data-testid=har-status]')).toContain(await message(driver, 'harInvalid', ['not-json.har']));
  expect(await countOf(page, '[data-testid=har-finding]')).toBe(0);
});
