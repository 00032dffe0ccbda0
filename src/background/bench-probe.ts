import { isBlockingError, statusVerdict } from '../engine/precheck';
import { forgetTab } from './tab-log';

/**
 * Bench-only (`npm run bench`): times the webRequest handlers inside the worker. index.ts wraps
 * its handlers with this only when `__BENCH__` is true, so normal builds drop the whole module.
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

export function timeHandler<T>(handler: Handler<T>): Handler<T> {
  install();
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

function install(): void {
  if (installed) return;
  installed = true;
  (globalThis as Record<string, unknown>).__whyBlockedBench = {
    live: () => live,
    sampleCounts: () => ({ ordinary: samples.ordinary.length, refused: samples.refused.length }),
    replay,
    sweep,
  };
}
