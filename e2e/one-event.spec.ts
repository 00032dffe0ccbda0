import { spawn, type ChildProcess } from 'node:child_process';
import { test, expect } from './support/fixtures';
import { navigateFromPage } from './support/dom';
import { eventsOf, readLog, visit } from './support/extension';

/**
 * Issue 10, finding 2: in a tab that reads headers a refused image reaches two listeners (status
 * only, and with headers), in either order and at any distance; under load seconds apart. It must
 * be one event every time, upgraded to the version with headers. A busy loop beside the browser
 * spreads the two listeners' events apart as a loaded machine does. Here the two events came close
 * enough that the old timing rule also passed this (20 of 20); test/background/one-event-per-request
 * .test.ts reproduces its double count by ordering the events itself.
 */
const REPETITIONS = 20;
/** Refused images per load: each is a chance for the two listeners' events to fall apart. */
const IMAGES = 10;

let busy: ChildProcess[] = [];
test.afterEach(() => {
  for (const loop of busy) loop.kill();
  busy = [];
});

test(`a refused image in a tab reading headers is one event: ${REPETITIONS} loads of ${IMAGES} images under CPU load`, async ({ driver, lab }, testInfo) => {
  test.setTimeout(240_000);
  // Every request the lab answers, by address: a browser may ask for one image twice, and each
  // request is one refusal (no more, no fewer).
  const asked: string[] = [];
  lab.route('/cdn/photo.png', (req) => {
    asked.push(req.url ?? '');
    return { status: 403, headers: { server: 'cloudflare', 'cf-ray': '8f00aa11bb22cc55-FRA', 'x-lab-marker': 'photo' }, body: 'no' };
  });
  const url = lab.route('/gallery', (req) => ({
    status: 200,
    // A new address per load, so no cache answers for the lab.
    body: `<!doctype html><title>Gallery</title>${Array.from({ length: IMAGES }, (_, i) => `<img src="/cdn/photo.png?load=${loadOf(req.url)}&i=${i}" alt="photo ${i}">`).join('')}`,
  }));
  /** Once every image of the load was asked for since `from` requests: one event per request, each `marked`. */
  const settled = async (from: number, marked: string): Promise<string> => {
    const since = asked.slice(from);
    const seen = (await eventsOf(driver, tabId)).map((e) => e.headers['x-lab-marker'] ?? 'none');
    if (new Set(since).size < IMAGES) return `${new Set(since).size} images asked for`;
    return seen.length === since.length && seen.every((m) => m === marked) ? 'one event per request' : `${seen.join(', ')} for ${since.length} requests`;
  };
  const { page, tabId } = await visit(driver, `${url}?load=0`);
  await expect.poll(() => settled(0, 'none')).toBe('one event per request');
  // Reading headers reloads the tab.
  const reading = asked.length;
  await driver.evalInExtension((api, id) => api.runtime.sendMessage({ type: 'read-headers', tabId: id, on: true }), tabId);
  await expect.poll(() => settled(reading, 'photo')).toBe('one event per request');

  // One busy loop per core the machine has, beside the browser.
  busy = Array.from({ length: 2 }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const outcomes: string[] = [];
  for (let load = 1; load <= REPETITIONS; load++) {
    await navigateFromPage(page, `${url}?load=${load}`);
    const requested = (): number => asked.filter((u) => u.includes(`load=${load}&`)).length;
    await expect.poll(() => new Set(asked.filter((u) => u.includes(`load=${load}&`))).size, { timeout: 20_000 }).toBe(IMAGES);
    // Every image's version with headers arrives, first or second: one event per request.
    const marks = async (): Promise<string> => {
      const seen = (await eventsOf(driver, tabId)).filter((e) => e.url.includes(`load=${load}&`)).map((e) => e.headers['x-lab-marker'] ?? 'none');
      return seen.length === requested() && seen.every((m) => m === 'photo') ? 'one with headers per request' : `${seen.join(', ')} for ${requested()} requests`;
    };
    await expect.poll(marks, { timeout: 20_000 }).toBe('one with headers per request');
    // And no second event follows any of them: watched over two of the worker's write batches.
    let most = 0;
    for (const deadline = Date.now() + 1000; Date.now() < deadline; ) most = Math.max(most, (await readLog(driver, tabId))?.total ?? 0);
    outcomes.push(most === requested() ? 'one' : `${most - requested()} doubled`);
  }
  testInfo.annotations.push({ type: 'one event', description: `${outcomes.filter((o) => o === 'one').length} of ${REPETITIONS}` });
  console.log(`[${driver.name}] one event in ${outcomes.filter((o) => o === 'one').length} of ${REPETITIONS} loads: ${outcomes.join(', ')}`);
  expect(outcomes).toEqual(Array(REPETITIONS).fill('one'));
});

function loadOf(path: string | undefined): string {
  return new URL(path ?? '/', 'http://lab').searchParams.get('load') ?? '';
}
