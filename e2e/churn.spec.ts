import { test, expect } from './support/fixtures';
import { navigateFromPage } from './support/dom';
import { badgeOf, eventsOf, readLog, visit } from './support/extension';

/** Tabs come and go, documents are swapped without requests: nothing may land on the wrong one. */

/** Every `tab:<id>` key in storage.session, by tab id. */
function storedTabIds(driver: import('./support/driver').Driver): Promise<number[]> {
  return driver.evalInExtension(
    async (api) => Object.keys(await api.storage.session.get(null)).filter((k) => k.startsWith('tab:')).map((k) => Number(k.slice(4))),
    undefined,
  );
}

test('a request that is refused after its tab closed leaves no log behind', async ({ driver, lab }) => {
  // The answer comes a second after the tab is gone; a keepalive fetch outlives its document.
  lab.route('/api/save', { status: 403, delayMs: 1500, headers: { 'content-type': 'text/plain' }, body: 'no' });
  const url = lab.route('/editor', { status: 200, body: '<!doctype html><title>Editor</title>' });
  const { page, tabId } = await visit(driver, url);
  await page.evaluate(() => {
    void fetch('/api/save', { method: 'POST', body: 'draft', keepalive: true }).catch(() => undefined);
  }, undefined);
  await expect.poll(() => lab.hits('/api/save')).toBe(1);
  await page.close();

  await new Promise((r) => setTimeout(r, 2500));
  expect(await storedTabIds(driver)).not.toContain(tabId);
  // The listener is still alive: the next refusal is recorded.
  const next = await visit(driver, lab.route('/next', { status: 403, body: 'no' }));
  await expect.poll(() => eventsOf(driver, next.tabId)).toHaveLength(1);
});

test('requests made by a site\u2019s service worker (no tab) are ignored', async ({ driver, lab }) => {
  lab.route('/sw.js', {
    status: 200,
    headers: { 'content-type': 'text/javascript' },
    body: `self.addEventListener('message', (e) => e.waitUntil(fetch('/api/sync?from=sw').then((r) => e.source.postMessage(r.status))));
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));`,
  });
  lab.route('/api/sync', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'no' });
  const url = lab.route('/app', { status: 200, body: '<!doctype html><title>App</title>' });
  const { page, tabId } = await visit(driver, url);
  const status = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register('/sw.js');
    const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
    return new Promise<number>((resolve) => {
      navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data as number));
      worker?.postMessage('sync');
    });
  }, undefined);
  expect(status).toBe(403);
  expect(lab.hits('/api/sync')).toBe(1);

  await new Promise((r) => setTimeout(r, 1000));
  expect(await eventsOf(driver, tabId)).toEqual([]);
  expect(await badgeOf(driver, tabId)).toBe('');
  const ids = await storedTabIds(driver);
  expect(ids.filter((id) => id < 0)).toEqual([]);
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  }, undefined);
});

test('back to a page from the back/forward cache shows none of the next page\u2019s refusals', async ({ driver, lab }, testInfo) => {
  // Cacheable pages (the lab's default no-store keeps pages out of the back/forward cache).
  const cacheable = { 'cache-control': 'max-age=0' };
  const pageOf = (title: string, images: string[]) => ({
    status: 200,
    headers: cacheable,
    body: `<!doctype html><title>${title}</title><script>addEventListener('pageshow', (e) => { document.body.dataset.restored = String(e.persisted); });</script>` +
      images.map((src) => `<img src="${src}">`).join(''),
  });
  const a = lab.route('/a', pageOf('A', [lab.route('/img/a.png', { status: 403, body: 'no' })]));
  const b = lab.route('/b', pageOf('B', [1, 2, 3].map((n) => lab.route(`/img/b${n}.png`, { status: 403, body: 'no' }))));
  const { page, tabId } = await visit(driver, a);
  await expect.poll(() => badgeOf(driver, tabId)).toBe('1');

  await navigateFromPage(page, b);
  await expect.poll(() => page.url()).toBe(b);
  await expect.poll(() => badgeOf(driver, tabId)).toBe('3');

  await navigateFromPage(page, null);
  await expect.poll(() => page.url()).toBe(a);
  await expect.poll(() => page.evaluate(() => document.body?.dataset.restored ?? null, undefined)).not.toBeNull();
  const restored = await page.evaluate(() => document.body.dataset.restored, undefined);
  testInfo.annotations.push({ type: 'back/forward cache', description: restored === 'true' ? 'page A came from the cache' : 'page A was loaded again' });

  // Give a stale badge the time to show, then check: only A's own refusal (if it was asked for again) or nothing.
  await new Promise((r) => setTimeout(r, 800));
  const log = await readLog(driver, tabId);
  expect(log?.documentUrl ?? a).toBe(a);
  expect((log?.events ?? []).map((e) => e.url).filter((u) => u.includes('/img/b'))).toEqual([]);
  expect(await badgeOf(driver, tabId)).toBe(restored === 'true' ? '' : '1');
});

test('a redirect chain that ends in a 403 is recorded once, against the final URL', async ({ driver, lab }) => {
  const final = lab.route('/members/home', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
  lab.route('/r2', { status: 302, headers: { location: '/members/home' } });
  const start = lab.route('/r1', { status: 302, headers: { location: '/r2' } });
  const page = await driver.openPage(start);
  await expect.poll(() => page.url()).toBe(final);
  const tabId = await driver.tabIdOf(final);

  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  await new Promise((r) => setTimeout(r, 500));
  const log = await readLog(driver, tabId);
  expect(log?.events.map((e) => [e.url, e.status])).toEqual([[final, 403]]);
  expect(log?.documentUrl).toBe(final);
  expect(log?.total).toBe(1);
  expect(await badgeOf(driver, tabId)).toBe('1');
});

test('a prerendered page\u2019s answer does not touch the page on screen', async ({ driver, lab }) => {
  test.skip(driver.name === 'firefox', 'Firefox does not prerender from speculation rules');
  const image = lab.route('/img/shown.png', { status: 403, body: 'no' });
  const purposes: string[] = [];
  const ahead = (status: number) => (req: import('node:http').IncomingMessage) => {
    purposes.push(`${status} ${String(req.headers['sec-purpose'])}`);
    return { status, headers: { 'content-type': 'text/html' }, body: `<!doctype html><title>${status}</title>` };
  };
  // A refused page and a clean one, both loaded ahead of time: neither is the tab's document yet.
  lab.route('/next-403', ahead(403));
  lab.route('/next-ok', ahead(200));
  const url = lab.route('/list', {
    status: 200,
    body: `<!doctype html><title>List</title><img src="${image}"><a href="/next-403">next</a>
<script type="speculationrules">{"prerender":[{"source":"list","urls":["/next-403","/next-ok"],"eagerness":"immediate"}]}</script>`,
  });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => [...purposes].sort()).toEqual(['200 prefetch;prerender', '403 prefetch;prerender']);

  await new Promise((r) => setTimeout(r, 800));
  const log = await readLog(driver, tabId);
  expect(log?.documentUrl).toBe(url);
  expect(log?.events.map((e) => e.url)).toEqual([image]);
  expect(await badgeOf(driver, tabId)).toBe('1');
});
