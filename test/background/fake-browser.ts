/**
 * A fake of the browser module for the worker's tests: storage areas whose reads can be held back
 * (to order a restore or a settings read after the events), webRequest listeners that are kept,
 * and tabs that exist until closed. Use with
 * `vi.mock('../../src/shared/browser', () => ({ browser: fake.browser }))`.
 */
type Listener = (...args: never[]) => unknown;

export interface Gate {
  /** Reads of this area wait until `open()`; writes never wait. */
  hold(): void;
  open(): void;
}

function area(name: string, onChanged: Set<Listener>) {
  const data: Record<string, unknown> = {};
  let held: (() => void)[] | null = null;
  const ready = (): Promise<void> => (held ? new Promise((r) => held?.push(r)) : Promise.resolve());
  const pick = (keys: string | string[] | null): Record<string, unknown> => {
    const list = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
  };
  const changed = (changes: Record<string, { newValue?: unknown }>): void => {
    for (const listener of onChanged) (listener as (c: unknown, a: string) => void)(changes, name);
  };
  const gate: Gate = {
    hold: () => void (held ??= []),
    open: () => {
      const waiting = held ?? [];
      held = null;
      for (const resume of waiting) resume();
    },
  };
  return {
    data,
    gate,
    api: {
      get: async (keys: string | string[] | null) => {
        // What the area holds when the read is answered, as a real browser answers it.
        await ready();
        return pick(keys);
      },
      set: async (items: Record<string, unknown>) => {
        Object.assign(data, structuredClone(items));
        changed(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
      },
      remove: async (keys: string | string[]) => {
        for (const key of Array.isArray(keys) ? keys : [keys]) delete data[key];
      },
    },
  };
}

export function fakeBrowser() {
  const onChanged = new Set<Listener>();
  const session = area('session', onChanged);
  const sync = area('sync', onChanged);
  const local = area('local', onChanged);
  const headerListeners = new Map<Listener, { urls: string[]; tabId?: number }>();
  const openTabs = new Set<number>([1, 2, 3]);
  const noop = { addListener: () => {}, removeListener: () => {} };
  const browser = {
    storage: { session: session.api, sync: sync.api, local: local.api, onChanged: { addListener: (l: Listener) => void onChanged.add(l), removeListener: (l: Listener) => void onChanged.delete(l) } },
    webRequest: {
      onHeadersReceived: {
        addListener: (l: Listener, filter: { urls: string[]; tabId?: number }) => void headerListeners.set(l, filter),
        removeListener: (l: Listener) => void headerListeners.delete(l),
      },
      onErrorOccurred: noop,
    },
    tabs: {
      get: async (id: number) => {
        if (!openTabs.has(id)) throw new Error(`No tab with id: ${id}`);
        return { id, incognito: false, url: 'https://shop.example/' };
      },
    },
    runtime: { onSuspend: noop },
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} },
    i18n: { getMessage: (key: string) => key },
  };
  return { browser, session, sync, local, headerListeners, openTabs };
}

/** Lets every pending promise callback run (a few turns of the microtask queue). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
