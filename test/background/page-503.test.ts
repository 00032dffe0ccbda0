import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResponseDetails } from '../../src/background/capture';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
const { onResponse } = await import('../../src/background/capture');
const { logOf } = await import('../../src/background/tab-log');
const { settingsLoaded } = await import('../../src/background/settings-cache');

let nextId = 1;
const page = (tabId: number, statusCode: number, headers: Record<string, string>): ResponseDetails => ({
  requestId: `p503-${nextId++}`,
  tabId,
  frameId: 0,
  url: `https://shop.example/${tabId}`,
  method: 'GET',
  type: 'main_frame',
  statusCode,
  timeStamp: Date.now(),
  responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
});

beforeAll(() => settingsLoaded);

// Issue 12: a 503 page with a vendor's block or challenge marks is recorded while browsing, like a 403.
describe('a 503 main frame', () => {
  it('with Imperva\u2019s headers is recorded, headers and all', () => {
    onResponse(page(501, 503, { 'x-cdn': 'Imperva', 'x-iinfo': '5-12345678-0 0NNN', 'content-type': 'text/html' }));
    expect(logOf(501)?.events).toEqual([expect.objectContaining({ status: 503, type: 'main_frame', severity: 2, headers: expect.objectContaining({ 'x-iinfo': '5-12345678-0 0NNN' }) })]);
  });

  it('with Cloudflare\u2019s challenge mark is recorded as Cloudflare\u2019s challenge', () => {
    onResponse(page(502, 503, { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-FRA', 'cf-mitigated': 'challenge' }));
    expect(logOf(502)?.events).toEqual([expect.objectContaining({ status: 503, category: 'security-challenge', vendor: 'cloudflare' })]);
  });

  it('is recorded even without marks, since its text (read later) may name the source', () => {
    onResponse(page(503, 503, { 'content-type': 'text/html' }));
    expect(logOf(503)?.total).toBe(1);
  });
});
