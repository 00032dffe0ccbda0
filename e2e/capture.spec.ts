import { CF_RAY } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { navigateFromPage } from './support/dom';
import { badgeOf, eventsOf, readLog, visit } from './support/extension';

test('a refused page is recorded with its headers and counted on the badge', async ({ driver, lab }) => {
  const url = lab.route('/members', {
    status: 403,
    headers: { server: 'cloudflare', 'cf-ray': CF_RAY, 'x-lab-marker': 'main' },
    body: '<!doctype html><title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>',
  });
  const { tabId } = await visit(driver, url);

  // Within a worker's first seconds the page may be read from itself before its answer arrives
  // (Firefox can tell the commit first): that record is upgraded in place, never doubled.
  await expect.poll(async () => (await eventsOf(driver, tabId)).map((e) => e.headers['x-lab-marker'] ?? 'no headers yet')).toEqual(['main']);
  const [event] = await eventsOf(driver, tabId);
  expect(event).toMatchObject({ url, status: 403, type: 'main_frame', severity: 2 });
  expect(event?.headers).toMatchObject({ server: 'cloudflare', 'cf-ray': CF_RAY, 'x-lab-marker': 'main' });
  expect(typeof event?.category).toBe('string');
  expect(typeof event?.cause).toBe('string');
  expect((await readLog(driver, tabId))?.documentUrl).toBe(url);
  await expect.poll(() => badgeOf(driver, tabId)).toBe('1');
});

test('a refused image is recorded against the page that asked for it, by its status alone', async ({ driver, lab }) => {
  const image = lab.route('/img/logo.png', { status: 403, headers: { 'content-type': 'text/plain', 'x-lab-marker': 'image' }, body: 'Forbidden' });
  const url = lab.route('/article', { status: 200, body: `<!doctype html><title>Article</title><img src="${image}" alt="logo">` });
  const { tabId } = await visit(driver, url);

  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const [event] = await eventsOf(driver, tabId);
  expect(event).toMatchObject({ url: image, status: 403, type: 'image', severity: 0 });
  // A subresource's headers are read only on request (headers.spec.ts): every response would pay.
  expect(event?.noHeaders).toBe(true);
  expect(event?.headers).toEqual({});
  await expect.poll(() => badgeOf(driver, tabId)).toBe('1');
});

test('the badge counts every refusal on the page', async ({ driver, lab }) => {
  const images = [1, 2, 3].map((n) => lab.route(`/img/${n}.png`, { status: 403, body: 'no' }));
  const url = lab.route('/wall', { status: 200, body: images.map((src) => `<img src="${src}">`).join('') });
  const { tabId } = await visit(driver, url);

  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(3);
  await expect.poll(() => badgeOf(driver, tabId)).toBe('3');
});

test('a 200 page leaves no badge and no log', async ({ driver, lab }) => {
  const url = lab.route('/fine', { status: 200, body: '<!doctype html><title>Fine</title><p>ok</p>' });
  // A refused page first, so a stale badge or log from it would show.
  const { page, tabId } = await visit(driver, lab.route('/first', { status: 403, body: 'no' }));
  await expect.poll(() => badgeOf(driver, tabId)).toBe('1');

  await navigateFromPage(page, url);
  await expect.poll(() => page.url()).toBe(url);
  await expect.poll(() => badgeOf(driver, tabId)).toBe('');
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(0);
});

test('refusals in several open tabs are each recorded against their own tab', async ({ driver, lab }) => {
  const first = await visit(driver, lab.route('/one', { status: 403, headers: { 'x-lab-marker': 'one' }, body: 'no' }));
  const second = await visit(driver, lab.route('/two', { status: 401, headers: { 'x-lab-marker': 'two' }, body: 'no' }));
  const third = await visit(driver, lab.route('/three', { status: 429, headers: { 'x-lab-marker': 'three' }, body: 'no' }));

  for (const [tab, marker] of [[first, 'one'], [second, 'two'], [third, 'three']] as const) {
    await expect.poll(async () => (await eventsOf(driver, tab.tabId)).map((e) => e.headers['x-lab-marker'])).toEqual([marker]);
    await expect.poll(() => badgeOf(driver, tab.tabId), { message: `badge of the tab showing /${marker}` }).toBe('1');
  }
});

test('the badge survives a page that commits late', async ({ driver, lab }) => {
  // Chromium clears a tab's badge when its navigation commits; a slow block page commits after
  // the worker has already written the badge.
  const url = lab.route('/slow-block', { status: 403, bodyDelayMs: 1000, body: '<title>Forbidden</title>slow' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  await expect.poll(() => badgeOf(driver, tabId)).toBe('1');
});
