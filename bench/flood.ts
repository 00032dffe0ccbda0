import type { CDPSession } from 'puppeteer-core';
import type { BenchBrowser } from './browsers';
import { openPopup, waitForTotal } from './popup';
import { waitIdle } from './proc';

export interface FloodResult {
  events: number;
  /** Refusals the worker counted in the tab's log (should equal `events`). */
  recorded: number;
  floodMs: number;
  storedBytesPerTab: number;
  storedEvents: number;
  heapBefore: number;
  heapAfter: number;
  workerHeapGrowthBytes: number;
  /** During the flood: the 'retry' fix for another tab (half-way), and opening the popup on the flooded tab. */
  midFixMs: number;
  midFixAnswer: unknown;
  /** Median of the popup openings during the flood (MID_POINTS), and each of them. */
  midPopupMs: number;
  midPopupsMs: number[];
  afterFixMs: number;
  afterPopupMs: number;
}

const CONCURRENCY = 32;
/** Shares of the flood fired when the popup is opened during it. */
const MID_POINTS = [0.2, 0.35, 0.5, 0.65, 0.8];
const WARM_UP = 1000;

async function usedHeap(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  return (await session.send('Runtime.getHeapUsage')).usedSize;
}

/** Sends the popup's 'fix' message (action retry) for `tabId` from an extension page; ms to the answer. */
async function timeRetryFix(page: import('puppeteer-core').Page, tabId: number, url: string): Promise<{ ms: number; answer: unknown }> {
  const message = JSON.stringify({ type: 'fix', action: 'retry', tabId, url, thenRetry: false });
  return (await page.evaluate(
    `(async () => { const t = performance.now(); const answer = await chrome.runtime.sendMessage(${message}); return { ms: performance.now() - t, answer }; })()`,
  )) as { ms: number; answer: unknown };
}

/**
 * Section 5: one tab fires `events` refused fetches. Meanwhile and afterwards: a fix still answers,
 * the popup still opens; after it: the tab's stored log size and the worker's heap growth.
 */
export async function benchFlood(b: BenchBrowser, origin: string, events: number, progress: (line: string) => void): Promise<FloodResult> {
  const other = await b.newPage();
  await other.goto(`${origin}/plain`);
  const otherUrl = `${origin}/plain`;
  await b.page.goto(`${origin}/flood?run=warm`);
  const floodTab = await b.benchTabId(`${origin}/flood`);
  const otherTab = await b.benchTabId(otherUrl);
  const session = await b.workerSession();
  await b.page.evaluate(`flood(${WARM_UP}, ${CONCURRENCY}, 'warm')`);
  await waitForTotal(b, floodTab, WARM_UP);
  // A new document: the main flood starts from an empty log, after the worker's code is warm.
  await b.page.goto(`${origin}/flood?run=main`);
  await waitIdle(b.pid);
  const heapBefore = await usedHeap(session);
  progress(`flood: worker heap ${(heapBefore / 1024).toFixed(0)} KB before; firing ${events} refused requests`);

  const done = b.page.evaluate(`flood(${events}, ${CONCURRENCY}, 'main')`) as Promise<{ ms: number }>;
  // The popup is opened at five points of the flood (one opening is too noisy to budget); half-way,
  // a fix is sent from it too.
  const midPopups: number[] = [];
  let midFix: { ms: number; answer: unknown } = { ms: NaN, answer: null };
  for (const share of MID_POINTS) {
    while (((await b.page.evaluate('window.__flooded')) as number) < events * share) await new Promise((r) => setTimeout(r, 100));
    const mid = await openPopup(b, floodTab);
    midPopups.push(mid.ms);
    if (share === 0.5) midFix = await timeRetryFix(mid.page, otherTab, otherUrl);
    await mid.page.close();
  }
  progress(`flood: popups ${midPopups.map((ms) => ms.toFixed(0)).join(', ')} ms during it, retry fix answered in ${midFix.ms.toFixed(0)} ms half-way`);
  const { ms: floodMs } = await done;
  const recorded = await waitForTotal(b, floodTab, events);
  await waitIdle(b.pid);
  const heapAfter = await usedHeap(session);
  const key = `tab:${floodTab}`;
  const stored = await b.evalExtension<{ events?: unknown[] } | undefined>(`(await api.storage.session.get(${JSON.stringify(key)}))[${JSON.stringify(key)}]`);
  const after = await openPopup(b, floodTab);
  const afterFix = await timeRetryFix(after.page, otherTab, otherUrl);
  await after.page.close();
  await session.detach().catch(() => undefined);
  await other.close();
  return {
    events,
    recorded,
    floodMs,
    storedBytesPerTab: Buffer.byteLength(JSON.stringify(stored ?? null)),
    storedEvents: stored?.events?.length ?? 0,
    heapBefore,
    heapAfter,
    workerHeapGrowthBytes: heapAfter - heapBefore,
    midFixMs: midFix.ms,
    midFixAnswer: midFix.answer,
    midPopupMs: [...midPopups].sort((a, b) => a - b)[Math.floor(midPopups.length / 2)] ?? NaN,
    midPopupsMs: midPopups,
    afterFixMs: afterFix.ms,
    afterPopupMs: after.ms,
  };
}
