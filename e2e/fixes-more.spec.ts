import type { IncomingMessage } from 'node:http';
import { writeFileSync } from 'node:fs';
import { CF_RAY, scenario } from './lab/scenarios';
import type { Lab, LabAnswer } from './lab/server';
import { test, expect } from './support/fixtures';
import { attributeOf, countOf, textOf, textsOf } from './support/dom';
import { eventsOf, openPopup, openSettledPopup, visit } from './support/extension';
import { clipboardText, message, notificationsSeen, setClipboard, setValue, leaveRetryScheduled } from './support/pages';

/**
 * The popup's fixes and ways around a refusal beyond those in fixes.spec.ts, each carried out in
 * both browsers: the report for the site owner, Wait and retry (with the popup open and closed),
 * private window, home page, address check, archived copy, the developer details and their
 * exports, and the context menu's explanation page.
 */

test('Copy report puts a report with the Ray ID and no cookie value on the clipboard', async ({ driver, lab }) => {
  const secret = `s3cr3t${Date.now().toString(36)}`;
  // The Cloudflare block page of the lab, which also sets cookies whose values must stay private.
  const block = scenario('cloudflare-block').routes['/cloudflare/block'] as LabAnswer;
  const url = lab.route('/cf/members', {
    ...block,
    headers: { ...block.headers, 'set-cookie': [`__cf_bm=${secret}; Path=/; HttpOnly`, `session=${secret}x; Path=/`] },
  });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('cloudflare');
  // What the user copies is what the popup shows: the reference is on screen first.
  await expect.poll(() => textOf(popup, '[data-testid=reference]')).toContain(CF_RAY.split('-')[0]);
  await setClipboard(popup, 'nothing yet');

  await popup.click('[data-testid=copy-report]');

  await expect.poll(() => textOf(popup, '#out-copy-report')).toBe(await message(driver, 'copied'));
  const report = await clipboardText(popup);
  expect(report).toContain(CF_RAY);
  expect(report).toContain(url);
  expect(report).toContain('403');
  expect(report).not.toContain(secret);
});

test('Wait and retry counts down a 429\u2019s Retry-After, then the worker retries and the popup shows the outcome', async ({ driver, lab }) => {
  const url = lab.route('/search', (_req: IncomingMessage, hits: number) =>
    hits === 1
      ? { status: 429, headers: { 'retry-after': '2', 'content-type': 'text/plain' }, body: 'Too Many Requests' }
      : { status: 200, body: '<title>Results</title>ok' },
  );
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);

  // The page itself was refused, so the popup schedules the retry without a click and counts down.
  await expect.poll(() => textOf(popup, '[data-testid=fix-wait] ~ .hint [role=timer]'), { timeout: 3000 }).toMatch(/0:0[0-2]/);
  expect(await textOf(popup, '[data-testid=fix-wait]')).toBe(await message(driver, 'cancelAutoRetry'));
  const record = await driver.evalInExtension(async (api, key) => (await api.storage.session.get(key))[key], `retry:${tabId}`);
  expect(record).toMatchObject({ tabId, url, state: 'scheduled' });

  // The worker's timer retries: the site is asked again, lets it through, and the popup says so.
  await expect.poll(() => lab.hits('/search')).toBe(2);
  await expect.poll(() => countOf(popup, '[data-testid=clean]')).toBe(1);
  const outcome = await textOf(popup, '[data-testid=retry-outcome]');
  expect(outcome).toContain(await message(driver, 'retryOk', ['200']));
  expect(outcome).toContain(await message(driver, 'autoRetryDone', ['']).then((s) => s.trim()));
});

test('a retry that finishes with the popup closed is announced by a notification', async ({ driver, lab }) => {
  const url = lab.route('/feed', (_req: IncomingMessage, hits: number) =>
    hits === 1 ? { status: 429, headers: { 'retry-after': '3', 'content-type': 'text/plain' }, body: 'Slow down' } : { status: 200, body: '<title>Feed</title>ok' },
  );
  const { tabId } = await visit(driver, url);
  await leaveRetryScheduled(driver, tabId);

  await expect.poll(() => lab.hits('/feed'), { timeout: 15_000 }).toBe(2);
  const id = `retry:${tabId}`;
  await expect.poll(() => notificationsSeen(driver)).toContain(id);
  const record = await driver.evalInExtension(async (api, key) => (await api.storage.session.get(key))[key], id);
  expect(record).toMatchObject({ state: 'done', result: { retry: { refused: false, status: 200 } } });
  await driver.evalInExtension((api, key) => api.notifications.clear(key), id);
});

test('after a one-click Retry works, the clean view still says what the retry found', async ({ driver, lab }) => {
  const url = lab.route('/orders', (_req: IncomingMessage, hits: number) =>
    hits === 1 ? { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '0' }, body: 'busy' } : { status: 200, body: '<title>Orders</title>ok' },
  );
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openSettledPopup(driver, tabId);
  await popup.click('[data-testid=fix-retry]');

  await expect.poll(() => countOf(popup, '[data-testid=clean]')).toBe(1);
  await expect.poll(() => textOf(popup, '[data-testid=retry-outcome]')).toContain(await message(driver, 'retryOk', ['200']));
});

test('Open in a private window is offered only when allowed, and says why not', async ({ driver, lab }) => {
  const url = lab.route('/members', { status: 403, body: '<title>Forbidden</title>no' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => textOf(popup, '#hint-private')).toMatch(/\S/);

  const allowed = await driver.evalInExtension((api) => api.extension.isAllowedIncognitoAccess(), undefined);
  if (!allowed) {
    // Neither browser allows a newly installed extension in private windows.
    expect(await attributeOf(popup, '[data-testid=fix-private]', 'disabled')).not.toBeNull();
    expect(await textOf(popup, '#hint-private')).toBe(await message(driver, 'privateNotAllowed'));
    return;
  }
  await popup.click('[data-testid=fix-private]');
  await expect
    .poll(() => driver.evalInExtension(async (api) => (await api.windows.getAll({ populate: true })).filter((w) => w.incognito).flatMap((w) => w.tabs?.map((t) => t.url) ?? []), undefined))
    .toContain(url);
});

test('Go to the site\u2019s home page loads the site\u2019s root in the refused tab', async ({ driver, lab }) => {
  const url = lab.route('/deep/page', { status: 403, body: '<title>Forbidden</title>no' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => textOf(popup, '#hint-home')).toBe(new URL(url).host);

  await popup.click('[data-testid=fix-home]');

  await expect.poll(() => driver.evalInExtension(async (api, id) => (await api.tabs.get(id)).url, tabId)).toBe(lab.url('/'));
  expect(lab.hits('/')).toBeGreaterThan(0);
});

test('Check the address offers the address without the stray character and one level up', async ({ driver, lab }) => {
  lab.route('/docs/guide/intro', { status: 200, body: '<title>Intro</title>ok' });
  // A link copied with the sentence's full stop.
  const url = lab.route('/docs/guide/intro.', { status: 403, body: '<title>Forbidden</title>no' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => countOf(popup, '.guesses button')).toBe(2);
  const guesses = await textsOf(popup, '.guesses button');
  const host = new URL(url).host;
  expect(guesses).toEqual([await message(driver, 'tryAddress', [`${host}/docs/guide/intro`]), await message(driver, 'tryAddress', [`${host}/docs/guide/`])]);

  await popup.click('[data-testid=fix-check-url]');

  await expect.poll(() => driver.evalInExtension(async (api, id) => (await api.tabs.get(id)).url, tabId)).toBe(lab.url('/docs/guide/intro'));
  expect(lab.hits('/docs/guide/intro')).toBe(1);
});

test('See an archived copy links to the Wayback Machine for the page (not followed)', async ({ driver, lab }) => {
  const url = lab.route('/gone/article', { status: 451, body: '<title>Unavailable For Legal Reasons</title>no' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => countOf(popup, '[data-testid=fix-archive]')).toBe(1);

  expect(await attributeOf(popup, '[data-testid=fix-archive]', 'href')).toBe(`https://web.archive.org/web/*/${url}`);
  expect(await attributeOf(popup, '[data-testid=fix-archive]', 'target')).toBe('_blank');
  expect(await attributeOf(popup, '[data-testid=fix-archive]', 'rel')).toContain('noopener');
});

/** A page whose image, script and API call are refused, each for another reason. */
function refusingShop(lab: Lab): string {
  lab.route('/img/a.png', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
  lab.route('/img/b.png', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
  lab.route('/api/cart', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '60' }, body: '{"error":"rate_limited"}' });
  lab.route('/js/widget.js', { status: 401, headers: { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="api"' }, body: 'no' });
  return lab.route('/shop', {
    status: 200,
    body: `<!doctype html><title>Shop</title><img src="/img/a.png"><img src="/img/b.png"><script src="/js/widget.js"></script>
<script>fetch('/api/cart', { method: 'POST', body: '{}' }).catch(() => {});</script>`,
  });
}

interface HarEntryShape {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; httpVersion: string; cookies: unknown[]; headers: { name: string; value: string }[]; queryString: unknown[]; headersSize: number; bodySize: number };
  response: { status: number; statusText: string; httpVersion: string; cookies: unknown[]; headers: { name: string; value: string }[]; content: { size: number; mimeType: string }; redirectURL: string; headersSize: number; bodySize: number };
  cache: object;
  timings: { send: number; wait: number; receive: number };
}

/** The fields HAR 1.2 requires (softwareishard.com/blog/har-12-spec), with their types. */
function expectHar12(text: string): HarEntryShape[] {
  const har = JSON.parse(text) as { log: { version: string; creator: { name: string; version: string }; entries: HarEntryShape[] } };
  expect(har.log.version).toBe('1.2');
  expect(typeof har.log.creator.name).toBe('string');
  expect(typeof har.log.creator.version).toBe('string');
  for (const e of har.log.entries) {
    expect(Number.isNaN(Date.parse(e.startedDateTime))).toBe(false);
    expect(typeof e.time).toBe('number');
    const { request: rq, response: rs } = e;
    expect([typeof rq.method, typeof rq.url, typeof rq.httpVersion, typeof rq.headersSize, typeof rq.bodySize]).toEqual(['string', 'string', 'string', 'number', 'number']);
    expect([Array.isArray(rq.cookies), Array.isArray(rq.headers), Array.isArray(rq.queryString)]).toEqual([true, true, true]);
    expect([typeof rs.status, typeof rs.statusText, typeof rs.httpVersion, typeof rs.redirectURL, typeof rs.headersSize, typeof rs.bodySize]).toEqual([
      'number', 'string', 'string', 'string', 'number', 'number',
    ]);
    expect([Array.isArray(rs.cookies), Array.isArray(rs.headers)]).toEqual([true, true]);
    for (const h of rs.headers) expect([typeof h.name, typeof h.value]).toEqual(['string', 'string']);
    expect([typeof rs.content.size, typeof rs.content.mimeType]).toEqual(['number', 'string']);
    expect(typeof e.cache).toBe('object');
    expect([typeof e.timings.send, typeof e.timings.wait, typeof e.timings.receive]).toEqual(['number', 'number', 'number']);
  }
  return har.log.entries;
}

test('Details for developers list every refused request, filter by cause and copy as JSON and as HAR', async ({ driver, lab }, testInfo) => {
  const url = refusingShop(lab);
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(4);
  const events = await eventsOf(driver, tabId);
  const popup = await openSettledPopup(driver, tabId);

  await popup.click('details.developer > summary');
  await expect.poll(() => countOf(popup, '[data-testid=dev-row]')).toBe(4);
  const rows = await popup.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid=dev-row]')].map((row) => ({
        cause: row.getAttribute('data-cause'),
        status: row.querySelector('summary .status')?.textContent,
        method: row.querySelector('summary .method')?.textContent,
        type: row.querySelector('summary .type')?.textContent,
        time: row.querySelector('summary time')?.getAttribute('datetime'),
        url: row.querySelector('summary .url')?.textContent,
      })),
    undefined,
  );
  for (const e of events) {
    expect(rows).toContainEqual(expect.objectContaining({ url: e.url, method: e.method, type: e.type, time: new Date(e.time).toISOString() }));
    expect(rows.find((r) => r.url === e.url)?.status).toContain(String(e.status));
  }
  expect(rows.find((r) => r.url?.endsWith('/api/cart'))?.method).toBe('POST');

  // Filtering by one cause keeps exactly that cause's rows.
  const causes = await popup.evaluate(
    () => [...document.querySelectorAll<HTMLOptionElement>('[data-testid=dev-filter] option')].filter((o) => o.value).map((o) => o.value),
    undefined,
  );
  expect(causes.length).toBeGreaterThan(1);
  const rare = causes.find((cause) => rows.filter((r) => r.cause === cause).length === 1) ?? causes[0]!;
  await setValue(popup, '[data-testid=dev-filter]', rare);
  await expect.poll(() => countOf(popup, '[data-testid=dev-row]')).toBe(rows.filter((r) => r.cause === rare).length);
  expect(new Set(await popup.evaluate(() => [...document.querySelectorAll('[data-testid=dev-row]')].map((r) => r.getAttribute('data-cause')), undefined))).toEqual(new Set([rare]));
  await setValue(popup, '[data-testid=dev-filter]', '');
  await expect.poll(() => countOf(popup, '[data-testid=dev-row]')).toBe(4);

  await popup.click('[data-testid=copy-json]');
  await expect.poll(() => textOf(popup, '.dev-tools [role=status]')).toBe(await message(driver, 'copiedJson', ['4']));
  const json = JSON.parse(await clipboardText(popup)) as { url: string; method: string; status: number; type: string; time: string; cause: string }[];
  expect(json.map((r) => r.url).sort()).toEqual(events.map((e) => e.url).sort());
  for (const r of json) expect(r).toEqual(expect.objectContaining({ method: expect.any(String), status: expect.any(Number), type: expect.any(String), time: expect.any(String), cause: expect.any(String) }));

  await popup.click('[data-testid=copy-har]');
  await expect.poll(() => textOf(popup, '.dev-tools [role=status]')).toBe(await message(driver, 'copiedHar', ['4']));
  const har = await clipboardText(popup);
  const entries = expectHar12(har);
  expect(entries.map((e) => `${e.request.method} ${e.request.url} ${e.response.status}`).sort()).toEqual(events.map((e) => `${e.method} ${e.url} ${e.status}`).sort());
  // The options page's HAR explainer reads the excerpt back and finds the same four refusals.
  const file = testInfo.outputPath('refusals.har');
  writeFileSync(file, har);
  const options = await driver.openExtensionPage('src/options/index.html');
  await expect.poll(() => countOf(options, '[data-testid=har-input]')).toBe(1);
  await options.setInputFiles('[data-testid=har-input]', file);
  await expect.poll(() => countOf(options, '[data-testid=har-finding]')).toBe(4);
});

test('the context menu\u2019s explanation page explains the resource that was chosen', async ({ driver, lab }) => {
  const first = lab.route('/img/first.png', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
  const second = lab.route('/img/second.png', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
  const url = lab.route('/album', { status: 200, body: `<!doctype html><title>Album</title><img src="${first}"><img src="${second}">` });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(2);

  for (const focus of [first, second]) {
    const page = await driver.openExtensionPage(`src/popup/index.html?${new URLSearchParams({ tabId: String(tabId), focus })}`);
    await expect.poll(() => textOf(page, '[data-testid=main-finding] .target .url')).toBe(focus);
    expect(await countOf(page, '.note')).toBe(0);
    await page.close();
  }

  // A chosen item that was not refused: the page says so, then explains what was.
  const unrefused = lab.url('/img/fine.png');
  const page = await driver.openExtensionPage(`src/popup/index.html?${new URLSearchParams({ tabId: String(tabId), focus: unrefused })}`);
  await expect.poll(() => textOf(page, '.note')).toBe(await message(driver, 'focusNotFound', [unrefused]));
  await expect.poll(() => countOf(page, '[data-testid=main-finding]')).toBe(1);
});
