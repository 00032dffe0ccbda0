import type { CoreDiagnosis, Diagnosis, Evidence, Fact } from './types';
import { vendorDisplayName as vendorLabel } from './vendor-names';

/**
 * The engine's English prose, kept apart from the matching data so the worker never ships it
 * (see prose/en.json). `causes` is keyed by cause id; `notes` by what a fact is about (a marker
 * key, "status:<code>", "network-error"); a cause may word a marker its own way.
 */
export interface Prose {
  causes: Record<string, CauseProse>;
  notes: Record<string, string>;
}

interface CauseProse {
  summary: string;
  developerNote: string;
  notes?: Record<string, string>;
}

const UNKNOWN: CauseProse = { summary: 'The site refused this request and did not say why.', developerNote: 'No known block source matched.' };

/** Adds the words to a core diagnosis: summary, developer note, a note on every fact. Pure. */
export function toDiagnosis(core: CoreDiagnosis, prose: Prose): Diagnosis {
  const text: CauseProse = prose.causes[core.cause] ?? prose.causes.unknown ?? UNKNOWN;
  const passed = core.bystanders?.length ? ` ${passedOn(core.bystanders, core.vendor !== null)}` : '';
  // Same fields in the same order as before the split: exports and snapshots read alike.
  const diagnosis: Diagnosis = {
    cause: core.cause,
    category: core.category,
    vendor: core.vendor,
    confidence: core.confidence,
    evidence: core.evidence.map((fact) => withNote(fact, text.notes, prose.notes)),
    reference: core.reference,
    fixes: core.fixes,
    retryAfterSeconds: core.retryAfterSeconds,
    summary: text.summary,
    developerNote: text.developerNote + passed,
  };
  if (core.expected) diagnosis.expected = true;
  if (core.inFront) diagnosis.inFront = core.inFront;
  return diagnosis;
}

function withNote(fact: Fact, own: Record<string, string> | undefined, notes: Record<string, string>): Evidence {
  // Spelled out rather than `{ about, ...seen }`: rest and spread copies cost more than the rest of this.
  const about = fact.about;
  return { kind: fact.kind, name: fact.name, value: fact.value, note: own?.[about] ?? notes[about] ?? fallbackNote(about, notes) };
}

function fallbackNote(about: string, notes: Record<string, string>): string {
  if (about.startsWith('present:')) return `${vendorLabel(about.slice('present:'.length))} is present (not by itself a sign that it blocked anything).`;
  if (about.startsWith('origin:')) return `${vendorLabel(about.slice('origin:'.length))} answered this request: the refusal is its own.`;
  if (about.startsWith('status:')) return notes['status:*'] ?? '';
  return '';
}

/** Why a CDN in front is not the culprit: it passed the refusal on. */
function passedOn(bystanders: readonly { vendor: string; seen: string }[], vendorKnown: boolean): string {
  const names = bystanders.map((v) => vendorLabel(v.vendor)).join(' and ');
  const seen = bystanders.map((v) => v.seen).join(', ');
  const verb = bystanders.length > 1 ? 'are' : 'is';
  return `${names} ${verb} in front of this site (${seen}) but left none of its block or challenge markers: it passed the refusal on rather than causing it, so look at the site's own server or application${vendorKnown ? '' : ' (or the rules it sends through the CDN)'}.`;
}
