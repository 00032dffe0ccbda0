import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RefusalEvent } from '../../src/shared/log';

/**
 * Private windows never reach storage.local (it is on disk). The worker's browser module is
 * replaced by a fake holding two tabs, one private, and a storage.local that records writes.
 */
const stored: Record<string, unknown> = {};
const tabs = new Map<number, { incognito: boolean }>([
  [1, { incognito: false }],
  [2, { incognito: true }],
]);

vi.mock('../../src/shared/browser', () => ({
  browser: {
    tabs: {
      get: async (id: number) => {
        const tab = tabs.get(id);
        if (!tab) throw new Error(`No tab with id: ${id}`);
        return { id, ...tab };
      },
    },
    storage: {
      local: {
        get: async (keys: string[] | null) => Object.fromEntries(Object.entries(stored).filter(([k]) => keys === null || keys.includes(k))),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
        remove: async (keys: string[]) => keys.forEach((k) => delete stored[k]),
      },
    },
  },
}));
vi.mock('../../src/background/settings-cache', () => ({ settings: () => ({ history: true, historyDays: 30 }) }));

const { queueHistory } = await import('../../src/background/history-writer');

function refusal(url: string): Omit<RefusalEvent, 'seq'> {
  return { time: Date.now(), url, method: 'GET', type: 'main_frame', status: 403, frameId: 0, headers: {}, cause: 'generic-403', category: 'unknown', vendor: null, severity: 2 } as Omit<RefusalEvent, 'seq'>;
}

/** Every page and request URL in the stored history. */
function storedUrls(): string[] {
  return Object.values(stored).flatMap((day) => (day as { entries: { page: string; url: string }[] }).entries.flatMap((e) => [e.page, e.url]));
}

describe('history writer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    for (const key of Object.keys(stored)) delete stored[key];
  });

  it('writes refusals from ordinary tabs and nothing from private ones', async () => {
    queueHistory(1, refusal('https://shop.example/cart'), 'https://shop.example/cart', undefined);
    queueHistory(2, refusal('https://private.example/secret'), 'https://private.example/secret', undefined);
    await vi.runAllTimersAsync();
    expect(storedUrls()).toContain('https://shop.example/cart');
    expect(JSON.stringify(stored)).not.toContain('private.example');
  });

  it('leaves out refusals of a tab that closed before the write (it can no longer be checked)', async () => {
    queueHistory(99, refusal('https://gone.example/'), 'https://gone.example/', undefined);
    await vi.runAllTimersAsync();
    expect(JSON.stringify(stored)).not.toContain('gone.example');
  });
});
