import { isBlockingError, statusVerdict } from '../src/engine/precheck';
import { forgetTab } from '../src/background/tab-log';
import { browser } from '../src/shared/browser';

/**
 * Bench-only (`npm run bench`): times the webRequest handlers inside the worker. Bench builds
 * (WHY_BLOCKED_BENCH=1) import this ahead of the worker's entry (vite.config.ts); it wraps every
 * handler the worker then adds to onHeadersReceived and onErrorOccurred. The worker's own code
 * knows nothing of it, and test/dist.test.ts checks that no other build carries it.
 *
 * Chromium clamps performance.now() to 100 µs outside cross-origin-isolated contexts, and an
 * extension worker is not one: a single ordinary event (~1 µs) reads as 0. So there are two
 * measures: the live one (every real event, clamped; its mean is still fair because the clamp
 * is jittered) and a replay of a sample of the real events, each run in a loop long enough to
 * time precisely, which gives per-event p50/p99.
 */
type Kind = 'ordinary' | 'refused';
type Details = { tabId: number; statusCode?: number; error?: string; responseHeaders?: unknown[] };
type Handler<T> = (details: T) => void;

const MAX_LIVE = 200_000;
const MAX_SAMPLES: Record<Kind, number> = { ordinary: 1500, refused: 400 };
/** A tab id no browser hands out: replayed events must not touch a real tab's log. */
const REPLAY_TAB = 2_000_000_000;
const REPLAY_MIN_MS = 2;

const live: Record<Kind, number[]> = { ordinary: [], refused: [] };
const samples: Record<Kind, { handler: Handler<Details>; details: Details }[]> = { ordinary: [], refused: [] };
let installed = false;

function kindOf(details: Details): Kind {
  if (typeof details.error === 'string') return isBlockingError(details.error) ? 'refused' : 'ordinary';
  return statusVerdict(details.statusCode ?? 0) === 0 ? 'ordinary' : 'refused';
}

function timeHandler<T>(handler: Handler<T>): Handler<T> {
  return (details: T) => {
    const start = performance.now();
    handler(details);
    const elapsed = performance.now() - start;
    const d = details as unknown as Details;
    const kind = kindOf(d);
    if (live[kind].length < MAX_LIVE) live[kind].push(elapsed * 1000);
    if (samples[kind].length < MAX_SAMPLES[kind] && d.tabId >= 0) {
      const copy = { ...d, tabId: REPLAY_TAB };
      if (Array.isArray(d.responseHeaders)) copy.responseHeaders = d.responseHeaders.map((h) => ({ ...(h as object) }));
      samples[kind].push({ handler: handler as unknown as Handler<Details>, details: copy });
    }
  };
}

/** Runs each sampled event again, in a loop long enough for the clamped clock; µs per event. */
function replay(): Record<Kind, number[]> {
  const out: Record<Kind, number[]> = { ordinary: [], refused: [] };
  for (const kind of ['ordinary', 'refused'] as const) {
    for (const { handler, details } of samples[kind]) {
      let rounds = 0;
      const start = performance.now();
      let elapsed: number;
      do {
        handler(details);
        rounds++;
        elapsed = performance.now() - start;
      } while (elapsed < REPLAY_MIN_MS);
      out[kind].push((elapsed * 1000) / rounds);
    }
  }
  forgetTab(REPLAY_TAB);
  return out;
}

/**
 * Runs every sampled event once per pass, `passes` times: mean µs per event for each pass. Unlike
 * `replay`, consecutive calls see different events, as the live listener does.
 */
function sweep(passes = 5): Record<Kind, number[]> {
  const out: Record<Kind, number[]> = { ordinary: [], refused: [] };
  for (const kind of ['ordinary', 'refused'] as const) {
    const list = samples[kind];
    for (let pass = 0; pass < passes && list.length; pass++) {
      const start = performance.now();
      for (const { handler, details } of list) handler(details);
      out[kind].push(((performance.now() - start) * 1000) / list.length);
    }
  }
  forgetTab(REPLAY_TAB);
  return out;
}

type Listener = Handler<never>;
interface WebRequestEvent {
  addListener(listener: Listener, ...rest: unknown[]): void;
  removeListener(listener: Listener): void;
  hasListener(listener: Listener): boolean;
}

/** Every listener added from now on is timed; removing or asking about it works with the original. */
function timeListenersOf(event: WebRequestEvent): void {
  const addListener = event.addListener.bind(event);
  const removeListener = event.removeListener.bind(event);
  const hasListener = event.hasListener.bind(event);
  const timed = new WeakMap<Listener, Listener>();
  const timedOf = (listener: Listener): Listener => {
    const found = timed.get(listener) ?? (timeHandler(listener as Handler<Details>) as Listener);
    timed.set(listener, found);
    return found;
  };
  // The polyfill's event proxy keeps what is assigned to a property it has handed out (its cache).
  event.addListener = (listener, ...rest) => addListener(timedOf(listener), ...rest);
  event.removeListener = (listener) => removeListener(timed.get(listener) ?? listener);
  event.hasListener = (listener) => hasListener(timed.get(listener) ?? listener);
}

function install(): void {
  if (installed) return;
  installed = true;
  timeListenersOf(browser.webRequest.onHeadersReceived as unknown as WebRequestEvent);
  timeListenersOf(browser.webRequest.onErrorOccurred as unknown as WebRequestEvent);
  (globalThis as Record<string, unknown>).__whyBlockedBench = {
    live: () => live,
    sampleCounts: () => ({ ordinary: samples.ordinary.length, refused: samples.refused.length }),
    replay,
    sweep,
  };
}

install();
