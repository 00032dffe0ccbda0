import { test, expect } from './support/fixtures';
import type { Driver } from './support/driver';
import { cookieList, eventsOf, readLog, visit } from './support/extension';

/**
 * The worker acts only on well-formed messages from this extension's own pages, and a fix that
 * cannot be carried out says why instead of doing something else.
 */

/** Sends `message` to the worker from an extension page; what came back, or the error text. */
function send(driver: Driver, message: unknown): Promise<{ reply?: unknown; error?: string }> {
  return driver.evalInExtension(
    (api, m) =>
      api.runtime.sendMessage(m).then(
        (reply: unknown) => ({ reply: reply ?? null }),
        (error: unknown) => ({ error: String(error) }),
      ),
    message,
  );
}

/** A site with two cookies and a refused page in a tab: what a fix would act on. */
async function siteWithCookies(driver: Driver, lab: import('./lab/server').Lab) {
  const name = `msg_${Date.now().toString(36)}`;
  lab.route('/login', { status: 200, headers: { 'set-cookie': [`${name}=1; Path=/`, `${name}_b=2; Path=/; Max-Age=3600`] }, body: '<title>in</title>' });
  await visit(driver, lab.url('/login'));
  const ours = async () => (await cookieList(driver)).filter((c) => c.includes(name));
  await expect.poll(ours).toHaveLength(2);
  const url = lab.route('/inbox', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'no' });
  const { page, tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  return { url, page, tabId, ours };
}

test('a fix for a tab that has closed says so and changes nothing', async ({ driver, lab }) => {
  const { url, page, tabId, ours } = await siteWithCookies(driver, lab);
  const hits = lab.hits('/inbox');
  await page.close();
  await expect.poll(() => driver.evalInExtension(async (api, id) => (await api.tabs.query({})).some((t) => t.id === id), tabId)).toBe(false);

  for (const action of ['clear-cookies', 'clear-cache', 'retry']) {
    expect(await send(driver, { type: 'fix', action, tabId, url, thenRetry: true })).toEqual({ reply: { ok: false, message: 'fixErrorTabClosed' } });
  }
  expect(await ours()).toHaveLength(2);
  expect(lab.hits('/inbox')).toBe(hits);
  // The closed tab's log goes with it.
  await expect.poll(() => readLog(driver, tabId)).toBeNull();
});

test('a fix on a page that is not a website says so and changes nothing', async ({ driver, lab }) => {
  const { url, ours } = await siteWithCookies(driver, lab);
  // Opened by the extension: neither browser tells an extension the address of an about: or data: tab.
  const openTab = (target: string) =>
    driver.evalInExtension(async (api, u) => {
      try {
        return (await api.tabs.create({ url: u, active: false })).id ?? null;
      } catch {
        return null; // Firefox refuses to open a data: document at the top level.
      }
    }, target);
  const blankId = await openTab('about:blank');
  const dataId = await openTab('data:text/html,<title>local</title>local');
  expect(blankId).not.toBeNull();
  const tabs = [blankId, dataId].filter((id): id is number => id !== null);
  try {
    for (const tabId of tabs) {
      for (const [action, target] of [['clear-cookies', 'about:blank'], ['clear-cache', 'data:text/html,x'], ['clear-cookies', url], ['clear-cache', url]]) {
        expect(await send(driver, { type: 'fix', action, tabId, url: target, thenRetry: true }), `${action} ${target} in tab ${tabId}`).toEqual({
          reply: { ok: false, message: 'fixErrorNotWebsite' },
        });
      }
    }
    expect(await ours()).toHaveLength(2);
  } finally {
    await driver.evalInExtension((api, ids) => api.tabs.remove(ids), tabs);
  }
});

test('malformed messages get no answer and no action', async ({ driver, lab }) => {
  const { url, tabId, ours } = await siteWithCookies(driver, lab);
  const hits = lab.hits('/inbox');
  const malformed: unknown[] = [
    'fix',
    null,
    42,
    [],
    { type: 'fix' },
    { type: 'fix', action: 'clear-everything', tabId, url, thenRetry: true },
    { type: 'fix', action: 'clear-cookies', tabId: String(tabId), url },
    { type: 'fix', action: 'clear-cookies', tabId: -1, url },
    { type: 'fix', action: 'clear-cookies', tabId: 1.5, url },
    { type: 'fix', action: 'clear-cookies', tabId, url: { href: url } },
    { type: 'fix', action: 'clear-cookies', tabId, url: `${url}?${'x'.repeat(10_000)}` },
    { type: 'schedule-retry', tabId, url, at: Date.now() + 10 * 24 * 3600_000 },
    { type: 'schedule-retry', tabId, url: 'javascript:alert(1)', at: Date.now() + 1000 },
    { type: 'Fix', action: 'clear-cookies', tabId, url },
    { type: 'eval', code: 'browsingData.remove({}, {cookies: true})' },
  ];
  for (const message of malformed) {
    const answer = await send(driver, message);
    expect(answer.reply ?? null, JSON.stringify(message).slice(0, 80)).toBeNull();
  }
  const alarms = await driver.evalInExtension((api) => api.alarms.getAll(), undefined);
  expect(alarms.map((a) => a.name)).not.toContain(`retry:${tabId}`);
  expect(await ours()).toHaveLength(2);
  expect(lab.hits('/inbox')).toBe(hits);

  // The same request, well formed, is carried out: the checks above could fail.
  expect(await send(driver, { type: 'fix', action: 'clear-cookies', tabId, url, thenRetry: false })).toMatchObject({ reply: { ok: true } });
  await expect.poll(ours).toHaveLength(0);
});

test('a web page cannot reach the worker', async ({ driver, lab }) => {
  const { url, page, ours } = await siteWithCookies(driver, lab);
  const extensionId = new URL(driver.extensionBase).host;
  const reach = await page.evaluate(async ({ id, target }) => {
    const g = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: unknown };
    const found = { chrome: typeof g.chrome?.runtime?.sendMessage, browser: typeof g.browser, sent: 'not tried' };
    const sendMessage = g.chrome?.runtime?.sendMessage as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (sendMessage) {
      try {
        found.sent = `answered ${JSON.stringify(await sendMessage(id, { type: 'fix', action: 'clear-cookies', tabId: 1, url: target, thenRetry: false }))}`;
      } catch (error) {
        found.sent = `refused: ${String(error)}`;
      }
    }
    window.postMessage({ type: 'fix', action: 'clear-cookies', tabId: 1, url: target, thenRetry: false }, '*');
    return found;
  }, { id: extensionId, target: url });
  expect(reach.browser).toBe('undefined');
  expect(reach.sent).not.toMatch(/^answered/);
  await new Promise((r) => setTimeout(r, 500));
  expect(await ours()).toHaveLength(2);

  // Nothing in the manifest opens a door to pages either.
  const manifest = await driver.evalInExtension((api) => api.runtime.getManifest() as unknown as Record<string, unknown>, undefined);
  // Firefox reports an absent key as null.
  expect(manifest.externally_connectable ?? null).toBeNull();
  expect(manifest.content_scripts ?? null).toBeNull();
  expect(manifest.web_accessible_resources ?? null).toBeNull();
});
