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

/**
 * Loads the 500-subresource page in every variant's browser in turn, `runs` rounds (plus one
 * warm-up round that is not counted), rotating the order each round so no variant always goes
 * first. Each load: CPU reading, navigation until the page's resources have all finished,
 * wait for the browser's processes to go idle, CPU reading; then the tab goes to about:blank
 * so the next load does not pay for tearing this page down.
 */
export async function roundRobin(
  engine: Engine,
  variants: readonly Variant[],
  runs: number,
  server: BenchServer,
  progress: (line: string) => void,
): Promise<VariantResult[]> {
  const browsers: BenchBrowser[] = [];
  try {
    for (const variant of variants) {
      progress(`${engine}: starting ${variant.label}`);
      const b = await BenchBrowser.launch(engine, { label: variant.label, extension: variant.extension, whyBlocked: variant.whyBlocked });
      browsers.push(b);
      await waitIdle(b.pid);
    }
    const samples = variants.map((): Sample[] => []);
    const tabIds = new Map<number, number>();
    for (let round = -1; round < runs; round++) {
      const order = variants.map((_, i) => (i + Math.max(0, round)) % variants.length);
      const times: string[] = [];
      for (const index of order) {
        const variant = variants[index] as Variant;
        const b = browsers[index] as BenchBrowser;
        await waitIdle(b.pid, { timeoutMs: 3000 });
        const cpuBefore = treeCpuMs(b.pid);
        const result = await b.load(`${server.origin}/load?run=${engine}-${variant.key}-${round}-${Date.now()}`);
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
        if (round >= 0) samples[index]?.push(sample);
        times.push(`${variant.key} ${Math.round(result.ms)}ms/${cpuMs}cpu${sample.caught !== undefined ? `/${sample.caught}caught` : ''}`);
      }
      progress(`${engine} ${round < 0 ? 'warm-up' : `round ${round + 1}/${runs}`}: ${times.join(', ')}`);
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
    for (const b of browsers) await b.close();
  }
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
