import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser, settle } from './fake-browser';

/** A woken worker keeps the headers of what loads before it knows which tabs read them (issue 10). */
const fake = fakeBrowser();
vi.mock('../../src/shared/browser', () => ({ browser: fake.browser }));
const { bridgeHeadersUntil } = await import('../../src/background/header-bridge');

describe('reading headers while the worker starts', () => {
  it('holds subresource answers until it knows, hands on those of tabs that read headers, then stops listening', async () => {
    let know = (): void => {};
    const known = new Promise<void>((resolve) => (know = resolve));
    const forwarded: unknown[] = [];
    const wanted = new Set<number>();
    bridgeHeadersUntil(known, (details: { tabId: number }) => {
      if (wanted.has(details.tabId)) forwarded.push(details);
    });
    const [[listener, filter]] = [...fake.headerListeners.entries()] as [[(d: unknown) => void, unknown]];
    expect(filter).toEqual({ urls: ['<all_urls>'] });
    listener({ requestId: '1', tabId: 1, type: 'image' });
    listener({ requestId: '2', tabId: 2, type: 'image' });
    // Documents are read with their headers by their own listener.
    listener({ requestId: '3', tabId: 1, type: 'main_frame' });
    expect(forwarded).toEqual([]);
    // The restore says tab 1 reads headers.
    wanted.add(1);
    know();
    await settle();
    expect(forwarded).toEqual([{ requestId: '1', tabId: 1, type: 'image' }]);
    expect(fake.headerListeners.size).toBe(0);
  });
});
