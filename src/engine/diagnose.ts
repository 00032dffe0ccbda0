import { clip, extractReference, prepare, test, type Prepared } from './match';
import type { Marker, Signature } from './signature';
import { SIGNATURES } from './signatures';
import { retryAfterSeconds } from './retry-after';
import type { Diagnosis, Evidence, Observation } from './types';

const MAX_CONFIDENCE = 0.99;

interface Candidate {
  sig: Signature;
  score: number;
  evidence: Evidence[];
}

/** Turns one observation into the most likely explanation. Pure and total: never throws. */
export function diagnose(obs: Observation, signatures: readonly Signature[] = SIGNATURES): Diagnosis {
  const p = prepare(sanitize(obs));
  let best: Candidate | null = null;
  for (const sig of signatures) {
    const candidate = evaluate(sig, p);
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  }
  const sig = best?.sig ?? FALLBACK;
  const evidence = [statusEvidence(p.obs), ...(best?.evidence ?? [])];
  return {
    cause: sig.id,
    category: sig.category,
    vendor: sig.vendor,
    confidence: round(best?.score ?? sig.confidence),
    evidence,
    reference: sig.reference ? toReference(sig, p) : null,
    fixes: [...sig.fixes],
    retryAfterSeconds: retryAfterSeconds(p.obs.headers, p.obs.time),
    summary: sig.summary,
    developerNote: sig.developerNote,
  };
}

function evaluate(sig: Signature, p: Prepared): Candidate | null {
  if (sig.statuses && !sig.statuses.includes(p.obs.status)) return null;
  if (!sig.statuses && sig.acted.length === 0 && p.obs.status === 0 && !p.obs.error) return null;
  if (sig.unless && sig.unless.some((m) => test(m, p))) return null;
  const acted = matches(sig.acted, p);
  if (sig.acted.length > 0 && acted.length === 0) return null;
  const required = sig.requireAll ? matches(sig.requireAll, p) : [];
  if (sig.requireAll && required.length !== sig.requireAll.length) return null;
  const presence = sig.presence ? matches(sig.presence, p) : [];
  // Weak signals only count together: each extra one adds a little, never enough to flip a ranking.
  const extra = Math.max(0, acted.length - 1) * 0.03 + presence.length * 0.02;
  return {
    sig,
    score: Math.min(MAX_CONFIDENCE, sig.confidence + extra),
    evidence: [...acted, ...required, ...presence],
  };
}

function matches(markers: readonly Marker[], p: Prepared): Evidence[] {
  const found: Evidence[] = [];
  for (const marker of markers) {
    const evidence = test(marker, p);
    if (evidence) found.push(evidence);
  }
  return found;
}

function toReference(sig: Signature, p: Prepared): Diagnosis['reference'] {
  const rules = sig.reference ?? [];
  const value = extractReference(rules, p);
  if (!value) return null;
  return { label: rules[0]?.label ?? 'Reference', value };
}

function statusEvidence(obs: Observation): Evidence {
  if (obs.status === 0) {
    return { kind: 'error', name: 'error', value: clip(obs.error ?? 'network error'), note: 'The request ended in a network error, not an HTTP response.' };
  }
  return { kind: 'status', name: 'status', value: String(obs.status), note: STATUS_NOTES[obs.status] ?? 'The HTTP status the server answered with.' };
}

const STATUS_NOTES: Record<number, string> = {
  401: '401 Unauthorized: the server wants credentials (sign in).',
  403: '403 Forbidden: the server understood the request and refuses it, signed in or not.',
  405: '405 Method Not Allowed.',
  406: '406 Not Acceptable: often a WAF rejecting the request.',
  407: '407 Proxy Authentication Required: a proxy between you and the site wants credentials.',
  418: '418: a joke status some bot protections use to refuse.',
  429: '429 Too Many Requests: rate limited.',
  451: '451 Unavailable For Legal Reasons.',
  503: '503 Service Unavailable.',
  999: '999: a non-standard refusal (LinkedIn uses it for automated traffic).',
};

/** Defensive copy: garbage in (wrong types, huge values) must not throw or blow up. */
function sanitize(obs: Observation): Observation {
  const headers: Record<string, string> = {};
  const raw = obs && typeof obs.headers === 'object' && obs.headers !== null ? obs.headers : {};
  let count = 0;
  for (const [name, value] of Object.entries(raw)) {
    if (++count > 200) break;
    if (typeof value === 'string') headers[name.toLowerCase()] = value.slice(0, 8192);
  }
  return {
    url: typeof obs?.url === 'string' ? obs.url : '',
    method: typeof obs?.method === 'string' ? obs.method : 'GET',
    type: typeof obs?.type === 'string' ? obs.type : 'other',
    status: Number.isInteger(obs?.status) ? obs.status : 0,
    headers,
    cookies: Array.isArray(obs?.cookies) ? obs.cookies.filter((c): c is string => typeof c === 'string') : [],
    pageTitle: typeof obs?.pageTitle === 'string' ? obs.pageTitle : undefined,
    pageText: typeof obs?.pageText === 'string' ? obs.pageText : undefined,
    error: typeof obs?.error === 'string' ? obs.error : undefined,
    initiator: typeof obs?.initiator === 'string' ? obs.initiator : undefined,
    time: Number.isFinite(obs?.time) ? obs.time : 0,
  };
}

const FALLBACK: Signature = SIGNATURES.find((s) => s.id === 'unknown') ?? {
  id: 'unknown',
  vendor: null,
  category: 'unknown',
  acted: [],
  confidence: 0.2,
  fixes: ['retry'],
  summary: 'The site refused this request and did not say why.',
  developerNote: 'No known block source matched.',
};

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
