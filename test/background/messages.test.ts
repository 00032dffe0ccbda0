import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerRequest } from '../../src/shared/messages';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
const { onMessage } = await import('../../src/background/messages');
// The words the worker fetches from its own files on first use (background/words.ts), loaded up front here.
await import('../../src/engine/words');

const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('src/popup/index.html') };
const send = (message: unknown, sender: { id?: string; url?: string } = own) => onMessage(message, sender as never);

beforeEach(() => {
  fakeBrowser.tabs.resetState();
  fakeBrowser.alarms.resetState();
});

describe('the worker\u2019s message handler', () => {
  it('answers only this extension\u2019s own pages, and only well-formed messages', () => {
    const cancel: WorkerRequest = { type: 'cancel-retry', tabId: 3 };
    expect(send(cancel, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
    expect(send(cancel, { id: own.id, url: 'https://evil.example/' })).toBeUndefined();
    expect(send({ type: 'fix', action: 'format-disk', tabId: 3, url: 'https://a.example/', thenRetry: false })).toBeUndefined();
    expect(send(cancel)).toBeInstanceOf(Promise);
  });

  it('diagnoses observations for the popup with the worker\u2019s engine', async () => {
    const request: WorkerRequest = { type: 'diagnose', observations: [{ url: 'https://a.example/', method: 'GET', type: 'main_frame', status: 429, headers: { 'retry-after': '30' }, time: 1 }] };
    const [core] = (await send(request)) as { category: string; retryAfterSeconds: number }[];
    expect(core).toMatchObject({ category: 'rate-limit', retryAfterSeconds: 30 });
  });

  it('schedules a retry and hands back the record the popup shows', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://a.example/' });
    const at = Date.now() + 60_000;
    expect(await send({ type: 'schedule-retry', tabId: tab.id, url: 'https://a.example/', at })).toEqual({ tabId: tab.id, url: 'https://a.example/', at, state: 'scheduled' });
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('runs a one-click fix and answers with its result', async () => {
    expect(await send({ type: 'fix', action: 'clear-cache', tabId: 999, url: 'https://a.example/', thenRetry: true })).toEqual({ ok: false, message: 'fixErrorTabClosed' });
  });
});
