import type { Budget } from './budgets';
import type { Results } from './run';
import type { VariantResult } from './round-robin';
import type { Spread } from './stats';

/** The human-readable report: one table per section, then the budgets. */
const f = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const iqr = (s: Spread, digits = 2): string => (s.n ? `${f(s.p25, digits)}–${f(s.p75, digits)}` : 'n/a');
const range = (s: Spread, digits = 2): string => (s.n ? `${f(s.min, digits)}–${f(s.max, digits)}` : 'n/a');

let out: (line: string) => void = (line) => process.stdout.write(`${line}\n`);

function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  out(`\n${title}`);
  out(line(head));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) out(line(row));
}

function variantRows(variants: VariantResult[]): string[][] {
  return variants.map((v) => [
    v.label,
    f(v.ms.median, 0),
    f(v.ratio.median, 3),
    iqr(v.ratio, 3),
    range(v.ratio, 3),
    f(v.ratioOfMedians, 3),
    f(v.cpuMs.median, 0),
    f(v.cpuRatio.median, 3),
    iqr(v.cpuRatio, 3),
    v.caughtMin === undefined ? '' : `${v.caughtMin} (${v.caught?.join(',')})`,
  ]);
}
const VARIANT_HEAD = ['browser', 'load ms', 'ratio', 'ratio IQR', 'ratio range', 'median/median', 'CPU ms', 'CPU ratio', 'CPU IQR', 'refusals caught (min)'];

/** Prints to stdout, or with `toStderr` to stderr (--json keeps stdout for the JSON document). */
export function printTable(r: Results, budgets: Budget[], toStderr = false): void {
  out = toStderr ? (line) => process.stderr.write(`${line}\n`) : (line) => process.stdout.write(`${line}\n`);
  const m = r.machine;
  out(`Why Blocked bench: ${m.cpus} × ${m.cpuModel}, Node ${m.node}${m.chromium ? `, ${m.chromium}` : ''}${m.firefox ? `, ${m.firefox}` : ''}`);
  for (const page of [r.chromium, r.firefox]) {
    if (!page) continue;
    table(
      `Page load, ${page.engine}: 500 subresources (50 refused), ${page.runs} rounds; ratios are per round against "no extension"`,
      VARIANT_HEAD,
      variantRows(page.variants),
    );
  }
  if (r.listener) {
    const l = r.listener;
    table(
      `Listener cost in the worker (Chromium, bench build, ${l.loads} loads): replayed µs/event, and live (100 µs-clamped clock)`,
      ['events', 'replay p50 µs', 'replay p99 µs', 'replayed', 'sweep µs/event', 'live n', 'live mean µs', 'live p50 µs', 'live p99 µs', 'live max µs', 'live total ms'],
      (['ordinary', 'refused'] as const).map((k) => [
        k,
        f(l.replay[k].p50, 2),
        f(l.replay[k].p99, 2),
        String(l.replay[k].n),
        l.sweep[k].map((v) => f(v, 1)).join('/'),
        String(l.live[k].n),
        f(l.live[k].meanMicros, 1),
        f(l.live[k].p50, 0),
        f(l.live[k].p99, 0),
        f(l.live[k].max, 0),
        f(l.live[k].totalMs, 1),
      ]),
    );
  }
  if (r.engine) {
    const e = r.engine;
    table('Engine in Node', ['measure', 'median', 'IQR', 'range'], [
      ['ordinary observations / s', f(e.ordinaryPerSecond.median, 0), iqr(e.ordinaryPerSecond, 0), range(e.ordinaryPerSecond, 0)],
      ['refused observations / s', f(e.refusedPerSecond.median, 0), iqr(e.refusedPerSecond, 0), range(e.refusedPerSecond, 0)],
      ...e.hostile.map((h) => [`1 MB hostile body: ${h.name} (ms)`, f(h.ms.median, 2), iqr(h.ms, 2), range(h.ms, 2)]),
    ]);
  }
  if (r.popup) {
    const p = r.popup;
    table(`Popup, ${p.refusalsLogged} refusals logged: navigation start to [data-testid=main-finding] on screen`, ['measure', 'median', 'IQR', 'range', 'first open'], [
      ['in-page ms', f(p.ms.median, 1), iqr(p.ms, 1), range(p.ms, 1), f(p.firstMs, 1)],
      ['seen from the bench ms', f(p.wallMs.median, 1), iqr(p.wallMs, 1), range(p.wallMs, 1), ''],
    ]);
  }
  if (r.flood) {
    const fl = r.flood;
    table(`Flood: ${fl.events} refused fetches from one tab`, ['measure', 'value'], [
      ['recorded by the worker (log total)', String(fl.recorded)],
      ['flood duration ms', f(fl.floodMs, 0)],
      ['stored log bytes (JSON of tab:<id>)', `${fl.storedBytesPerTab} (${fl.storedEvents} events kept)`],
      ['worker heap before / after (bytes, after GC)', `${fl.heapBefore} / ${fl.heapAfter}`],
      ['worker heap growth bytes', String(fl.workerHeapGrowthBytes)],
      ['mid-flood: retry fix answered in ms', `${f(fl.midFixMs, 0)} ${JSON.stringify(fl.midFixAnswer)}`],
      ['during the flood: popup to content ms (median)', `${f(fl.midPopupMs, 1)} (${fl.midPopupsMs.map((ms) => f(ms, 0)).join(', ')})`],
      ['after: retry fix ms / popup ms', `${f(fl.afterFixMs, 0)} / ${f(fl.afterPopupMs, 1)}`],
    ]);
  }
  if (r.bundle) {
    const b = r.bundle;
    const files = (e: typeof b.popup): string => e.files.map((x) => `${x.file} ${x.gzip}${x.lazy ? ' (lazy)' : ''}`).join(', ');
    table(`Bundles in ${b.dir} (gzip -9 per file, summed; lazy = import() chunk)`, ['entry', 'gzip bytes', 'initial gzip', 'raw bytes', 'files (gzip bytes)'], [
      ['popup', String(b.popup.gzipBytes), String(b.popup.initialGzipBytes), String(b.popup.rawBytes), files(b.popup)],
      ['worker', String(b.worker.gzipBytes), String(b.worker.initialGzipBytes), String(b.worker.rawBytes), files(b.worker)],
    ]);
  }
  for (const [engine, variants] of Object.entries(r.options_ ?? {})) {
    if (variants) table(`Listener options, ${engine}: empty listeners, ${r.options.runs} rounds`, VARIANT_HEAD, variantRows(variants));
  }
  table('Budgets', ['budget', 'value', 'limit', 'met'], budgets.map((b) => [b.name, b.value === null ? 'n/a' : String(Number(b.value.toFixed(3))), b.limit, b.ok === null ? '?' : b.ok ? 'yes' : 'NO']));
}
