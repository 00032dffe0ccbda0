import type { HarFinding } from '../engine/har';
import { FIX_TEXT } from '../engine/fix-text';
import { confidenceWord } from '../engine/types';
import { vendorLabel } from '../engine/vendor-label';

/** The readable report: one block per refused entry, the way the popup would say it. */
export function formatText(result: { total: number; findings: HarFinding[] }): string {
  const { total, findings } = result;
  if (findings.length === 0) return `No refused requests among ${total} entries.\n`;
  const blocks = findings.map(({ index, observation: o, diagnosis: d }) => {
    const lines = [
      `#${index}  ${o.status || o.error || 'network error'}  ${o.method} ${o.url.slice(0, 200)}`,
      `  ${d.category}${d.vendor ? ` by ${vendorLabel(d.vendor)}` : ''} (${confidenceWord(d.confidence)}, ${d.confidence})  [${d.cause}]`,
      `  ${d.summary}`,
    ];
    if (d.reference) lines.push(`  ${d.reference.label}: ${d.reference.value}`);
    const inFront = (d.inFront ?? []).filter((v) => v !== d.vendor);
    if (inFront.length) lines.push(`  In front, did not refuse it: ${inFront.map(vendorLabel).join(', ')}`);
    if (d.retryAfterSeconds !== null) lines.push(`  Retry after: ${d.retryAfterSeconds} s`);
    lines.push('  Evidence:');
    for (const e of d.evidence) lines.push(`    - ${e.name}: ${e.value.replace(/\s+/g, ' ')}  (${e.note})`);
    if (d.fixes.length) lines.push(`  Fixes: ${d.fixes.map((f) => FIX_TEXT[f]).join(' / ')}`);
    lines.push(`  Developer note: ${d.developerNote}`);
    return lines.join('\n');
  });
  return `${findings.length} refused of ${total} entries.\n\n${blocks.join('\n\n')}\n`;
}
