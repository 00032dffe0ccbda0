import type { Marker, Signature } from './signature';
import { isDocumentType } from './is-document-type';
import { SIGNATURES } from './signatures';

/**
 * The listener's one check, derived from the signatures so that every source the engine knows is
 * also caught in the browser:
 * - a status some signature recognises by itself (401, 403, 429, 431, 451...) is recorded at once;
 * - a status whose signatures need a header (202/405 + x-amzn-waf-action, 503 + cf-mitigated...)
 *   is recorded when one of those headers is present;
 * - a status whose signatures read the page (400 "Request Header Or Cookie Too Large", 419, 422,
 *   503 Wordfence) is recorded for documents, whose text the popup can read, or with a header.
 * Ordinary statuses (200, 204, 301, 304, 404...) read one array slot and return.
 * Signatures without statuses (F5's 200 block page) are found when page text is available (HAR,
 * popup page probe): the listener cannot see a 200's body without reading every page.
 */
const RECORD = 1;
const HEADERS = 2;
const DOCUMENT_OR_HEADERS = 3;

/** Headers on most responses: their presence says nothing, so they never make a status worth recording. */
const GENERIC_HEADERS = new Set(['server', 'via', 'x-powered-by', 'x-cache', 'link', 'content-type']);
/** Status -> header names that make it a refusal. */
const CONDITIONAL = new Map<number, string[]>();
/** Index by status for a single array read on the hot path. */
const TABLE = new Uint8Array(1000);
/** Error substrings (lower case) that signatures recognise, e.g. "err_blocked_by_client". */
const ERRORS: string[] = [];

function build(signatures: readonly Signature[]): void {
  for (const sig of signatures) {
    for (const marker of sig.acted) if ('error' in marker) addError(marker.error.toLowerCase());
    const headers = [...sig.acted, ...(sig.requireAll ?? [])].flatMap((m) => ('header' in m && !GENERIC_HEADERS.has(m.header) ? [m.header] : []));
    for (const status of sig.statuses ?? []) {
      if (status < 0 || status >= TABLE.length) continue;
      if (sig.acted.length === 0 || sig.acted.every(knownAtCapture)) {
        // Status alone, or URL/context known at capture (LinkedIn's 999, hotlinks): record.
        TABLE[status] = RECORD;
        continue;
      }
      for (const name of headers) addHeader(status, name);
      // 2xx bodies are never read in the listener (every page would be); only headers count there.
      const level = sig.acted.some(needsPage) && status >= 300 ? DOCUMENT_OR_HEADERS : headers.length > 0 ? HEADERS : 0;
      if (TABLE[status] !== RECORD) TABLE[status] = Math.max(TABLE[status] ?? 0, level);
    }
  }
}

function needsPage(marker: Marker): boolean {
  return 'body' in marker || 'title' in marker || 'json' in marker;
}

function knownAtCapture(marker: Marker): boolean {
  return 'url' in marker || 'context' in marker || 'resourceType' in marker;
}

function addHeader(status: number, name: string): void {
  const names = CONDITIONAL.get(status) ?? [];
  if (!names.includes(name)) names.push(name);
  CONDITIONAL.set(status, names);
}

function addError(text: string): void {
  if (!ERRORS.some((e) => text.includes(e))) ERRORS.push(text);
}

build(SIGNATURES);

/**
 * 0: ordinary, return at once. 1: a refusal. 2: a refusal only if `hasMarkerHeader` says so.
 * `type` (webRequest resource type) lets documents through for statuses judged from page text;
 * without it such statuses count as refusals.
 */
export function statusVerdict(status: number, type?: string): number {
  const verdict = TABLE[status] ?? 0;
  if (verdict !== DOCUMENT_OR_HEADERS) return verdict;
  return type === undefined || isDocumentType(type) ? RECORD : HEADERS;
}

/** For statuses that need it: is one of the block-marker headers present? */
export function hasMarkerHeader(status: number, headerNames: Iterable<string>): boolean {
  const wanted = CONDITIONAL.get(status);
  if (!wanted) return false;
  for (const name of headerNames) if (wanted.includes(name.toLowerCase())) return true;
  return false;
}

/** Network errors worth recording: those a signature explains (Chrome's net::ERR_BLOCKED_BY_*...). */
export function isBlockingError(error: string): boolean {
  if (typeof error !== 'string') return false;
  const lowered = error.toLowerCase();
  return ERRORS.some((e) => lowered.includes(e));
}

/** Whole pre-check, for callers with the headers at hand (HAR, tests). */
export function isRefusal(status: number, headers: Record<string, string>, error?: string, type?: string): boolean {
  if (!status) return !!error && isBlockingError(error);
  const verdict = statusVerdict(status, type);
  return verdict === RECORD || (verdict === HEADERS && hasMarkerHeader(status, Object.keys(headers)));
}

/** The statuses the pre-check can record, for tests and documentation. */
export function watchedStatuses(): number[] {
  const statuses: number[] = [];
  TABLE.forEach((verdict, status) => verdict && statuses.push(status));
  return statuses;
}
