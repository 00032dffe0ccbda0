import { BenchBrowser, type Engine } from './browsers';
import { LOAD_REFUSED } from './pages';
import { treeCpuMs, waitIdle } from './proc';
import type { BenchServer } from './server';
import { median, spread, type Spread } from './stats';

/** One browser in a round-robin: no extension, a generated minimal one, or Why Blocked. */
export interface Variant {
  key: string;
  label: string;
  extension?: string;
  whyBlocked?: boolean;
}

export interface Sample {
  ms: number;
  cpuMs: number;
  /** Why Blocked only: refusals in the tab's stored log after the load. */
  caught?: number;
}

export interface VariantResult {
  key: string;
  label: string;
  ms: Spread;
  cpuMs: Spread;
  /** Per round: this variant's load time over the reference's in the same round. */
  ratio: Spread;
  cpuRatio: Spread;
  /** Median load time over the reference's median load time (less sensitive to one slow round). */
  ratioOfMedians: number;
  /** Why Blocked only: fewest refusals caught on any load. */
  caughtMin?: number;
  caught?: number[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Browsers are closed and launched again (in a new order) every this many rounds. */
const ROUNDS_PER_LAUNCH = 4;

/**
 * Loads the 500-subresource page in every variant's browser in turn, `runs` rounds, in a shuffled
 * order each round. Each load: CPU reading, navigation until the page's resources have all
 * finished, wait for the browser's processes to go idle, CPU reading; then the tab goes to
 * about:blank so the next load does not pay for tearing this page down.
 *
 * Two identical browsers kept for a whole run read up to ~0.2 apart (the noise row), and a fixed
 * rotation always puts the same variant after the same other one. So the browsers are launched
 * again, in a shuffled order, every ROUNDS_PER_LAUNCH rounds (each launch gets one warm-up round
 * that is not counted), and the order within a round is shuffled: what is left of instance and
 * order effects falls on every variant alike. The shuffles are seeded: a rerun repeats the order.
 */
export async function roundRobin(
  engine: Engine,
  variants: readonly Variant[],
  runs: number,
  server: BenchServer,
  progress: (line: string) => void,
): Promise<VariantResult[]> {
  const browsers: (BenchBrowser | undefined)[] = variants.map(() => undefined);
  const random = seeded(runs * 7919 + variants.length);
  const closeAll = async (): Promise<void> => {
    for (const [i, b] of browsers.entries()) {
      await b?.close();
      browsers[i] = undefined;
    }
  };
  try {
    const samples = variants.map((): Sample[] => []);
    const tabIds = new Map<number, number>();
    for (let round = 0; round < runs; round++) {
      if (round % ROUNDS_PER_LAUNCH === 0) {
        await closeAll();
        tabIds.clear();
        for (const index of shuffled(variants.length, random)) {
          const variant = variants[index] as Variant;
          if (round === 0) progress(`${engine}: starting ${variant.label}`);
          const b = await BenchBrowser.launch(engine, { label: variant.label, extension: variant.extension, whyBlocked: variant.whyBlocked });
          browsers[index] = b;
          await waitIdle(b.pid);
        }
      }
      // A fresh set of browsers gets a warm-up round first, which is not counted.
      const warmUp = round % ROUNDS_PER_LAUNCH === 0;
      for (const pass of warmUp ? ['warm-up', 'measured'] : ['measured']) {
        const times: string[] = [];
        for (const index of shuffled(variants.length, random)) {
          const variant = variants[index] as Variant;
          const b = browsers[index] as BenchBrowser;
          await waitIdle(b.pid, { timeoutMs: 3000 });
          const cpuBefore = treeCpuMs(b.pid);
          const result = await b.load(`${server.origin}/load?run=${engine}-${variant.key}-${round}-${pass}-${Date.now()}`);
          await waitIdle(b.pid);
          const cpuMs = treeCpuMs(b.pid) - cpuBefore;
          const sample: Sample = { ms: result.ms, cpuMs };
          if (variant.whyBlocked) {
            let tabId = tabIds.get(index);
            if (tabId === undefined) {
              tabId = await b.benchTabId(server.origin);
              tabIds.set(index, tabId);
            }
            sample.caught = await caughtIn(b, tabId);
          }
          await b.page.goto('about:blank').catch(() => undefined);
          if (pass === 'measured') samples[index]?.push(sample);
          times.push(`${variant.key} ${Math.round(result.ms)}ms/${cpuMs}cpu${sample.caught !== undefined ? `/${sample.caught}caught` : ''}`);
        }
        progress(`${engine} ${pass === 'warm-up' ? 'warm-up' : `round ${round + 1}/${runs}`}: ${times.join(', ')}`);
      }
    }
    const reference = samples[0] ?? [];
    return variants.map((variant, i) => {
      const own = samples[i] ?? [];
      const result: VariantResult = {
        key: variant.key,
        label: variant.label,
        ms: spread(own.map((s) => s.ms)),
        cpuMs: spread(own.map((s) => s.cpuMs)),
        ratio: spread(own.map((s, r) => s.ms / (reference[r]?.ms ?? Number.NaN))),
        cpuRatio: spread(own.map((s, r) => s.cpuMs / (reference[r]?.cpuMs ?? Number.NaN))),
        ratioOfMedians: median(own.map((s) => s.ms)) / median(reference.map((s) => s.ms)),
      };
      if (variant.whyBlocked) {
        result.caught = own.map((s) => s.caught ?? 0);
        result.caughtMin = Math.min(...result.caught);
      }
      return result;
    });
  } finally {
    await closeAll();
  }
}

/** A small seeded generator (mulberry32): the same run repeats the same orders. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..n-1 in a random order (Fisher-Yates). */
function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** The stored log's total, once the worker has flushed all the load's refusals (or 3 s passed). */
async function caughtIn(b: BenchBrowser, tabId: number): Promise<number> {
  const key = `tab:${tabId}`;
  let total = 0;
  for (let i = 0; i < 30; i++) {
    total = await b.evalExtension<number>(`(await api.storage.session.get(${JSON.stringify(key)}))[${JSON.stringify(key)}]?.total ?? 0`);
    if (total >= LOAD_REFUSED) break;
    await sleep(100);
  }
  return total;
}
