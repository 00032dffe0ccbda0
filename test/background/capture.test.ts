import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ErrorDetails, ResponseDetails } from '../../src/background/capture';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
const { onError, onResponse, onStatus } = await import('../../src/background/capture');
const { logOf } = await import('../../src/background/tab-log');
const { settingsLoaded } = await import('../../src/background/settings-cache');

let nextId = 1;
// Each test uses its own tab: the worker's modules keep their state.
const response = (tabId: number, over: Partial<ResponseDetails>): ResponseDetails => ({
  requestId: String(nextId++),
  tabId,
  frameId: 0,
  url: 'https://shop.example/',
  method: 'GET',
  type: 'main_frame',
  statusCode: 200,
  timeStamp: Date.now(),
  ...over,
});
const page = (tabId: number, statusCode: number, headers: Record<string, string> = {}): ResponseDetails =>
  response(tabId, { statusCode, responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })) });

beforeAll(() => settingsLoaded);

describe('capture', () => {
  it('records nothing for ordinary answers', () => {
    onResponse(page(1, 200));
    onStatus(response(1, { type: 'image', url: 'https://shop.example/a.png', statusCode: 404 }));
    expect(logOf(1)?.total ?? 0).toBe(0);
  });

  it('records a refused page with its headers, diagnosis and severity', () => {
    onResponse(page(2, 403, { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-FRA', 'cf-mitigated': 'challenge' }));
    expect(logOf(2)?.events).toEqual([
      expect.objectContaining({ status: 403, type: 'main_frame', severity: 2, vendor: 'cloudflare', headers: expect.objectContaining({ 'cf-ray': '8a1b2c3d4e5f-FRA' }) }),
    ]);
  });

  it('records a refused image by its status alone, marked as read without headers', () => {
    onResponse(page(3, 200));
    onStatus(response(3, { type: 'image', url: 'https://img.example/a.png', statusCode: 403, initiator: 'https://shop.example' }));
    expect(logOf(3)?.events).toEqual([expect.objectContaining({ type: 'image', severity: 0, noHeaders: true, initiator: 'https://shop.example' })]);
  });

  it('records blocking network errors only', () => {
    onResponse(page(4, 200));
    const error = (message: string): ErrorDetails => ({ requestId: String(nextId++), tabId: 4, frameId: 0, url: 'https://ads.example/x.js', method: 'GET', type: 'script', error: message, timeStamp: Date.now() });
    onError(error('net::ERR_CONNECTION_RESET'));
    onError(error('net::ERR_BLOCKED_BY_CLIENT'));
    expect(logOf(4)?.events).toEqual([expect.objectContaining({ status: 0, error: 'net::ERR_BLOCKED_BY_CLIENT', category: 'blocked-by-client', severity: 1 })]);
  });

  it('leaves out what the user switched off, and requests of no tab or a prerendered page', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ignoredStatuses: [429] } });
    onResponse(page(5, 429));
    onResponse(page(-1, 403));
    onResponse({ ...page(6, 403), documentLifecycle: 'prerender' });
    expect([logOf(5)?.total ?? 0, logOf(-1), logOf(6)?.total ?? 0]).toEqual([0, undefined, 0]);
    await fakeBrowser.storage.sync.set({ settings: {} });
  });

  it('a new page in the tab starts a new log', () => {
    onResponse({ ...page(7, 403), timeStamp: Date.now() - 1000 });
    // Later: what was answered after the new page was would be the new page's (tab-log.ts, issue 10).
    onResponse({ ...page(7, 200), url: 'https://shop.example/next' });
    expect(logOf(7)).toMatchObject({ documentUrl: 'https://shop.example/next', total: 0 });
  });
});
