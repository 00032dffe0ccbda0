import { MAX_HEADER_VALUE } from '../src/shared/log';
import { test, expect } from './support/fixtures';

import { eventsOf, openSettledPopup, readLog, visit } from './support/extension';

/**
 * Whatever a server sends — huge, binary or malformed headers, odd URLs — the worker records a
 * bounded log without throwing, and the popup still explains the refusal.
 */
const MAX_LOG_BYTES = 64 * 1024;

/** Every stored tab log, for a bound on all of them. */
function allLogSizes(driver: import('./support/driver').Driver): Promise<number[]> {
  return driver.evalInExtension(
    async (api) =>
      Object.entries(await api.storage.session.get(null))
        .filter(([key]) => key.startsWith('tab:'))
        .map(([, value]) => JSON.stringify(value).length),
    undefined,
  );
}

test('a 200 KB header, non-UTF-8 bytes, 150 more headers and malformed Set-Cookie are stored bounded', async ({ driver, lab }) => {
  const huge = 'A'.repeat(200_000);
  // Node writes header strings as latin1: "\xff\xfe\x80" goes out as bytes that are not UTF-8.
  const latin1 = 'caf\xe9 \xff\xfe\x80 bloqu\xe9';
  const many: Record<string, string> = {};
  // Chromium refuses a response whose headers pass 256 KB in all (ERR_RESPONSE_HEADERS_TOO_BIG).
  for (let i = 0; i < 150; i++) many[`x-filler-${i}`] = `value-${i}-${'z'.repeat(200)}`;
  const url = lab.route('/hostile-headers', {
    status: 403,
    headers: {
      'x-huge': huge,
      'x-latin1': latin1,
      'set-cookie': ['=orphan-value', 'novalue', ';;;', `${'k'.repeat(5000)}=secret-long`, 'ok=secret-value; Domain=evil.example; Path=/', '\xff\xfe=binary'],
      ...many,
    },
    body: '<!doctype html><title>Forbidden</title>Access denied',
  });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const log = await readLog(driver, tabId);
  const [event] = log?.events ?? [];
  expect(event).toMatchObject({ url, status: 403 });
  const headers = event?.headers ?? {};

  expect(JSON.stringify(log).length).toBeLessThanOrEqual(MAX_LOG_BYTES);
  for (const [name, value] of Object.entries(headers)) {
    expect(name.length).toBeLessThanOrEqual(64);
    expect(value.length, name).toBeLessThanOrEqual(MAX_HEADER_VALUE * 2);
  }
  // Whatever made it in is the start of what was sent, never more.
  if (headers['x-huge'] !== undefined) expect(huge.startsWith(headers['x-huge'])).toBe(true);
  // Cookie values are secrets: none is stored, however the header was formed.
  expect(JSON.stringify(log)).not.toMatch(/secret|orphan-value/);
  // The popup still explains it.
  await openSettledPopup(driver, tabId);
});

test('one header of 200 KB alone is cut to size', async ({ driver, lab }) => {
  const huge = `start-${'B'.repeat(200_000)}`;
  const url = lab.route('/one-huge', { status: 429, headers: { 'x-block-reason': huge, 'content-type': 'text/plain' }, body: 'slow down' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const [event] = await eventsOf(driver, tabId);
  const stored = event?.headers['x-block-reason'] ?? '';
  expect(stored.startsWith('start-BBB')).toBe(true);
  expect(stored.length).toBeLessThanOrEqual(MAX_HEADER_VALUE);
  expect(Math.max(...(await allLogSizes(driver)))).toBeLessThanOrEqual(MAX_LOG_BYTES);
});

test('data:, blob: and about: requests on a page are not refusals and break nothing', async ({ driver, lab }) => {
  const refused = lab.route('/img/real.png', { status: 403, body: 'no' });
  const url = lab.route('/odd-urls', {
    status: 200,
    body: `<!doctype html><title>Odd</title>
<img src="data:image/png;base64,not-really-a-png">
<img src="data:,">
<iframe src="about:blank"></iframe>
<iframe src="data:text/html,<img src=x>"></iframe>
<script>
  const blob = URL.createObjectURL(new Blob(['hi'], { type: 'text/plain' }));
  fetch(blob).then(() => fetch('data:text/plain,hello')).then(() => fetch('about:blank').catch(() => 0))
    .finally(() => { const img = new Image(); img.src = ${JSON.stringify(refused)}; document.body.append(img); });
</script>`,
  });
  const { tabId } = await visit(driver, url);
  // Only the one real refusal is recorded, after all the odd requests went by.
  await expect.poll(async () => (await eventsOf(driver, tabId)).map((e) => e.url)).toEqual([refused]);
  await new Promise((r) => setTimeout(r, 500));
  expect((await eventsOf(driver, tabId)).map((e) => e.url)).toEqual([refused]);
});
