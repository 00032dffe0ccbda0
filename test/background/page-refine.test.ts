import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponseDetails } from '../../src/background/capture';
import type { HistoryDay } from '../../src/shared/history';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
// The page as the tab would give it: Cloudflare's block page, which names its source in its text only.
const page = { pageTitle: 'Attention Required! | Cloudflare', pageText: '<title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1><p>Cloudflare Ray ID: <strong>8f3c2b1a4d5e6f70</strong></p>' };
const readPage = vi.fn(async () => ({ ...page, cookies: [] as string[] }));
vi.mock('../../src/shared/page-reader', () => ({ readPage }));
const { onResponse, onUnseenDocument } = await import('../../src/background/capture');
const { logOf } = await import('../../src/background/tab-log');
const { writeQueued } = await import('../../src/background/history-writer');
const { applyRefinement, forgetLoadedPage, refineLoadedPage } = await import('../../src/background/page-refine');
const { settingsLoaded } = await import('../../src/background/settings-cache');
// The words the worker fetches from its own files on first use (background/words.ts), loaded up front here.
await import('../../src/engine/words');

let nextId = 1;
async function refusedPage(path: string): Promise<{ tabId: number; url: string }> {
  const url = `https://shop.example/${path}`;
  const tab = await fakeBrowser.tabs.create({ url });
  onResponse(answerOf(tab.id as number, url));
  return { tabId: tab.id as number, url };
}

/** Cloudflare's answer to the page: a 403 whose headers say only that Cloudflare is in front. */
function answerOf(tabId: number, url: string): ResponseDetails {
  return {
    requestId: `refine-${nextId++}`,
    tabId,
    frameId: 0,
    url,
    method: 'GET',
    type: 'main_frame',
    statusCode: 403,
    timeStamp: Date.now(),
    responseHeaders: [
      { name: 'server', value: 'cloudflare' },
      { name: 'cf-ray', value: '8f3c2b1a4d5e6f70-FRA' },
    ],
  };
}

async function historyEntries(): Promise<HistoryDay['entries']> {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.entries(all).flatMap(([key, day]) => (key.startsWith('history:') ? (day as HistoryDay).entries : []));
}

beforeAll(() => settingsLoaded);
beforeEach(() => readPage.mockClear());

describe('refining a refused page once it has loaded', () => {
  it('gives the log and the queued history entry the cause its text names', async () => {
    const { tabId, url } = await refusedPage('queued');
    // From its headers alone the worker cannot tell whose refusal this is.
    expect(logOf(tabId)?.events[0]?.vendor).toBeNull();
    await refineLoadedPage(tabId, url);
    expect(logOf(tabId)?.events).toEqual([expect.objectContaining({ cause: 'cloudflare-block', category: 'security-block', vendor: 'cloudflare', seq: 1 })]);
    await writeQueued();
    expect(await historyEntries()).toContainEqual(expect.objectContaining({ url, cause: 'cloudflare-block', vendor: 'cloudflare', reference: expect.stringContaining('8f3c2b1a4d5e6f70') }));
  });

  it('rewrites an entry that was written already, and reads each page once', async () => {
    const { tabId, url } = await refusedPage('written');
    await writeQueued();
    expect(await historyEntries()).toContainEqual(expect.objectContaining({ url, vendor: null }));
    await refineLoadedPage(tabId, url);
    await refineLoadedPage(tabId, url);
    expect(readPage).toHaveBeenCalledTimes(1);
    await writeQueued();
    const mine = (await historyEntries()).filter((e) => e.url === url);
    expect(mine).toEqual([expect.objectContaining({ cause: 'cloudflare-block', vendor: 'cloudflare', count: 1 })]);
  });

  it('the page loaded before its refusal reached the worker (another channel, a busy worker): refined when the refusal comes', async () => {
    const url = 'https://shop.example/completed-first';
    const tab = await fakeBrowser.tabs.create({ url });
    const tabId = tab.id as number;
    await refineLoadedPage(tabId, url);
    expect(readPage).not.toHaveBeenCalled();
    onResponse({ ...answerOf(tabId, url) });
    await vi.waitFor(() => expect(logOf(tabId)?.events).toEqual([expect.objectContaining({ cause: 'cloudflare-block', vendor: 'cloudflare', headers: expect.objectContaining({ 'cf-ray': '8f3c2b1a4d5e6f70-FRA' }) })]));
    expect(readPage).toHaveBeenCalledTimes(1);
    await writeQueued();
    expect((await historyEntries()).filter((e) => e.url === url)).toEqual([expect.objectContaining({ cause: 'cloudflare-block', vendor: 'cloudflare', reference: expect.stringContaining('8f3c2b1a4d5e6f70') })]);
  });

  it('a page refined from a status read of itself keeps its cause when its answer with headers comes after (Firefox)', async () => {
    const url = 'https://shop.example/read-first';
    const tab = await fakeBrowser.tabs.create({ url });
    const tabId = tab.id as number;
    onUnseenDocument(tabId, url, 403, Date.now());
    await refineLoadedPage(tabId, url);
    expect(logOf(tabId)?.events).toEqual([expect.objectContaining({ cause: 'cloudflare-block', noHeaders: true })]);
    // The listener's answer for the same document, with the headers: from them alone, no vendor.
    onResponse(answerOf(tabId, url));
    await vi.waitFor(() => expect(logOf(tabId)?.events).toEqual([expect.objectContaining({ cause: 'cloudflare-block', vendor: 'cloudflare', headers: expect.objectContaining({ 'cf-ray': '8f3c2b1a4d5e6f70-FRA' }) })]));
    expect(logOf(tabId)?.total).toBe(1);
    // Read once for the load, however many versions it refined.
    expect(readPage).toHaveBeenCalledTimes(1);
    await writeQueued();
    expect((await historyEntries()).filter((e) => e.url === url)).toEqual([expect.objectContaining({ cause: 'cloudflare-block', vendor: 'cloudflare', count: 1 })]);
  });

  it('a new document in the tab is read anew: what was read of the last one is not applied to it', async () => {
    const { tabId, url } = await refusedPage('reloaded');
    await refineLoadedPage(tabId, url);
    forgetLoadedPage(tabId);
    onResponse(answerOf(tabId, url));
    expect(readPage).toHaveBeenCalledTimes(1);
    await refineLoadedPage(tabId, url);
    expect(readPage).toHaveBeenCalledTimes(2);
  });

  it('leaves pages that were not refused unread', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://shop.example/fine' });
    await refineLoadedPage(tab.id as number, 'https://shop.example/fine');
    expect(readPage).not.toHaveBeenCalled();
  });

  it('takes the popup\u2019s conclusion only for a request the tab still holds', async () => {
    const { tabId } = await refusedPage('popup');
    const requestId = logOf(tabId)?.events[0]?.requestId as string;
    expect(applyRefinement(tabId, 'no-such-request', { cause: 'cloudflare-block', category: 'security-block', vendor: 'cloudflare' })).toBe(false);
    expect(applyRefinement(tabId, requestId, { cause: 'cloudflare-block', category: 'security-block', vendor: 'cloudflare' })).toBe(true);
    expect(logOf(tabId)?.events[0]).toEqual(expect.objectContaining({ cause: 'cloudflare-block', vendor: 'cloudflare' }));
  });
});
