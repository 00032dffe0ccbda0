import type { Category, FixId } from './types';

/**
 * One fact to look for in an observation. Every test is a plain, case-insensitive substring or
 * equality check: nothing here can backtrack, so matching stays linear in the input.
 * Markers carry no prose: what a marker means is written in prose/en.json under its
 * `markerKey` (see marker-key.ts), so the worker never ships it.
 */
export type Marker =
  /** A response header: present, equal to, or containing a value. */
  | { header: string; equals?: string; includes?: string }
  /** A cookie the site has, by exact name or name prefix (`prefix: true`). */
  | { cookie: string; prefix?: boolean }
  /**
   * Text in the refused document's body (entities decoded; needs page text). `whole`: the page
   * is this text and nothing else, trimmed (Cloudflare's "error code: 1020" to API clients).
   */
  | { body: string; whole?: boolean }
  /** Text in the refused document's title (or the body's <title> when no title was read). */
  | { title: string }
  /** Text in the error fields (error, message, detail, code...) of a JSON body. */
  | { json: string }
  /** A network error name, e.g. "net::ERR_BLOCKED_BY_CLIENT". */
  | { error: string }
  /** Text in the request URL. */
  | { url: string }
  /** The webRequest resource type is one of these (main_frame, sub_frame, image...). */
  | { resourceType: readonly string[] }
  /** The request's context: made by a page of another site (compares url and initiator). */
  | { context: 'cross-site' };

/** Where to find the reference id a site owner asks for. */
export interface ReferenceRule {
  label: string;
  /** Take this header's whole value. */
  header?: string;
  /** Take the id that follows this text in the body or title, e.g. "Ray ID". */
  after?: string;
}

/**
 * A block source as data (matching only: its summary and developer note are in prose/en.json under
 * `causes[id]`). A signature fires when the status fits and at least `minActed` (one by
 * default) `acted` markers match, or `acted` is empty and `statuses` alone define it (generic
 * causes). `presence` markers say the vendor is in front of the site: they raise confidence and
 * name the vendor but never make a block on their own.
 */
export interface Signature {
  /** Cause id, unique and stable: used for grouping, messages and tests. */
  id: string;
  vendor: string | null;
  category: Category;
  /** Statuses this source answers with; omitted = any status the pre-check kept. */
  statuses?: readonly number[];
  /** Evidence that this source acted on this request; one is enough unless `minActed` says more. */
  acted: readonly Marker[];
  /** Weak signals only count together: how many `acted` markers must match (default 1). */
  minActed?: number;
  /** Markers that must all match as well (e.g. a challenge header AND a 403). */
  requireAll?: readonly Marker[];
  /** At least one of these must match as well (e.g. any sign that it is really this vendor). */
  requireAny?: readonly Marker[];
  /** Evidence that the vendor is present; adds confidence, never enough alone. */
  presence?: readonly Marker[];
  /** Markers that rule this signature out (e.g. the vendor's own expected 401 endpoint). */
  unless?: readonly Marker[];
  /** Confidence when the required acted markers match; each further marker adds a little. */
  confidence: number;
  reference?: readonly ReferenceRule[];
  fixes: readonly FixId[];
  /** Normal operation, not a refusal: wins over every other match and is left out of lists. */
  expected?: boolean;
}
