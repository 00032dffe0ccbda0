import { CF_RAY } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { attributeOf, navigateFromPage, textOf } from './support/dom';
import { eventsOf, expectEventPerRequest, openPopup, readLog, visit } from './support/extension';
import { exists, resetSettings, storedSettings } from './support/pages';

/**
 * A subresource's response headers are read only where the user asks (reading them for every
 * response slowed every page: BENCHMARKS.md). Documents are always read with theirs.
 */
const BLOCKED_IMAGE = { status: 403, headers: { server: 'cloudflare', 'cf-ray': CF_RAY, 'cf-mitigated': 'block', 'x-lab-marker': 'image' }, body: 'Forbidden' };

test('a refused image is first seen by its status; "Reload and read headers" shows who refused it', async ({ driver, lab }) => {
  const image = lab.route('/cdn/banner.png', BLOCKED_IMAGE);
  const url = lab.route('/shop', { status: 200, body: `<!doctype html><title>Shop</title><img src="${image}" alt="banner">` });
  const { page, tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  expect((await eventsOf(driver, tabId))[0]).toMatchObject({ url: image, status: 403, noHeaders: true, headers: {} });

  const popup = await openPopup(driver, tabId);
  await expect.poll(() => exists(popup, '[data-testid=main-finding]')).toBe(true);
  expect(await attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('');
  expect(await textOf(popup, '[data-testid=no-headers]')).toMatch(/headers/i);
  expect(await exists(popup, '[data-testid=reference]')).toBe(false);

  const asked = lab.hits('/cdn/banner.png');
  await popup.click('[data-testid=read-headers]');
  // The tab reloads; the image's refusal comes again, with its headers, once per request.
  await expectEventPerRequest(driver, tabId, lab, '/cdn/banner.png', asked, (e) => e.headers['x-lab-marker'] === 'image' && e.noHeaders === undefined);
  expect((await readLog(driver, tabId))?.total).toBe(lab.hits('/cdn/banner.png') - asked);
  // The popup follows the log: now it names the vendor, gives the Ray ID and says headers are read.
  await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('cloudflare');
  expect(await textOf(popup, '[data-testid=reference]')).toContain(CF_RAY.split('-')[0]);
  expect(await textOf(popup, '[data-testid=headers-reading]')).toContain(new URL(url).host);
  expect(await textOf(popup, '[data-testid=headers-outcome]')).toContain(new URL(url).host);

  // Stopping: the next load records the image by its status again.
  await popup.click('[data-testid=stop-headers]');
  await expect.poll(() => exists(popup, '[data-testid=headers-reading]')).toBe(false);
  const stopped = lab.hits('/cdn/banner.png');
  await page.reload();
  await expectEventPerRequest(driver, tabId, lab, '/cdn/banner.png', stopped, (e) => e.noHeaders === true);
});

test('"Read the headers of every request" records refused subresources with their headers, also those only headers reveal', async ({ driver, lab }) => {
  const image = lab.route('/cdn/hero.png', BLOCKED_IMAGE);
  // A 503 is a refusal only with Cloudflare's challenge header: without headers it cannot be told.
  const api = lab.route('/api/stock', { status: 503, headers: { 'cf-mitigated': 'challenge', server: 'cloudflare', 'cf-ray': CF_RAY }, body: '{}' });
  const url = lab.route('/store', {
    status: 200,
    body: `<!doctype html><title>Store</title><img src="${image}" alt="hero"><script>fetch(${JSON.stringify(api)}).catch(() => {})</script>`,
  });
  try {
    const options = await driver.openExtensionPage('src/options/index.html');
    await expect.poll(() => exists(options, '[data-testid=setting-all-headers]')).toBe(true);
    await options.click('[data-testid=setting-all-headers]');
    await expect.poll(async () => (await storedSettings(driver))?.allHeaders).toBe(true);

    // The worker picks the setting up from storage; visit until it has (at most a few tries).
    await expect
      .poll(
        async () => {
          const { tabId } = await visit(driver, `${url}?t=${Date.now()}`);
          await expect.poll(() => eventsOf(driver, tabId)).not.toHaveLength(0);
          await new Promise((r) => setTimeout(r, 300));
          return (await eventsOf(driver, tabId)).map((e) => `${e.status} ${e.headers['cf-ray'] ?? 'none'}`).sort();
        },
        { timeout: 20_000 },
      )
      .toEqual([`403 ${CF_RAY}`, `503 ${CF_RAY}`]);
  } finally {
    await resetSettings(driver);
  }
});

test('reading headers ends when the tab leaves the site it was asked for', async ({ driver, lab }) => {
  const image = lab.route('/cdn/icon.png', BLOCKED_IMAGE);
  const url = lab.route('/catalog', { status: 200, body: `<!doctype html><title>Catalog</title><img src="${image}" alt="icon">` });
  const { page, tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const reading = (): Promise<Record<string, string>> =>
    driver.evalInExtension(async (api) => ((await api.storage.session.get('headers:tabs'))['headers:tabs'] ?? {}) as Record<string, string>, undefined);

  const popup = await openPopup(driver, tabId);
  await expect.poll(() => exists(popup, '[data-testid=read-headers]')).toBe(true);
  const asked = lab.hits('/cdn/icon.png');
  await popup.click('[data-testid=read-headers]');
  await expect.poll(reading).toEqual({ [tabId]: new URL(url).origin });
  // The click reloads the tab: navigate only once the reloaded page's image is recorded with its
  // headers, or the navigation below runs in a document the reload is about to replace.
  await expectEventPerRequest(driver, tabId, lab, '/cdn/icon.png', asked, (e) => e.noHeaders === undefined);
  // Within the site it goes on; on another site (localhost is another site here) it stops.
  await navigateFromPage(page, lab.route('/catalog/page-2', { status: 200, body: '<title>Page 2</title>' }));
  await expect.poll(() => page.url()).toContain('/catalog/page-2');
  expect(await reading()).toEqual({ [tabId]: new URL(url).origin });
  const elsewhere = lab.url('/catalog', 'b');
  await navigateFromPage(page, elsewhere);
  await expect.poll(() => page.url()).toBe(elsewhere);
  await expect.poll(reading).toEqual({});
  await expect.poll(() => exists(popup, '[data-testid=headers-reading]')).toBe(false);
});
