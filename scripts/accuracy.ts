/**
 * `npm run accuracy [-- --json]`: how right the engine is, on two corpora reported apart.
 * - The written fixtures (test/fixtures/*.ts), run as the extension does (pre-check, then diagnose).
 * - The real corpus (test/fixtures/real/*.json): responses real people received, each turned into
 *   a HAR entry and judged as `npm run explain` judges it. This is the one that says how the
 *   engine does in the world; the written fixtures say the signatures do what they were written for.
 * A label is what a user should see: a category and vendor, or "fine" (no finding at all).
 */
import { judge } from '../src/engine/judge';
import { FIXTURES } from '../test/fixtures';
import { asList, judgeable, loadRealCases, problemsOf } from '../test/fixtures/real';
import { score, summarize, type Scored } from '../test/fixtures/real/score';

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

type Tallies = Map<string, Tally>;

const tally = (map: Tallies, key: string): Tally => {
  let t = map.get(key);
  if (!t) map.set(key, (t = { tp: 0, fp: 0, fn: 0 }));
  return t;
};

/** `accepted` holds every defensible label; a hit counts for the label given, a miss against the first. */
function count(map: Tallies, accepted: readonly (string | null)[], got: string | null): void {
  if (got !== null && accepted.includes(got)) {
    tally(map, got).tp++;
    return;
  }
  const want = accepted[0] ?? null;
  if (want !== null) tally(map, want).fn++;
  if (got !== null) tally(map, got).fp++;
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function table(title: string, map: Tallies): void {
  console.log(`\n${title.padEnd(28)} precision  recall   n`);
  let sum: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const [key, t] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${key.padEnd(26)} ${pct(t.tp, t.tp + t.fp)}    ${pct(t.tp, t.tp + t.fn)}  ${t.tp + t.fn}`);
    sum = { tp: sum.tp + t.tp, fp: sum.fp + t.fp, fn: sum.fn + t.fn };
  }
  console.log(`  ${'(micro total)'.padEnd(26)} ${pct(sum.tp, sum.tp + sum.fp)}    ${pct(sum.tp, sum.tp + sum.fn)}  ${sum.tp + sum.fn}`);
}

function written(): { exact: number; total: number } {
  const byCategory: Tallies = new Map();
  const byVendor: Tallies = new Map();
  let exact = 0;
  const misses: string[] = [];
  for (const f of FIXTURES) {
    const d = judge(f.obs);
    const gotCategory = d?.category ?? 'fine';
    const gotVendor = d?.vendor ?? null;
    count(byCategory, [f.expect.category], gotCategory);
    count(byVendor, [f.expect.vendor], gotVendor);
    if (gotCategory === f.expect.category && gotVendor === f.expect.vendor) exact++;
    else misses.push(`  ${f.kind} ${f.signature} "${f.name}": expected ${f.expect.category}/${f.expect.vendor}, got ${gotCategory}/${gotVendor}`);
  }
  console.log(`== Written fixtures: ${FIXTURES.length} (${FIXTURES.filter((f) => f.kind === 'positive').length} positive, ${FIXTURES.filter((f) => f.kind === 'near-miss').length} near misses)`);
  table('Category', byCategory);
  table('Vendor', byVendor);
  console.log(`\nTotal: ${exact}/${FIXTURES.length} exactly right (category and vendor) = ${pct(exact, FIXTURES.length).trim()}`);
  if (misses.length) console.log(`Misses:\n${misses.join('\n')}`);
  return { exact, total: FIXTURES.length };
}

function missLine(r: Scored): string {
  const want = `${asList(r.c.expect.category).join('|')}/${asList(r.c.expect.vendor).map(String).join('|')}`;
  const ref = r.referenceFound === false ? ` ref want ${r.c.expect.reference} got ${r.diagnosis?.reference?.value ?? 'none'}` : '';
  return `  ${r.c.id} (${r.c.response.status}): expected ${want}, got ${r.category}/${r.vendor} [${r.diagnosis?.cause ?? '-'}]${ref}`;
}

function real(): ReturnType<typeof summarize> {
  const cases = loadRealCases();
  const problems = cases.flatMap(problemsOf);
  if (problems.length) console.log(`Malformed cases (left out):\n  ${problems.join('\n  ')}`);
  const results = judgeable(cases).map(score);
  const unjudged = cases.length - cases.filter((c) => problemsOf(c).length > 0).length - results.length;
  const byCategory: Tallies = new Map();
  const byVendor: Tallies = new Map();
  for (const r of results) {
    count(byCategory, asList(r.c.expect.category), r.category);
    if (!r.benign) count(byVendor, asList(r.c.expect.vendor), r.vendor);
  }
  const s = summarize(results);
  const sources = new Set(results.map((r) => r.c.source.replace(/\s*\(.*$/, '')));
  console.log(`\n== Real corpus: ${results.length} cases (${s.blocked} blocked, ${s.benign} benign) from ${sources.size} sources, judged through the HAR path`);
  if (unjudged) console.log(`   (${unjudged} more cases were captured without their status and are kept, not judged)`);
  table('Category', byCategory);
  table('Vendor (blocked cases)', byVendor);
  console.log(`\nCategory right: ${s.categoryRight}/${s.blocked} = ${pct(s.categoryRight, s.blocked).trim()}`);
  console.log(`Vendor right:   ${s.vendorRight}/${s.blocked} = ${pct(s.vendorRight, s.blocked).trim()}`);
  console.log(`Reference ids:  ${s.referenceFound}/${s.withReference} found = ${pct(s.referenceFound, s.withReference).trim()}`);
  console.log(`False positives on benign cases: ${s.falsePositives}/${s.benign}`);
  const misses = results.filter((r) => (r.benign ? r.diagnosis !== null : !r.categoryRight || !r.vendorRight || r.referenceFound === false));
  if (misses.length) console.log(`Misses:\n${misses.map(missLine).join('\n')}`);
  return s;
}

const json = process.argv.includes('--json');
if (json) {
  // One document on stdout: the logs above are for people.
  const log = console.log;
  console.log = () => {};
  const w = written();
  const r = real();
  console.log = log;
  console.log(JSON.stringify({ written: w, real: r }));
} else {
  written();
  real();
}
