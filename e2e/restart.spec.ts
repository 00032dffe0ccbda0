import { startLab } from './lab/server';
import { test, expect } from './support/fixtures';
import { backgroundContextId, launchDriver, waitFor, type Driver } from './support/driver';
import { attributeOf, countOf } from './support/dom';
import { badgeOf, eventsOf, expectEventPerRequest, openPopup, readLog, visit } from './support/extension';
import type { RefusalEvent } from '../src/shared/log';
import { launchWatching } from './support/ready';

/**
 * The worker is stopped mid-session (Chromium: CDP; Firefox: its event page suspends when idle)
 * and started again by the next refusal. What the user sees must not change, and nothing new may
 * go missing. A browser of its own: Firefox needs a short idle timeout to suspend in test time.
 */
const RESTARTS = 4;

let own: Driver | undefined;
test.afterEach(async () => {
  await own?.close();
  own = undefined;
});

test(`the log, badge and popup survive ${RESTARTS} worker restarts, and refusals after each are still caught`, async ({ driverName }, testInfo) => {
  test.setTimeout(120_000);
  own = await launchWatching(driverName, () => launchDriver(driverName, { backgroundIdleMs: 3000 }));
  const driver = own;
  const lab = await startLab();
  try {
    const url = lab.route('/account', {
      status: 403,
      headers: { server: 'cloudflare', 'cf-ray': '8f00aa11bb22cc33-FRA' },
      body: '<!doctype html><title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>',
    });
    for (let n = 1; n <= RESTARTS + 1; n++) lab.route(`/api/after-restart-${n}`, { status: 429, headers: { 'content-type': 'text/plain' }, body: 'slow down' });
    const { page, tabId } = await visit(driver, url);
    await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
    await expect.poll(() => badgeOf(driver, tabId)).toBe('1');

    const lives = new Set<string>();
    let restarts = 0;
    for (let round = 1; round <= RESTARTS; round++) {
      await driver.stopBackground();
      expect(await backgroundContextId(driver), 'the background is stopped').toBeNull();

      // While it is stopped: the log, the badge and the popup are as they were.
      const stored = await readLog(driver, tabId);
      expect(stored?.documentUrl).toBe(url);
      expect(stored?.total).toBe(round);
      expect(stored?.events).toHaveLength(round);
      expect(await badgeOf(driver, tabId)).toBe(String(round));
      const popup = await openPopup(driver, tabId);
      await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('cloudflare');
      expect(await countOf(popup, '[data-testid=main-finding]')).toBe(1);
      await popup.close();

      // A new refusal on the same page starts a new worker, which adds to the restored log.
      const api = lab.url(`/api/after-restart-${round}`);
      await page.evaluate((target) => fetch(target).then((r) => r.status), api);
      await expect.poll(async () => (await eventsOf(driver, tabId)).map((e) => e.url)).toContain(api);
      const after = await readLog(driver, tabId);
      expect(after?.total).toBe(round + 1);
      expect(after?.events[0]?.url, 'the page\u2019s own refusal is still first').toBe(url);
      await expect.poll(() => badgeOf(driver, tabId)).toBe(String(round + 1));
      const life = await waitFor('the restarted background', () => backgroundContextId(driver));
      expect(lives.has(life), 'a new background life, not an old one').toBe(false);
      lives.add(life);
      restarts++;
    }

    // A tab opened after the last restart is recorded as well.
    const fresh = await visit(driver, lab.route('/after-all', { status: 401, headers: { 'content-type': 'text/plain' }, body: 'no' }));
    await expect.poll(() => eventsOf(driver, fresh.tabId)).toHaveLength(1);
    await expect.poll(() => badgeOf(driver, fresh.tabId)).toBe('1');
    expect(restarts).toBe(RESTARTS);
    testInfo.annotations.push({ type: 'restarts survived', description: String(restarts) });
  } finally {
    await lab.close();
  }
});

test('a tab that asked for headers still gets them after the worker restarts', async ({ driverName }) => {
  test.setTimeout(120_000);
  own = await launchWatching(driverName, () => launchDriver(driverName, { backgroundIdleMs: 3000 }));
  const driver = own;
  const lab = await startLab();
  try {
    const image = lab.route('/cdn/late.png', { status: 403, headers: { 'x-lab-marker': 'late-image' }, body: 'no' });
    // The image is asked for at once: the worker woken by the page's own request is still reading
    // back which tabs read headers when the image's answer comes.
    const url = lab.route('/late-gallery', { status: 200, body: `<!doctype html><title>Gallery</title><img src="${image}" alt="late">` });
    const { page, tabId } = await visit(driver, url);
    const LATE = '/cdn/late.png';
    const marked = (e: RefusalEvent): boolean => e.headers['x-lab-marker'] === 'late-image';
    await expectEventPerRequest(driver, tabId, lab, LATE, 0, (e) => e.noHeaders === true);

    const popup = await openPopup(driver, tabId);
    await expect.poll(() => countOf(popup, '[data-testid=read-headers]')).toBe(1);
    const asked = lab.hits(LATE);
    await popup.click('[data-testid=read-headers]');
    await expectEventPerRequest(driver, tabId, lab, LATE, asked, marked);
    await popup.close();

    // Each wake: the worker is woken by the page's own request and the image answers at once.
    // Chromium: a listener with headers on every response holds what comes before the worker
    // knows which tabs read them (header-bridge.ts). Firefox keeps primed while suspended only the
    // listeners registered while the script first ran, so the first wake after asking reads the
    // image by its status; from the next one the tab's listener is primed (start-mirror.ts).
    // Either way each request of the image is one event, every time.
    for (let wake = 1; wake <= 3; wake++) {
      await driver.stopBackground();
      const before = lab.hits(LATE);
      await page.reload();
      const firstFirefoxWake = driverName === 'firefox' && wake === 1;
      await expectEventPerRequest(driver, tabId, lab, LATE, before, (e) => marked(e) || (firstFirefoxWake && e.noHeaders === true), `wake ${wake}`);
      expect((await readLog(driver, tabId))?.total).toBe(lab.hits(LATE) - before);
    }
  } finally {
    await lab.close();
  }
});
