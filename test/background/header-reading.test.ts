import { describe, expect, it, vi } from 'vitest';
import { HEADER_TABS_KEY, MAX_HEADER_TABS } from '../../src/shared/log';

/**
 * Subresource headers are read only in the tabs that asked (and everywhere when the setting is on).
 * The browser module is a fake that keeps the registered onHeadersReceived listeners, their
 * filters and options, and a storage.session.
 */
type Filter = { urls: string[]; tabId?: number };
const registered = new Map<unknown, { filter: Filter; extra: string[] }>();
const session: Record<string, unknown> = {};

vi.mock('../../src/shared/browser', () => ({
  browser: {
    webRequest: {
      onHeadersReceived: {
        addListener: (fn: unknown, filter: Filter, extra: string[]) => void registered.set(fn, { filter, extra }),
        removeListener: (fn: unknown) => void registered.delete(fn),
      },
    },
    storage: {
      session: {
        get: async (key: string) => (key in session ? { [key]: session[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(session, items),
      },
    },
  },
}));

async function load(stored?: Record<number, string>) {
  vi.resetModules();
  registered.clear();
  for (const key of Object.keys(session)) delete session[key];
  if (stored) session[HEADER_TABS_KEY] = stored;
  const mod = await import('../../src/background/header-reading');
  // Let the module's restore from storage.session finish.
  await new Promise((r) => setTimeout(r, 0));
  return mod;
}

const tabFilters = () => [...registered.values()].map((r) => r.filter.tabId);

describe('reading subresource headers on request', () => {
  it('registers a listener with responseHeaders for the tab only, and removes it when stopped', async () => {
    const m = await load();
    expect(m.headersWanted(7)).toBe(false);
    await m.readHeadersIn(7, 'https://shop.example');
    expect(m.headersWanted(7)).toBe(true);
    expect(m.headersWanted(8)).toBe(false);
    expect([...registered.values()]).toEqual([{ filter: { urls: ['<all_urls>'], tabId: 7 }, extra: ['responseHeaders'] }]);
    expect(session[HEADER_TABS_KEY]).toEqual({ 7: 'https://shop.example' });
    await m.stopReadingHeaders(7);
    expect(m.headersWanted(7)).toBe(false);
    expect(registered.size).toBe(0);
    expect(session[HEADER_TABS_KEY]).toEqual({});
  });

  it('hands each response to the handler set at startup', async () => {
    const m = await load();
    const seen: unknown[] = [];
    m.setHeaderHandler(((d: unknown) => seen.push(d)) as never);
    await m.readHeadersIn(3, 'https://a.example');
    const [listener] = [...registered.keys()] as ((d: unknown) => void)[];
    listener?.({ requestId: '1' });
    expect(seen).toEqual([{ requestId: '1' }]);
  });

  it(`keeps at most ${MAX_HEADER_TABS} tabs, dropping the oldest request`, async () => {
    const m = await load();
    for (let tab = 1; tab <= MAX_HEADER_TABS + 2; tab++) await m.readHeadersIn(tab, `https://s${tab}.example`);
    expect(tabFilters().sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: MAX_HEADER_TABS }, (_, i) => i + 3));
    expect(m.headersWanted(1)).toBe(false);
    expect(m.headersWanted(MAX_HEADER_TABS + 2)).toBe(true);
  });

  it('stops when the tab leaves the site, not when it moves within it', async () => {
    const m = await load();
    await m.readHeadersIn(5, 'https://shop.example');
    m.onTabDocument(5, 'https://shop.example/cart?x=1');
    expect(m.headersWanted(5)).toBe(true);
    m.onTabDocument(5, 'https://other.example/');
    await new Promise((r) => setTimeout(r, 0));
    expect(m.headersWanted(5)).toBe(false);
    expect(registered.size).toBe(0);
  });

  it('a restarted worker reads headers again in the tabs it read them in, ignoring garbage', async () => {
    const m = await load({ 4: 'https://a.example', [-1]: 'https://b.example', x: 'https://c.example', 9: 42 } as unknown as Record<number, string>);
    expect(m.headersWanted(4)).toBe(true);
    expect(tabFilters()).toEqual([4]);
  });

  it('the "every request" setting reads every tab with one listener, and can be turned off', async () => {
    const m = await load();
    m.setReadEverywhere(true);
    m.setReadEverywhere(true);
    expect([...registered.values()]).toEqual([{ filter: { urls: ['<all_urls>'] }, extra: ['responseHeaders'] }]);
    expect(m.headersWanted(123)).toBe(true);
    m.setReadEverywhere(false);
    expect(registered.size).toBe(0);
    expect(m.headersWanted(123)).toBe(false);
  });
});
