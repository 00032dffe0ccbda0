import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ONE_CLICK } from '../../src/engine/fixes';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
const { carryOutFix } = await import('../../src/background/fixes');
const { settleMainFrame } = await import('../../src/background/main-frame-waiters');

type Cookie = { name: string; domain: string; path: string; storeId: string };
const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
let cookies: Cookie[];
let reloadAnswer: { status: number; refused: boolean };

/** What the browser was asked to do, in order. */
const calls: unknown[][] = [];
const record =
  (name: string, answer: (...args: never[]) => unknown = () => undefined) =>
  (...args: never[]) => {
    calls.push([name, ...args]);
    return Promise.resolve(answer(...args));
  };

beforeEach(() => {
  fakeBrowser.tabs.resetState();
  calls.length = 0;
  cookies = [
    { name: 'session', domain: 'shop.example', path: '/', storeId: '0' },
    { name: 'wide', domain: '.example', path: '/', storeId: '0' },
  ];
  reloadAnswer = { status: 200, refused: false };
  // The fake has no browsingData or cookies, and does not reload: these stand in for them.
  api.browsingData = {
    remove: record('browsingData.remove', () => {
      cookies = cookies.filter((c) => c.domain.startsWith('.'));
    }),
    removeCache: record('browsingData.removeCache'),
  };
  api.cookies = {
    getAll: record('cookies.getAll', () => [...cookies]),
    remove: record('cookies.remove', ({ name }: { name: string }) => {
      cookies = cookies.filter((c) => c.name !== name);
    }),
  };
  api.tabs!.reload = record('tabs.reload', (tabId: number) => {
    // The tab's next document answers, as capture.ts reports it.
    setTimeout(() => settleMainFrame(tabId, reloadAnswer.status, reloadAnswer.refused), 0);
  });
  delete api.runtime!.getBrowserInfo;
});
afterEach(() => {
  delete api.runtime!.getBrowserInfo;
});

const tabAt = async (url: string): Promise<number> => (await fakeBrowser.tabs.create({ url })).id!;
const asFirefox = (): void => {
  api.runtime!.getBrowserInfo = () => Promise.resolve({ name: 'Firefox' });
};

describe('carryOutFix', () => {
  it('clears the site\u2019s cookies (browsingData by origin, then any cookie still sent), then retries', async () => {
    const tabId = await tabAt('https://shop.example/cart');
    const result = await carryOutFix('clear-cookies', tabId, 'https://shop.example/cart', true);
    expect(result).toEqual({ ok: true, message: 'fixDoneCookies', detail: '2', retry: { status: 200, refused: false } });
    expect(calls.find(([name]) => name === 'browsingData.remove')).toEqual(['browsingData.remove', { origins: ['https://shop.example'] }, { cookies: true }]);
    expect(calls.find(([name]) => name === 'cookies.remove')).toEqual(['cookies.remove', { url: 'https://example/', name: 'wide', storeId: '0' }]);
    expect(cookies).toEqual([]);
  });

  it('in Firefox, clears cookies by hostname and the whole cache (the popup asked first)', async () => {
    asFirefox();
    const tabId = await tabAt('https://shop.example/');
    await carryOutFix('clear-cookies', tabId, 'https://shop.example/', false);
    expect(calls.find(([name]) => name === 'browsingData.remove')?.[1]).toEqual({ hostnames: ['shop.example'] });
    expect(await carryOutFix('clear-cache', tabId, 'https://shop.example/', false)).toEqual({ ok: true, message: 'fixDoneCacheAll' });
    expect(calls.at(-1)).toEqual(['browsingData.removeCache', {}]);
  });

  it('clears one site\u2019s cache in Chrome', async () => {
    const tabId = await tabAt('https://shop.example/');
    expect(await carryOutFix('clear-cache', tabId, 'https://shop.example/', false)).toEqual({ ok: true, message: 'fixDoneCache' });
    expect(calls).toEqual([['browsingData.remove', { origins: ['https://shop.example'] }, { cache: true, cacheStorage: true }]]);
  });

  it('retry reloads bypassing the cache and says whether the page is still refused', async () => {
    const tabId = await tabAt('https://shop.example/');
    reloadAnswer = { status: 403, refused: true };
    expect(await carryOutFix('retry', tabId, 'https://shop.example/', false)).toEqual({ ok: true, message: 'fixDoneRetry', retry: { status: 403, refused: true } });
    expect(calls).toEqual([['tabs.reload', tabId, { bypassCache: true }]]);
  });

  it('acts on no site data outside websites, but a retry still works there', async () => {
    const tabId = await tabAt('about:blank');
    for (const action of ONE_CLICK.filter((a) => a !== 'retry')) {
      expect(await carryOutFix(action, tabId, 'https://shop.example/', false)).toEqual({ ok: false, message: 'fixErrorNotWebsite' });
    }
    expect((await carryOutFix('retry', tabId, 'about:blank', false)).message).toBe('fixDoneRetry');
    expect(calls.map(([name]) => name)).toEqual(['tabs.reload']);
  });

  it('answers with a message key, never a throw: the tab closed, or the browser refused', async () => {
    expect(await carryOutFix('clear-cookies', 999, 'https://shop.example/', true)).toEqual({ ok: false, message: 'fixErrorTabClosed' });
    const tabId = await tabAt('https://shop.example/');
    api.browsingData!.remove = () => Promise.reject(new Error('quota'));
    expect(await carryOutFix('clear-cache', tabId, 'https://shop.example/', true)).toEqual({ ok: false, message: 'fixErrorFailed', detail: 'quota' });
  });
});
