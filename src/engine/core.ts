import { LEXICON_STATUSES, matchWords } from './lexicon';
import { clip, extractReference, prepare, test, type Prepared } from './match';
import { ORIGINS } from './origins';
import { pagePhrases } from './page-phrases';
import { vendorsInFront } from './presence';
import { retryAfterSeconds } from './retry-after';
import type { Marker, ReferenceRule, Signature } from './signature';
import { SIGNATURES } from './signatures';
import { sanitize } from './sanitize';
import { statusFact } from './status-fact';
import type { CoreDiagnosis, Fact, Observation, Reference } from './types';

const MAX_CONFIDENCE = 0.99;
/** Extra markers add at most this much: corroboration, never enough to flip a ranking. */
const MAX_EXTRA = 0.04;
/** Vendors in front that did not act are listed as evidence up to this many. */
const MAX_BYSTANDER_FACTS = 3;

interface Candidate {
  sig: Signature;
  score: number;
  facts: Fact[];
}

/**
 * Turns one observation into the most likely explanation, without prose: what the worker needs,
 * and what `toDiagnosis` words for people. Pure and total: never throws. One signature list
 * (signatures/index.ts); the per-list memos below are computed once for it.
 */
export function diagnoseCore(obs: Observation): CoreDiagnosis {
  const signatures = SIGNATURES;
  try {
    return diagnoseSafely(obs, signatures);
  } catch {
    // Backstop for inputs no test imagined (e.g. a getter that throws): still a valid answer.
    return build(FALLBACK, null, prepare(sanitize(null)), signatures);
  }
}

function diagnoseSafely(obs: Observation, signatures: readonly Signature[]): CoreDiagnosis {
  const p = prepare(sanitize(obs));
  let best: Candidate | null = null;
  for (const sig of candidatesFor(signatures, p.obs.status)) {
    const candidate = evaluate(sig, p);
    if (!candidate) continue;
    if (sig.expected) {
      best = candidate;
      break;
    }
    if (!best || candidate.score > best.score) best = candidate;
  }
  if (!best || best.sig.acted.length === 0) best = byWords(p) ?? best;
  return build(best?.sig ?? FALLBACK, best, p, signatures);
}

/**
 * When no signature with evidence fired, the page's own words ("too many requests", "acceso
 * denegado") explain a refusal better than its bare status, at a confidence below any vendor's.
 * Statuses with a meaning of their own (401, 429) keep it: their bare signatures score higher.
 */
function byWords(p: Prepared): Candidate | null {
  if (!LEXICON_STATUSES.includes(p.obs.status) || (!p.body && !p.title)) return null;
  if (p.body) p.bodyHas ??= pagePhrases(p.body);
  const found = matchWords(p.title, p.body, p.bodyHas ?? undefined);
  if (!found) return null;
  const { rule, phrases } = found;
  const sig: Signature = { id: rule.cause, vendor: null, category: rule.category, acted: [], confidence: rule.confidence, fixes: rule.fixes };
  const facts: Fact[] = phrases.map((phrase) => ({ kind: 'body', name: 'page text', value: clip(phrase), about: `words:${rule.category}` }));
  return { sig, score: rule.confidence + Math.min(MAX_EXTRA, (phrases.length - 1) * 0.01), facts };
}

function build(sig: Signature, best: Candidate | null, p: Prepared, signatures: readonly Signature[]): CoreDiagnosis {
  const found = best?.facts ?? [];
  // A network error already shown as a marker needs no second line.
  const evidence = p.obs.status === 0 && found.some((e) => e.kind === 'error') ? [...found] : [statusFact(p.obs), ...found];
  const diagnosis: CoreDiagnosis = {
    cause: sig.id,
    category: sig.category,
    vendor: sig.vendor,
    confidence: round(Math.min(MAX_CONFIDENCE, best?.score ?? sig.confidence)),
    evidence,
    reference: sig.reference ? extractReference(sig.reference, p) : null,
    fixes: [...sig.fixes],
    retryAfterSeconds: retryAfterSeconds(p.obs.headers, p.obs.time),
  };
  if (sig.expected) diagnosis.expected = true;
  // An unexplained refusal stays unexplained: naming who sent it would read as knowing why.
  if (p.obs.status > 0 && diagnosis.vendor === null && sig.category !== 'unknown' && !sig.expected) addOrigin(diagnosis, p);
  if (p.obs.status > 0) addInFront(diagnosis, signatures, p);
  return diagnosis;
}

/** A generic refusal names the service that answered it (GitHub's API, a MinIO server...). */
function addOrigin(d: CoreDiagnosis, p: Prepared): void {
  for (const origin of ORIGINS) {
    for (const marker of origin.markers) {
      const fact = test(marker, p);
      if (!fact) continue;
      d.vendor = origin.vendor;
      d.evidence.push({ ...fact, about: `origin:${origin.vendor}` });
      if (!d.reference && origin.reference) d.reference = extractReference(origin.reference, p);
      return;
    }
  }
}

/**
 * Names the CDNs/WAFs seen in front of the site. When the finding is not theirs, they are
 * bystanders: a 403 that passed through Cloudflare untouched is the application's refusal.
 */
function addInFront(d: CoreDiagnosis, signatures: readonly Signature[], p: Prepared): void {
  const present = vendorsInFront(signatures, p);
  if (present.length === 0) return;
  d.inFront = present.map((v) => v.vendor);
  // The site owner finds the request in the CDN's logs by its id even when the CDN only passed it on.
  if (!d.reference) d.reference = referenceInFront(present, signatures, p);
  const bystanders = present.filter((v) => v.vendor !== d.vendor);
  if (bystanders.length === 0 || d.expected) return;
  d.bystanders = bystanders.map((v) => ({ vendor: v.vendor, seen: v.fact.name }));
  for (const v of bystanders.slice(0, MAX_BYSTANDER_FACTS)) d.evidence.push({ ...v.fact, about: `present:${v.vendor}` });
}

const headerReferences = new WeakMap<readonly Signature[], Map<string, ReferenceRule[]>>();

function referenceInFront(present: readonly { vendor: string }[], signatures: readonly Signature[], p: Prepared): Reference | null {
  let byVendor = headerReferences.get(signatures);
  if (!byVendor) {
    byVendor = new Map();
    for (const sig of signatures) {
      if (!sig.vendor || !sig.reference) continue;
      const rules = byVendor.get(sig.vendor) ?? [];
      for (const rule of sig.reference) if (rule.header && !rules.some((r) => r.header === rule.header)) rules.push(rule);
      byVendor.set(sig.vendor, rules);
    }
    headerReferences.set(signatures, byVendor);
  }
  for (const { vendor } of present) {
    const rules = byVendor.get(vendor);
    const found = rules && extractReference(rules, p);
    if (found) return found;
  }
  return null;
}

const indexCache = new WeakMap<readonly Signature[], { byStatus: Map<number, Signature[]>; anyStatus: Signature[] }>();

/** Signatures that can apply to a status, in their original order: most are skipped without a look. */
function candidatesFor(signatures: readonly Signature[], status: number): readonly Signature[] {
  let index = indexCache.get(signatures);
  if (!index) {
    const anyStatus = signatures.filter((s) => !s.statuses);
    const statuses = new Set(signatures.flatMap((s) => s.statuses ?? []));
    const byStatus = new Map<number, Signature[]>();
    for (const st of statuses) byStatus.set(st, signatures.filter((s) => !s.statuses || s.statuses.includes(st)));
    index = { byStatus, anyStatus };
    indexCache.set(signatures, index);
  }
  return index.byStatus.get(status) ?? index.anyStatus;
}

/** What could make a signature's `acted` markers match, read from the markers once. */
interface Trigger {
  /** A marker of another kind (url, cookie, title, JSON...) is tested as it is. */
  other: boolean;
  headers: string[];
  phrases: string[];
}

const triggers = new WeakMap<Signature, Trigger>();

function triggerOf(sig: Signature): Trigger {
  let t = triggers.get(sig);
  if (t) return t;
  t = { other: sig.acted.length === 0, headers: [], phrases: [] };
  for (const m of sig.acted) {
    if ('header' in m) t.headers.push(m.header);
    else if ('body' in m && !m.whole) t.phrases.push(m.body);
    else t.other = true;
  }
  triggers.set(sig, t);
  return t;
}

/**
 * A cheap look before the full one: a signature whose every `acted` marker is a header the
 * response lacks or a phrase the page does not say cannot fire. Most of the ~150 signatures
 * are set aside this way with a property read or a set lookup each.
 */
function mayAct(sig: Signature, p: Prepared): boolean {
  const t = triggerOf(sig);
  if (t.other) return true;
  for (const name of t.headers) if (p.obs.headers[name] !== undefined) return true;
  if (t.phrases.length === 0 || !p.body) return false;
  p.bodyHas ??= pagePhrases(p.body);
  for (const phrase of t.phrases) if (p.bodyHas(phrase)) return true;
  return false;
}

function evaluate(sig: Signature, p: Prepared): Candidate | null {
  if (!mayAct(sig, p)) return null;
  const acted = matches(sig.acted, p);
  const needed = sig.acted.length === 0 ? 0 : (sig.minActed ?? 1);
  if (acted.length < needed) return null;
  // Most signatures fail on `acted`; their exclusions are read only for those that did not.
  if (sig.unless && sig.unless.some((m) => test(m, p))) return null;
  const required = sig.requireAll ? matches(sig.requireAll, p) : [];
  if (sig.requireAll && required.length !== sig.requireAll.length) return null;
  const any = sig.requireAny ? firstMatch(sig.requireAny, p) : null;
  if (sig.requireAny && !any) return null;
  const presence = sig.presence ? matches(sig.presence, p) : [];
  const extra = Math.min(MAX_EXTRA, Math.max(0, acted.length - needed) * 0.02 + presence.length * 0.01);
  const facts = dedupe([...acted, ...required, ...(any ? [any] : []), ...presence]);
  return { sig, score: sig.confidence + extra, facts };
}

function matches(markers: readonly Marker[], p: Prepared): Fact[] {
  const found: Fact[] = [];
  for (const marker of markers) {
    const fact = test(marker, p);
    if (fact) found.push(fact);
  }
  return found;
}

function firstMatch(markers: readonly Marker[], p: Prepared): Fact | null {
  for (const marker of markers) {
    const fact = test(marker, p);
    if (fact) return fact;
  }
  return null;
}

function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((e) => {
    const key = `${e.kind}\u0000${e.name}\u0000${e.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const FALLBACK: Signature = SIGNATURES.find((s) => s.id === 'unknown') ?? {
  id: 'unknown',
  vendor: null,
  category: 'unknown',
  acted: [],
  confidence: 0.2,
  fixes: ['retry'],
};

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
