import type { FixId } from './fixes';

/**
 * The engine's vocabulary. Plain data only: no browser API, so the same code runs in the
 * worker, the popup, the HAR command line and the unit tests.
 */

/** What was seen of one request. Everything page-controlled in here is untrusted text. */
export interface Observation {
  url: string;
  method: string;
  /** webRequest resource type: main_frame, sub_frame, image, script, xmlhttprequest, ... */
  type: string;
  /** HTTP status; 0 when the request ended in a network error. */
  status: number;
  /** Response headers, names lower-cased; repeated headers joined with "\n". */
  headers: Record<string, string>;
  /** Names of cookies the site has (from the cookies API or Set-Cookie), never their values. */
  cookies?: string[];
  /** Title of the refused document, when it was read from the tab. */
  pageTitle?: string;
  /** The start of the refused document's text (bounded by the reader). */
  pageText?: string;
  /** Network error such as "net::ERR_BLOCKED_BY_CLIENT" (Chrome) or "NS_ERROR_..." (Firefox). */
  error?: string;
  /** URL of the document that made the request, when known (hotlink detection). */
  initiator?: string;
  /** Milliseconds since the epoch. */
  time: number;
}

export const CATEGORIES = [
  'security-block',
  'security-challenge',
  'rate-limit',
  'ip-restriction',
  'geo-restriction',
  'auth-required',
  'insufficient-permissions',
  'server-config',
  'hotlink-protection',
  'signed-url-expired',
  'csrf',
  'request-too-large',
  'legal-restriction',
  'blocked-by-client',
  'blocked-by-administrator',
  'blocked-by-response',
  'unknown',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Fixes are declared, with everything about them, in fixes.ts. */
export { FIX_IDS, type FixId } from './fixes';

export type EvidenceKind = 'status' | 'header' | 'cookie' | 'body' | 'title' | 'error' | 'url' | 'context';

/** One fact a finding rests on, as the user could check it in DevTools. */
export interface Evidence {
  kind: EvidenceKind;
  /** Header or cookie name, "status", the marker's name... */
  name: string;
  /** What was seen (truncated, untrusted text). */
  value: string;
  /** Why it matters, in plain English (for the developer part). */
  note: string;
}

/**
 * A fact as the matching core finds it: Evidence without its note. `about` names what the fact
 * is, as a key of prose/en.json: a marker key ("header:cf-ray"), "status:403", "network-error",
 * or "present:<vendor>" for a vendor in front of the site that did not act.
 */
export interface Fact {
  kind: EvidenceKind;
  name: string;
  value: string;
  about: string;
}

/** The id a site owner asks for to find the block in their logs. */
export interface Reference {
  /** e.g. "Cloudflare Ray ID", "Akamai Reference #". */
  label: string;
  value: string;
}

export interface Diagnosis {
  /** Stable id of the cause, e.g. "cloudflare-block", "rate-limit", "auth-required". */
  cause: string;
  category: Category;
  /** Lower-case vendor id, or null when no vendor is identified. */
  vendor: string | null;
  /** 0..1; shown to users as a word (see confidenceWord). */
  confidence: number;
  evidence: Evidence[];
  reference: Reference | null;
  /** Most useful first. */
  fixes: FixId[];
  /** Seconds to wait before retrying, from Retry-After or a rate-limit reset, when known. */
  retryAfterSeconds: number | null;
  /** One plain sentence for someone who is not a developer. */
  summary: string;
  /** What happened, for developers and site owners: which header, which rule, what to check. */
  developerNote: string;
  /**
   * True when the response is part of normal operation, not a refusal (e.g. the 401 of
   * Cloudflare's challenge-platform /pat/ probe). Lists and the HAR explainer leave these out.
   */
  expected?: boolean;
  /** Vendors seen in front of the site (presence markers), whether or not they acted. */
  inFront?: string[];
}

/**
 * What the matching core concludes, without prose: what the worker needs (it stores cause,
 * category and vendor) and what `toDiagnosis` turns into a Diagnosis.
 */
export interface CoreDiagnosis {
  cause: string;
  category: Category;
  vendor: string | null;
  confidence: number;
  /** Status first, then the markers that matched, then up to three vendors merely in front. */
  evidence: Fact[];
  reference: Reference | null;
  fixes: FixId[];
  retryAfterSeconds: number | null;
  expected?: boolean;
  inFront?: string[];
  /**
   * Vendors in front of the site that left none of their block or challenge markers, each with
   * the name of the header or cookie that showed them: they passed the refusal on.
   */
  bystanders?: { vendor: string; seen: string }[];
}

export type ConfidenceWord = 'certain' | 'likely' | 'possible';

export function confidenceWord(confidence: number): ConfidenceWord {
  if (confidence >= 0.85) return 'certain';
  if (confidence >= 0.6) return 'likely';
  return 'possible';
}
