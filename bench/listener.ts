import { BenchBrowser } from './browsers';
import { treeCpuMs, waitIdle } from './proc';
import type { BenchServer } from './server';
import { mean, quantile } from './stats';

type Kind = 'ordinary' | 'refused';

export interface ListenerResult {
  /** Replay of sampled real events in loops (precise): µs per event. */
  replay: Record<Kind, { p50: number; p99: number; n: number }>;
  /** Every live event, timed with Chromium's 100 µs-clamped clock: mean is fair, quantiles are coarse. */
  live: Record<Kind, { n: number; meanMicros: number; p50: number; p99: number; max: number; totalMs: number }>;
  /** Every sampled event once per pass, several passes (different events back to back, as live): µs per event per pass. */
  sweep: Record<Kind, number[]>;
  loads: number;
  cpuMsPerLoad: number;
}

/**
 * Time inside Why Blocked's own webRequest handlers (bench build, bench/worker-probe.ts):
 * loads the 500-subresource page `loads` times, then reads the worker's counters and replays.
 */
export async function benchListener(probeBuild: string, server: BenchServer, loads: number, progress: (line: string) => void): Promise<ListenerResult> {
  const b = await BenchBrowser.launch('chromium', { label: 'Why Blocked (bench build)', extension: probeBuild, whyBlocked: true });
  try {
    await waitIdle(b.pid);
    const cpu: number[] = [];
    for (let i = 0; i < loads; i++) {
      const before = treeCpuMs(b.pid);
      await b.load(`${server.origin}/load?run=listener-${i}-${Date.now()}`);
      await waitIdle(b.pid);
      cpu.push(treeCpuMs(b.pid) - before);
      progress(`listener: load ${i + 1}/${loads}`);
    }
    const live = await b.evalExtension<Record<Kind, number[]>>('globalThis.__whyBlockedBench.live()');
    progress('listener: replaying sampled events');
    const replay = await b.evalExtension<Record<Kind, number[]>>('globalThis.__whyBlockedBench.replay()');
    const sweep = await b.evalExtension<Record<Kind, number[]>>('globalThis.__whyBlockedBench.sweep(5)');
    const summarizeLive = (values: number[]): ListenerResult['live'][Kind] => ({
      n: values.length,
      meanMicros: mean(values),
      p50: quantile(values, 0.5),
      p99: quantile(values, 0.99),
      max: values.length ? Math.max(...values) : Number.NaN,
      totalMs: values.reduce((a, v) => a + v, 0) / 1000,
    });
    const summarizeReplay = (values: number[]): ListenerResult['replay'][Kind] => ({ p50: quantile(values, 0.5), p99: quantile(values, 0.99), n: values.length });
    return {
      replay: { ordinary: summarizeReplay(replay.ordinary), refused: summarizeReplay(replay.refused) },
      live: { ordinary: summarizeLive(live.ordinary), refused: summarizeLive(live.refused) },
      sweep,
      loads,
      cpuMsPerLoad: mean(cpu),
    };
  } finally {
    await b.close();
  }
}
