import type { RefusalEvent } from '../shared/log';

/** What the listeners learn about a request, one version per event the browser sends. */
export type RequestVersion = Pick<RefusalEvent, 'status' | 'headers' | 'noHeaders' | 'error'>;

/**
 * One request seen twice (status only and with headers, its headers and then its error, two
 * answers after an auth retry) becomes one version, whatever order the two came in: an answer
 * with headers beats one read by its status only, which beats a network error alone (status 0,
 * no answer); between equals the later is the final answer. An error is kept from either.
 */
export function mergeVersions(earlier: RequestVersion, later: RequestVersion): RequestVersion {
  const answer = rank(later) >= rank(earlier) ? later : earlier;
  const merged: RequestVersion = { status: answer.status || earlier.status || later.status, headers: answer.headers };
  if (answer.noHeaders) merged.noHeaders = true;
  const error = later.error ?? earlier.error;
  if (error) merged.error = error;
  return merged;
}

function rank(version: RequestVersion): number {
  if (version.status === 0) return 0;
  return version.noHeaders ? 1 : 2;
}

/** Does `merged` tell anything `earlier` did not? */
export function isNews(earlier: RequestVersion, merged: RequestVersion): boolean {
  return earlier.status !== merged.status || earlier.error !== merged.error || earlier.noHeaders !== merged.noHeaders || earlier.headers !== merged.headers;
}
