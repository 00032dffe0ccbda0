import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResponseDetails } from '../../src/background/capture';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
vi.mock('../../src/shared/host-access', () => ({ hasHostAccess: async (url: string) => !url.includes('no-access') }));
const { onStatus } = await import('../../src/background/capture');
const { logOf } = await import('../../src/background/tab-log');
const { recheckRequest } = await import('../../src/background/recheck');
const { settingsLoaded } = await import('../../src/background/settings-cache');
// The words the worker fetches from its own files on first use (background/words.ts), loaded up front here.
await import('../../src/engine/words');

let nextId = 1;
async function refusedFetch(url: string, method = 'GET'): Promise<{ tabId: number; requestId: string }> {
  const tab = await fakeBrowser.tabs.create({ url: 'https://app.example/' });
  const requestId = `rc-${nextId++}`;
  const details: ResponseDetails = { requestId, tabId: tab.id as number, frameId: 0, url, method, type: 'xmlhttprequest', statusCode: 403, timeStamp: Date.now() };
  onStatus(details);
  return { tabId: tab.id as number, requestId };
}

const challengeBody = `<title>Just a moment...</title><div id="challenge-running">Verifying you are human</div>${'x'.repeat(200_000)}<p>Ray ID: <code>8f3c2b1a4d5e6f71</code></p>`;

beforeAll(() => settingsLoaded);
afterEach(() => vi.unstubAllGlobals());

describe('recheckRequest', () => {
  it('asks the recorded address once, with cookies, and judges status, headers and the body\u2019s start', async () => {
    const fetch = vi.fn(async () => new Response(challengeBody, { status: 403, headers: { server: 'cloudflare', 'cf-ray': '8f3c2b1a4d5e6f71-FRA', 'cf-mitigated': 'challenge' } }));
    vi.stubGlobal('fetch', fetch);
    const { tabId, requestId } = await refusedFetch('https://app.example/api/data');
    expect(logOf(tabId)?.events[0]?.vendor).toBeNull();
    const reply = await recheckRequest(tabId, requestId);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('https://app.example/api/data', expect.objectContaining({ method: 'GET', credentials: 'include' }));
    expect(reply).toEqual(expect.objectContaining({ ok: true, status: 403, core: expect.objectContaining({ cause: 'cloudflare-challenge', vendor: 'cloudflare' }) }));
  });

  it('says 200 now with no finding when the answer changed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"ok":true}', { status: 200 })));
    const { tabId, requestId } = await refusedFetch('https://app.example/api/ok');
    expect(await recheckRequest(tabId, requestId)).toEqual(expect.objectContaining({ ok: true, status: 200, core: null }));
  });

  it('never repeats a POST, never asks without host access, never from a private window it is not allowed in', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const post = await refusedFetch('https://app.example/api/submit', 'POST');
    expect(await recheckRequest(post.tabId, post.requestId)).toEqual({ ok: false, message: 'recheckMethod', detail: 'POST' });
    const blind = await refusedFetch('https://no-access.example/api');
    expect(await recheckRequest(blind.tabId, blind.requestId)).toEqual({ ok: false, message: 'recheckNoAccess', detail: 'no-access.example' });
    expect(await recheckRequest(post.tabId, 'no-such-request')).toEqual({ ok: false, message: 'recheckGone' });
    const priv = await refusedFetch('https://app.example/api/private');
    const tabsGet = vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: priv.tabId, incognito: true } as never);
    fakeBrowser.extension.isAllowedIncognitoAccess = async () => false;
    expect(await recheckRequest(priv.tabId, priv.requestId)).toEqual({ ok: false, message: 'recheckPrivate' });
    tabsGet.mockRestore();
    expect(fetch).not.toHaveBeenCalled();
  });
});
