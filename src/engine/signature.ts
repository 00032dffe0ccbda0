import type { Category, FixId } from './types';

/**
 * One fact to look for in an observation. Every test is a plain, case-insensitive substring or
 * equality check: nothing here can backtrack, so matching stays linear in the input.
 */
export type Marker =
  /** A response header: present, equal to, or containing a value. */
  | { header: string; equals?: string; includes?: string; note: string }
  /** A cookie the site has, by exact name or name prefix (`prefix: true`). */
  | { cookie: string; prefix?: boolean; note: string }
  /** Text in the refused document's body (needs page text). */
  | { body: string; note: string }
  /** Text in the refused document's title. */
  | { title: string; note: string }
  /** A network error name, e.g. "net::ERR_BLOCKED_BY_CLIENT". */
  | { error: string; note: string }
  /** Text in the request URL. */
  | { url: string; note: string };

/** Where to find the reference id a site owner asks for. */
export interface ReferenceRule {
  label: string;
  /** Take the value of this header (first token up to a space or comma is not cut: whole value). */
  header?: string;
  /** Take the id that follows this text in the body or title, e.g. "Ray ID:". */
  after?: string;
}

/**
 * A block source as data. A signature fires when the status fits and at least one `acted`
 * marker matches (or `acted` is empty and `statuses` alone define it, for generic causes).
 * `presence` markers say the vendor is in front of the site: they raise confidence and name
 * the vendor but never make a block on their own.
 */
export interface Signature {
  /** Cause id, stable: used for grouping, messages and tests. */
  id: string;
  vendor: string | null;
  category: Category;
  /** Statuses this source answers with; omitted = any status the pre-check kept. */
  statuses?: readonly number[];
  /** Evidence that this source acted on this request; one is enough. */
  acted: readonly Marker[];
  /** Extra markers that must all match as well (e.g. a challenge header AND a 403). */
  requireAll?: readonly Marker[];
  /** Evidence that the vendor is present; adds confidence, never enough alone. */
  presence?: readonly Marker[];
  /** Markers that rule this signature out (e.g. the vendor's own expected 401 endpoint). */
  unless?: readonly Marker[];
  /** Confidence when one acted marker matches; each further marker adds a little. */
  confidence: number;
  reference?: readonly ReferenceRule[];
  fixes: readonly FixId[];
  /** Plain sentence for a person who is not a developer. */
  summary: string;
  /** For developers and site owners: what it means and what to check. */
  developerNote: string;
}
