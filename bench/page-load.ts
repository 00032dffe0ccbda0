import type { Engine } from './browsers';
import { describeListener, writeListenerExtension, type ListenerOptions, type Target } from './extensions';
import { roundRobin, type Variant, type VariantResult } from './round-robin';
import type { BenchServer } from './server';

export interface PageLoadResult {
  engine: Engine;
  runs: number;
  variants: VariantResult[];
  /** Shortcuts into `variants`. */
  noise: VariantResult;
  floor: VariantResult;
  whyBlocked: VariantResult;
  /** With --compare: the other checkout's build, in the same rounds. */
  compare?: VariantResult;
}

const FLOOR: ListenerOptions = { event: 'onCompleted' };
const targetOf = (engine: Engine): Target => (engine === 'chromium' ? 'chrome' : 'firefox');

/**
 * Section 1: no extension (twice: the second shows the noise), the floor extension (one empty
 * onCompleted listener) and Why Blocked, round-robin in one run.
 */
export async function benchPageLoad(
  engine: Engine,
  whyBlockedBuild: string,
  server: BenchServer,
  runs: number,
  progress: (line: string) => void,
  compare?: { build: string; label: string },
): Promise<PageLoadResult> {
  const variants: Variant[] = [
    { key: 'none-a', label: 'no extension' },
    { key: 'none-b', label: 'no extension (again: noise)' },
    { key: 'floor', label: 'floor: empty onCompleted listener', extension: writeListenerExtension(targetOf(engine), FLOOR) },
    { key: 'why-blocked', label: 'Why Blocked', extension: whyBlockedBuild, whyBlocked: true },
  ];
  // Another build in the same rounds: a before/after that the run-to-run noise cannot blur.
  if (compare) variants.push({ key: 'compare', label: compare.label, extension: compare.build, whyBlocked: true });
  const results = await roundRobin(engine, variants, runs, server, progress);
  const by = (key: string): VariantResult => results.find((r) => r.key === key) as VariantResult;
  const result: PageLoadResult = { engine, runs, variants: results, noise: by('none-b'), floor: by('floor'), whyBlocked: by('why-blocked') };
  if (compare) result.compare = by('compare');
  return result;
}

/** What each listener option costs: empty listeners of each kind, against no extension. */
export function optionVariants(engine: Engine): ListenerOptions[] {
  const list: ListenerOptions[] = [
    { event: 'onCompleted' },
    { event: 'onCompleted', responseHeaders: true },
    { event: 'onResponseStarted' },
    { event: 'onHeadersReceived' },
    { event: 'onHeadersReceived', responseHeaders: true },
    // Why Blocked's listener set, empty: what the design costs before any of its code runs.
    { event: 'onHeadersReceived', documentsWithHeaders: true },
  ];
  if (engine === 'chromium') {
    list.push({ event: 'onCompleted', responseHeaders: true, extraHeaders: true }, { event: 'onHeadersReceived', responseHeaders: true, extraHeaders: true });
  }
  return list;
}

export async function benchListenerOptions(engine: Engine, server: BenchServer, runs: number, progress: (line: string) => void): Promise<VariantResult[]> {
  const variants: Variant[] = [
    { key: 'none', label: 'no extension' },
    ...optionVariants(engine).map((options) => ({
      key: describeListener(options),
      label: `empty ${describeListener(options)}`,
      extension: writeListenerExtension(targetOf(engine), options),
    })),
  ];
  return roundRobin(engine, variants, runs, server, progress);
}
