/**
 * `npm run accuracy`: runs the engine, as the extension does (pre-check, then diagnose), over the
 * whole fixture corpus and prints precision and recall per category and per vendor.
 * A fixture's label is what a user should see: a category and vendor, or "fine" (no finding).
 */
import { judge } from '../src/engine/judge';
import { FIXTURES } from '../test/fixtures';

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const byCategory = new Map<string, Tally>();
const byVendor = new Map<string, Tally>();
let exact = 0;
const misses: string[] = [];

const tally = (map: Map<string, Tally>, key: string): Tally => {
  let t = map.get(key);
  if (!t) map.set(key, (t = { tp: 0, fp: 0, fn: 0 }));
  return t;
};

function count(map: Map<string, Tally>, want: string | null, got: string | null): void {
  if (want !== null && want === got) tally(map, want).tp++;
  else {
    if (want !== null) tally(map, want).fn++;
    if (got !== null) tally(map, got).fp++;
  }
}

for (const f of FIXTURES) {
  const d = judge(f.obs);
  const gotCategory = d?.category ?? 'fine';
  const gotVendor = d?.vendor ?? null;
  count(byCategory, f.expect.category, gotCategory);
  count(byVendor, f.expect.vendor, gotVendor);
  if (gotCategory === f.expect.category && gotVendor === f.expect.vendor) exact++;
  else misses.push(`  ${f.kind} ${f.signature} "${f.name}": expected ${f.expect.category}/${f.expect.vendor}, got ${gotCategory}/${gotVendor}`);
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function table(title: string, map: Map<string, Tally>): void {
  console.log(`\n${title.padEnd(28)} precision  recall   n`);
  let sum: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const [key, t] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${key.padEnd(26)} ${pct(t.tp, t.tp + t.fp)}    ${pct(t.tp, t.tp + t.fn)}  ${t.tp + t.fn}`);
    sum = { tp: sum.tp + t.tp, fp: sum.fp + t.fp, fn: sum.fn + t.fn };
  }
  console.log(`  ${'(micro total)'.padEnd(26)} ${pct(sum.tp, sum.tp + sum.fp)}    ${pct(sum.tp, sum.tp + sum.fn)}  ${sum.tp + sum.fn}`);
}

console.log(`Fixtures: ${FIXTURES.length} (${FIXTURES.filter((f) => f.kind === 'positive').length} positive, ${FIXTURES.filter((f) => f.kind === 'near-miss').length} near misses)`);
table('Category', byCategory);
table('Vendor', byVendor);
console.log(`\nTotal: ${exact}/${FIXTURES.length} exactly right (category and vendor) = ${pct(exact, FIXTURES.length).trim()}`);
if (misses.length) console.log(`Misses:\n${misses.join('\n')}`);
