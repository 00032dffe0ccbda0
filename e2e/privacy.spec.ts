import { startLab } from './lab/server';
import { test, expect } from './support/fixtures';
import { launchDriver, type Driver } from './support/driver';
import { eventsOf, visit } from './support/extension';
import { launchWatching } from './support/ready';

/**
 * The local history (storage.local, on disk) keeps refusals from ordinary windows and never from
 * private ones. The worker writes history in batches about 2 s apart.
 */
const HISTORY_WRITE_MS = 2000;

/** Page URLs of every history entry in storage.local. */
function historyPages(driver: Driver): Promise<string[]> {
  return driver.evalInExtension(async (api) => {
    const all = await api.storage.local.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('history:'))
      .flatMap(([, day]) => ((day as { entries?: { page: string; url: string }[] }).entries ?? []).flatMap((e) => [e.page, e.url]));
  }, undefined);
}

test('a refusal in an ordinary window goes to the local history', async ({ driver, lab }) => {
  const url = lab.route(`/ordinary-${Date.now()}`, { status: 403, headers: { 'content-type': 'text/plain' }, body: 'no' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  await expect.poll(() => historyPages(driver), { timeout: HISTORY_WRITE_MS + 10_000 }).toContain(url);
});

let own: Driver | undefined;
test.afterEach(async () => {
  await own?.close();
  own = undefined;
});

test('nothing seen in a private window is written to the local history', async ({ driverName }) => {
  test.skip(
    driverName === 'chromium',
    'Playwright drives no incognito window of a persistent context (the only kind that loads an extension); test/background/history-writer.test.ts covers the rule',
  );
  // Permanent private browsing: every window is private, and the extension is allowed to run in them.
  own = await launchWatching(driverName, () => launchDriver(driverName, { privateBrowsing: true }));
  const driver = own;
  const lab = await startLab();
  try {
    const url = lab.route('/private-visit', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'no' });
    const { tabId } = await visit(driver, url);
    expect(await driver.evalInExtension(async (api, id) => (await api.tabs.get(id)).incognito, tabId)).toBe(true);
    // The extension saw it (the tab's log, in memory only)...
    await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
    // ...and, well past the history's write delay, nothing of it is on disk.
    await new Promise((r) => setTimeout(r, HISTORY_WRITE_MS + 2000));
    expect(await historyPages(driver)).toEqual([]);
  } finally {
    await lab.close();
  }
});
