import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { emptyLog, MAX_EVENTS, tabKey, type RefusalEvent, type TabLog } from '../../src/shared/log';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

// A log left by the worker's previous life, before this one starts (see the restore test).
const OLD_TAB = 90;
const old = emptyLog(OLD_TAB, 'https://old.example/');
old.events.push({ seq: 1, time: 1, url: 'https://old.example/a.png', method: 'GET', type: 'image', status: 403, frameId: 0, headers: {}, cause: 'x', category: 'unknown', vendor: null, severity: 0 });
old.total = 1;
old.nextSeq = 2;
await fakeBrowser.storage.session.set({ [tabKey(OLD_TAB)]: old });

const tabLog = await import('../../src/background/tab-log');
const { flush, forgetTab, logOf, onDocumentCommitted, record, setFlushListener, startDocument } = tabLog;

// Each test uses its own tab: the module keeps its state, as the worker does.
const refusal = (over: Partial<RefusalEvent> = {}): Omit<RefusalEvent, 'seq'> => ({
  time: Date.now(),
  url: 'https://shop.example/img.png',
  method: 'GET',
  type: 'image',
  status: 403,
  frameId: 0,
  headers: {},
  cause: 'x',
  category: 'unknown',
  vendor: null,
  severity: 0,
  ...over,
});
const stored = async (tabId: number): Promise<TabLog | undefined> => (await fakeBrowser.storage.session.get(tabKey(tabId)))[tabKey(tabId)] as TabLog | undefined;

describe('tab-log', () => {
  it('brings back the logs of the worker\u2019s previous life', async () => {
    await flush();
    expect(logOf(OLD_TAB)).toEqual(old);
  });

  it('writes in batches: nothing per request, every change of the batch in one write', async () => {
    vi.useFakeTimers();
    try {
      const flushed: TabLog[][] = [];
      setFlushListener((logs) => flushed.push(logs));
      startDocument(1, 'https://shop.example/');
      for (let i = 0; i < 3; i++) record(1, undefined, refusal({ url: `https://shop.example/${i}.png` }));
      await vi.advanceTimersByTimeAsync(300);
      expect(await stored(1)).toBeUndefined();
      await vi.advanceTimersByTimeAsync(200);
      expect((await stored(1))?.events.map((e) => e.url)).toEqual(['https://shop.example/0.png', 'https://shop.example/1.png', 'https://shop.example/2.png']);
      expect(flushed.map((logs) => logs.map((l) => l.tabId))).toEqual([[1]]);
    } finally {
      setFlushListener(() => {});
      vi.useRealTimers();
    }
  });

  it('stays bounded and keeps the page\u2019s own refusal however many follow', async () => {
    startDocument(2, 'https://shop.example/');
    record(2, 'https://shop.example/', refusal({ type: 'main_frame', severity: 2, url: 'https://shop.example/' }));
    for (let i = 0; i < MAX_EVENTS + 10; i++) record(2, undefined, refusal({ url: `https://shop.example/${i}.png` }));
    await flush();
    const log = (await stored(2)) as TabLog;
    expect([log.events.length, log.total, log.dropped, log.worst]).toEqual([MAX_EVENTS, MAX_EVENTS + 11, 11, 2]);
    expect(log.events[0]?.type).toBe('main_frame');
  });

  it('upgrades a request seen again (same requestId) in place instead of counting it twice', async () => {
    startDocument(3, 'https://shop.example/');
    record(3, undefined, refusal({ requestId: 'r1', noHeaders: true }));
    record(3, undefined, refusal({ requestId: 'r1', headers: { server: 'cloudflare' } }));
    expect(logOf(3)?.total).toBe(1);
    expect(logOf(3)?.events[0]).toMatchObject({ headers: { server: 'cloudflare' } });
    expect(logOf(3)?.events[0]?.noHeaders).toBeUndefined();
  });

  it('starts afresh on a new document, but not for a fragment of the same one', async () => {
    startDocument(4, 'https://shop.example/a');
    record(4, undefined, refusal());
    await onDocumentCommitted(4, 'https://shop.example/a#reviews');
    expect(logOf(4)?.total).toBe(1);
    await onDocumentCommitted(4, 'https://shop.example/b');
    expect(logOf(4)).toMatchObject({ documentUrl: 'https://shop.example/b', total: 0, events: [] });
    await flush();
    expect(await stored(4)).toBeUndefined();
  });

  it('forgets a closed tab, in storage too, and ignores its late answers', async () => {
    startDocument(5, 'https://shop.example/');
    record(5, undefined, refusal());
    await flush();
    expect(await stored(5)).toBeDefined();
    forgetTab(5);
    record(5, undefined, refusal());
    await flush();
    expect([logOf(5), await stored(5)]).toEqual([undefined, undefined]);
  });
});
