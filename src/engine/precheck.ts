import { SIGNATURES } from './signatures';

/**
 * The listener's one check. Statuses that are refusals by themselves are recorded at once; a few
 * statuses that are usually fine (202, 503, ...) are recorded only when a header that some
 * signature treats as a block marker is present. The table is derived from the signatures, so
 * every source the engine knows is also caught in the browser.
 */
const ALWAYS = [401, 403, 405, 406, 407, 418, 429, 431, 451, 999];

/** Status -> header names that make it a refusal. */
const CONDITIONAL = new Map<number, string[]>();
for (const sig of SIGNATURES) {
  for (const status of sig.statuses ?? []) {
    if (ALWAYS.includes(status)) continue;
    for (const marker of [...sig.acted, ...(sig.requireAll ?? [])]) {
      if (!('header' in marker)) continue;
      const names = CONDITIONAL.get(status) ?? [];
      if (!names.includes(marker.header)) names.push(marker.header);
      CONDITIONAL.set(status, names);
    }
  }
}

/** Index by status for a single array read on the hot path: 0 = ignore, 1 = record, 2 = check headers. */
const TABLE = new Uint8Array(1000);
for (const status of ALWAYS) TABLE[status] = 1;
for (const status of CONDITIONAL.keys()) if (status < 1000) TABLE[status] = 2;

/** 0: ordinary, return at once. 1: a refusal. 2: a refusal only if `hasMarkerHeader` says so. */
export function statusVerdict(status: number): number {
  return TABLE[status] ?? 0;
}

/** For statuses that need it: is one of the block-marker headers present? */
export function hasMarkerHeader(status: number, headerNames: Iterable<string>): boolean {
  const wanted = CONDITIONAL.get(status);
  if (!wanted) return false;
  for (const name of headerNames) if (wanted.includes(name.toLowerCase())) return true;
  return false;
}

/** Network errors worth recording (Chrome's net::ERR_BLOCKED_BY_*). */
export function isBlockingError(error: string): boolean {
  return error.includes('ERR_BLOCKED_BY_');
}

/** Whole pre-check, for callers with the headers at hand (HAR, tests). */
export function isRefusal(status: number, headers: Record<string, string>, error?: string): boolean {
  if (status === 0) return !!error && isBlockingError(error);
  const verdict = statusVerdict(status);
  return verdict === 1 || (verdict === 2 && hasMarkerHeader(status, Object.keys(headers)));
}
