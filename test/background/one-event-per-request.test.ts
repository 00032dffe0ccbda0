import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEADER_TABS_KEY, tabKey, type TabLog } from '../../src/shared/log';
import { SETTINGS_KEY } from '../../src/shared/settings';
import { fakeBrowser, settle } from './fake-browser';

/**
 * Issue 10: one event per request, by its requestId, whatever order and delay the browser's
 * events come in; and nothing lost to a restore or a settings read that finishes after them.
 * The worker's modules run against a fake browser; each test loads them fresh (a new worker life).
 */
let fake = fakeBrowser();
vi.mock('../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

const SHOP = 'https://shop.example/';
const IMAGE = 'https://cdn.example/banner.png';
const CF = [
  { name: 'server', value: 'cloudflare' },
  { name: 'cf-ray', value: '8a1b2c3d4e5f6a7b-FRA' },
];

/** A new worker life on `fake` (set it up before), its listeners as index.ts wires them. */
async function startWorker() {
  vi.resetModules();
  const capture = await import('../../src/background/capture');
  const tabLog = await import('../../src/background/tab-log');
  const headerReading = await import('../../src/background/header-reading');
  const settingsCache = await import('../../src/background/settings-cache');
  headerReading.setHeaderHandler(capture.onResponse);
  return { ...capture, ...tabLog, ...headerReading, ...settingsCache };
}

const response = (over: Record<string, unknown> = {}) => ({
  requestId: '100',
  tabId: 1,
  frameId: 0,
  url: IMAGE,
  method: 'GET',
  type: 'image',
  statusCode: 403,
  timeStamp: 1000,
  initiator: 'https://shop.example',
  ...over,
});
const withHeaders = (over: Record<string, unknown> = {}) => response({ responseHeaders: CF, ...over });
const error = (over: Record<string, unknown> = {}) => ({
  requestId: '100',
  tabId: 1,
  frameId: 0,
  url: IMAGE,
  method: 'GET',
  type: 'image',
  error: 'net::ERR_BLOCKED_BY_RESPONSE',
  timeStamp: 1001,
  ...over,
});

type Worker = Awaited<ReturnType<typeof startWorker>>;

/** What the popup would read: the tab's log in storage.session, after the worker wrote it. */
async function stored(w: Worker, tabId = 1): Promise<TabLog | undefined> {
  await w.flush();
  return fake.session.data[tabKey(tabId)] as TabLog | undefined;
}

const summary = (log: TabLog | undefined) =>
  log && { total: log.total, events: log.events.map((e) => `${e.type} ${e.status} ${e.error ?? ''} ${e.noHeaders ? 'no-headers' : e.headers['cf-ray'] ?? 'none'}`.replace(/ +/g, ' ')) };

afterEach(() => {
  vi.useRealTimers();
  fake = fakeBrowser();
});

describe('one event per request, in any order', () => {
  it('status-only first, headers seconds later: one event, upgraded in place to the version with headers', async () => {
    const w = await startWorker();
    await w.readHeadersIn(1, 'https://shop.example');
    vi.useFakeTimers();
    w.onStatus(response());
    vi.advanceTimersByTime(5000);
    w.onResponse(withHeaders());
    vi.useRealTimers();
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['image 403 8a1b2c3d4e5f6a7b-FRA'] });
  });

  it('status-only first, headers a moment later but after a sweep: still one event', async () => {
    const w = await startWorker();
    await w.readHeadersIn(1, 'https://shop.example');
    vi.useFakeTimers();
    // Another request's headers start the clock; this one's status comes just before it runs out.
    w.onResponse(withHeaders({ requestId: '99', url: 'https://cdn.example/other.png' }));
    vi.advanceTimersByTime(995);
    w.onStatus(response());
    vi.advanceTimersByTime(10);
    w.onResponse(withHeaders());
    vi.useRealTimers();
    const log = await stored(w);
    expect(log?.total).toBe(2);
    expect(log?.events.filter((e) => e.url === IMAGE).map((e) => e.headers['cf-ray'])).toEqual(['8a1b2c3d4e5f6a7b-FRA']);
  });

  it('headers first, status-only later: one event with the headers, however late the status comes', async () => {
    const w = await startWorker();
    await w.readHeadersIn(1, 'https://shop.example');
    vi.useFakeTimers();
    w.onResponse(withHeaders());
    vi.advanceTimersByTime(7000);
    w.onStatus(response());
    vi.useRealTimers();
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['image 403 8a1b2c3d4e5f6a7b-FRA'] });
  });

  it('a tab not reading headers records the status at once, without waiting', async () => {
    const w = await startWorker();
    w.onStatus(response());
    expect(summary(w.logOf(1))).toEqual({ total: 1, events: ['image 403 no-headers'] });
  });

  it('a refused frame seen by onHeadersReceived and again by onErrorOccurred is one event with both', async () => {
    const w = await startWorker();
    w.onResponse(withHeaders({ type: 'sub_frame', url: 'https://widget.example/', frameId: 4 }));
    w.onError(error({ type: 'sub_frame', url: 'https://widget.example/', frameId: 4 }));
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['sub_frame 403 net::ERR_BLOCKED_BY_RESPONSE 8a1b2c3d4e5f6a7b-FRA'] });
  });

  it('a refused page seen by both keeps its headers: the error does not start the page again', async () => {
    const w = await startWorker();
    w.onResponse(withHeaders({ type: 'main_frame', url: SHOP }));
    w.onError(error({ type: 'main_frame', url: SHOP }));
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['main_frame 403 net::ERR_BLOCKED_BY_RESPONSE 8a1b2c3d4e5f6a7b-FRA'] });
  });

  it('an image blocked after its status was seen (status-only, then the error) is one event', async () => {
    const w = await startWorker();
    w.onStatus(response());
    w.onError(error());
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['image 403 net::ERR_BLOCKED_BY_RESPONSE no-headers'] });
  });

  it('one request answered twice (401, then 403 after the browser retried it): one event, the final answer', async () => {
    const w = await startWorker();
    w.onStatus(response({ statusCode: 401 }));
    w.onStatus(response({ statusCode: 403 }));
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['image 403 no-headers'] });
  });

  it('in a flood, repeats are counted without a diagnosis, and a later version of one is not counted again', async () => {
    const w = await startWorker();
    for (let i = 0; i < 100; i++) w.onStatus(response({ requestId: String(i), url: `${IMAGE}?n=${i}` }));
    w.onResponse(withHeaders({ requestId: '99', url: `${IMAGE}?n=99` }));
    const log = await stored(w);
    expect([log?.total, log?.events.length, log?.dropped]).toEqual([100, 30, 70]);
  });

  it('different requests for the same URL stay different events', async () => {
    const w = await startWorker();
    w.onStatus(response({ requestId: '1' }));
    w.onStatus(response({ requestId: '2' }));
    expect((await stored(w))?.total).toBe(2);
  });

  it('a late version of a request from the previous page does not count on the new one', async () => {
    const w = await startWorker();
    w.onStatus(response());
    w.onResponse(response({ requestId: '200', type: 'main_frame', url: 'https://shop.example/next', statusCode: 200, timeStamp: 1500 }));
    w.onResponse(withHeaders());
    expect((await stored(w))?.total ?? 0).toBe(0);
  });

  it('the history gets one entry per request too', async () => {
    const w = await startWorker();
    await w.readHeadersIn(1, 'https://shop.example');
    vi.useFakeTimers();
    w.onStatus(response());
    vi.advanceTimersByTime(300);
    w.onResponse(withHeaders());
    await vi.advanceTimersByTimeAsync(5000);
    vi.useRealTimers();
    await settle();
    const days = Object.entries(fake.local.data).filter(([k]) => k.startsWith('history:'));
    const entries = days.flatMap(([, day]) => (day as { entries: { url: string; count: number; vendor: string | null }[] }).entries);
    expect(entries.map((e) => `${e.url} x${e.count}`)).toEqual([`${IMAGE} x1`]);
  });
});

describe('a worker that starts while events arrive', () => {
  it('a woken Firefox hands over the new page\u2019s refused image before the page\u2019s own answer: it stays the new page\u2019s', async () => {
    const w = await startWorker();
    w.onStatus(response({ requestId: '1', url: 'https://cdn.example/old.png', timeStamp: 500 }));
    w.onStatus(response({ requestId: '2', timeStamp: 2010 }));
    w.onResponse(response({ requestId: '3', type: 'main_frame', url: SHOP, statusCode: 200, timeStamp: 2000 }));
    w.onResponse(withHeaders({ requestId: '2', timeStamp: 2020 }));
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['image 403 8a1b2c3d4e5f6a7b-FRA'] });
  });

  it('restore finishing after events: the stored log and what came meanwhile are merged, by request', async () => {
    const before = { tabId: 1, documentUrl: SHOP, events: [], total: 0, dropped: 0, worst: -1, nextSeq: 1 } as TabLog;
    fake.session.data[tabKey(1)] = before;
    // The previous life recorded request 100 by its status only.
    {
      const w = await startWorker();
      await settle();
      w.onStatus(response());
      await w.flush();
    }
    expect(summary(fake.session.data[tabKey(1)] as TabLog)).toEqual({ total: 1, events: ['image 403 no-headers'] });
    fake.session.gate.hold();
    const w = await startWorker();
    // Before the restore answers: the same request with headers, and a new one.
    w.onResponse(withHeaders());
    w.onStatus(response({ requestId: '101', url: 'https://cdn.example/second.png' }));
    fake.session.gate.open();
    expect(summary(await stored(w))).toEqual({ total: 2, events: ['image 403 8a1b2c3d4e5f6a7b-FRA', 'image 403 no-headers'] });
  });

  it('a page whose answer no listener saw is recorded by its own status, once; a page the listener saw is not asked', async () => {
    const w = await startWorker();
    expect(await w.onDocumentCommitted(1, SHOP)).toBe(true);
    w.onUnseenDocument(1, SHOP, 403, 3000);
    w.onUnseenDocument(1, SHOP, 403, 3000);
    w.onUnseenDocument(2, 'https://fine.example/', 200, 3000);
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['main_frame 403 no-headers'] });
    expect(fake.session.data[tabKey(2)]).toBeUndefined();
    w.onResponse(response({ requestId: '7', tabId: 3, type: 'main_frame', url: 'https://seen.example/', statusCode: 200 }));
    expect(await w.onDocumentCommitted(3, 'https://seen.example/#top')).toBe(false);
  });

  it('a page read from the page before its answer arrived is one history entry, not two', async () => {
    const w = await startWorker();
    vi.useFakeTimers();
    w.onUnseenDocument(1, SHOP, 403, 3000);
    // Its headers name who refused it: a cause the status alone did not give.
    w.onResponse(withHeaders({ requestId: '8', type: 'main_frame', url: SHOP, timeStamp: 2990, responseHeaders: [...CF, { name: 'cf-mitigated', value: 'block' }] }));
    await vi.advanceTimersByTimeAsync(5000);
    vi.useRealTimers();
    await settle();
    const entries = Object.entries(fake.local.data).flatMap(([k, day]) => (k.startsWith('history:') ? (day as { entries: { url: string; vendor: string | null }[] }).entries : []));
    expect(entries.map((e) => `${e.url} ${e.vendor}`)).toEqual([`${SHOP} cloudflare`]);
  });

  it('Firefox\u2019s order: the page read from itself first, its answer with headers after the write: one event, upgraded in place', async () => {
    const w = await startWorker();
    expect(await w.onDocumentCommitted(1, SHOP)).toBe(true);
    w.onUnseenDocument(1, SHOP, 403, 3000);
    const first = await stored(w);
    expect(summary(first)).toEqual({ total: 1, events: ['main_frame 403 no-headers'] });
    // Seconds later, under load, the listener's answer for the same document, with its headers.
    w.onResponse(withHeaders({ requestId: '8', type: 'main_frame', url: SHOP, timeStamp: 2990 }));
    const after = await stored(w);
    expect(summary(after)).toEqual({ total: 1, events: ['main_frame 403 8a1b2c3d4e5f6a7b-FRA'] });
    expect(after?.events[0]).toMatchObject({ requestId: '8', seq: first?.events[0]?.seq, time: first?.events[0]?.time });
    expect(after?.documentUrl).toBe(SHOP);
    // A later copy of the same answer (the error listener, a repeat) changes nothing.
    w.onResponse(withHeaders({ requestId: '8', type: 'main_frame', url: SHOP, timeStamp: 2991 }));
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['main_frame 403 8a1b2c3d4e5f6a7b-FRA'] });
  });

  it('the answer first, the page read from itself after: the read adds nothing, whatever the fragment', async () => {
    const w = await startWorker();
    w.onResponse(withHeaders({ requestId: '8', type: 'main_frame', url: SHOP, timeStamp: 2990 }));
    w.onUnseenDocument(1, `${SHOP}#top`, 403, 3000);
    expect(summary(await stored(w))).toEqual({ total: 1, events: ['main_frame 403 8a1b2c3d4e5f6a7b-FRA'] });
  });

  it('a page read from itself on one document is not taken by the answer for another', async () => {
    const w = await startWorker();
    w.onUnseenDocument(1, SHOP, 403, 3000);
    w.onResponse(withHeaders({ requestId: '9', type: 'main_frame', url: 'https://shop.example/other', timeStamp: 4000 }));
    const log = await stored(w);
    expect(log?.documentUrl).toBe('https://shop.example/other');
    expect(log?.events.map((e) => `${e.requestId} ${e.url}`)).toEqual(['9 https://shop.example/other']);
  });

  it('a page read from itself whose history entry was written before its answer came: the entry is refined, not doubled', async () => {
    const w = await startWorker();
    vi.useFakeTimers();
    w.onUnseenDocument(1, SHOP, 403, 3000);
    // The status-only entry is written (2 s batches) before the answer arrives.
    await vi.advanceTimersByTimeAsync(5000);
    w.onResponse(withHeaders({ requestId: '8', type: 'main_frame', url: SHOP, timeStamp: 2990, responseHeaders: [...CF, { name: 'cf-mitigated', value: 'block' }] }));
    await vi.advanceTimersByTimeAsync(5000);
    vi.useRealTimers();
    await settle();
    const entries = Object.entries(fake.local.data).flatMap(([k, day]) =>
      k.startsWith('history:') ? (day as { entries: { url: string; vendor: string | null; count: number; reference?: string }[] }).entries : [],
    );
    expect(entries.map((e) => `${e.url} ${e.vendor} x${e.count} ${e.reference ?? 'no reference'}`)).toEqual([`${SHOP} cloudflare x1 Cloudflare Ray ID: 8a1b2c3d4e5f6a7b-FRA`]);
  });

  it('a refused image whose entry was written status-only gets the headers\u2019 vendor in the same entry', async () => {
    const w = await startWorker();
    await w.readHeadersIn(1, 'https://shop.example');
    vi.useFakeTimers();
    w.onStatus(response());
    await vi.advanceTimersByTimeAsync(5000);
    w.onResponse(withHeaders({ responseHeaders: [...CF, { name: 'cf-mitigated', value: 'block' }] }));
    await vi.advanceTimersByTimeAsync(5000);
    vi.useRealTimers();
    await settle();
    const entries = Object.entries(fake.local.data).flatMap(([k, day]) => (k.startsWith('history:') ? (day as { entries: { url: string; vendor: string | null; count: number }[] }).entries : []));
    expect(entries.map((e) => `${e.url} ${e.vendor} x${e.count}`)).toEqual([`${IMAGE} cloudflare x1`]);
  });

  it('restore finishing after the tab left the site: the tab no longer reads headers', async () => {
    fake.session.data[HEADER_TABS_KEY] = { 1: 'https://shop.example' };
    fake.session.gate.hold();
    const w = await startWorker();
    w.onTabDocument(1, 'https://elsewhere.example/');
    fake.session.gate.open();
    await settle();
    expect(w.headersWanted(1)).toBe(false);
    expect(fake.headerListeners.size).toBe(0);
  });

  it('restore finishing after a tab asked to read headers keeps what it asked', async () => {
    fake.session.data[HEADER_TABS_KEY] = { 2: 'https://a.example' };
    fake.session.gate.hold();
    const w = await startWorker();
    const asked = w.readHeadersIn(1, 'https://shop.example');
    fake.session.gate.open();
    await asked;
    expect([w.headersWanted(1), w.headersWanted(2)]).toEqual([true, true]);
    expect(fake.session.data[HEADER_TABS_KEY]).toEqual({ 1: 'https://shop.example', 2: 'https://a.example' });
  });

  it('settings not loaded yet mean the defaults: a refusal is recorded, not dropped', async () => {
    fake.sync.data[SETTINGS_KEY] = { ignoredStatuses: [429] };
    fake.sync.gate.hold();
    const w = await startWorker();
    w.onStatus(response());
    w.onStatus(response({ requestId: '101', statusCode: 429 }));
    expect(w.logOf(1)?.total).toBe(2);
    fake.sync.gate.open();
    await settle();
    expect(w.settings().ignoredStatuses).toEqual([429]);
  });

  it('settings arriving late: a change made while the first read was under way is not undone by it', async () => {
    fake.sync.data[SETTINGS_KEY] = { ignoredStatuses: [429] };
    fake.sync.gate.hold();
    const w = await startWorker();
    // The user changes the settings while the worker's first read waits.
    await fake.browser.storage.sync.set({ [SETTINGS_KEY]: { ignoredStatuses: [403] } });
    expect(w.settings().ignoredStatuses).toEqual([403]);
    // The first read was asked before the change; whatever it answers, the change is newer.
    fake.sync.data[SETTINGS_KEY] = { ignoredStatuses: [429] };
    fake.sync.gate.open();
    await settle();
    expect(w.settings().ignoredStatuses).toEqual([403]);
  });
});
