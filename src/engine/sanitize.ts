import type { Observation } from './types';

const MAX_HEADERS = 200;
const MAX_HEADER_VALUE = 8192;
const MAX_COOKIES = 200;

/** Defensive copy: garbage in (wrong types, huge values, null) must not throw or blow up. */
export function sanitize(input: unknown): Observation {
  const obs = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof Observation, unknown>>;
  const obsOut: Observation = {
    url: str(obs.url, 8192) ?? '',
    method: str(obs.method, 32) ?? 'GET',
    type: str(obs.type, 64) ?? 'other',
    status: typeof obs.status === 'number' && Number.isInteger(obs.status) && obs.status >= 0 ? obs.status : 0,
    headers: headersOf(obs.headers),
    cookies: Array.isArray(obs.cookies)
      ? obs.cookies.slice(0, MAX_COOKIES).filter((c): c is string => typeof c === 'string').map((c) => c.slice(0, 256))
      : [],
    time: typeof obs.time === 'number' && Number.isFinite(obs.time) ? obs.time : 0,
  };
  const pageTitle = str(obs.pageTitle, 4096);
  const pageText = str(obs.pageText, 256 * 1024);
  const error = str(obs.error, 1024);
  const initiator = str(obs.initiator, 8192);
  if (pageTitle !== undefined) obsOut.pageTitle = pageTitle;
  if (pageText !== undefined) obsOut.pageText = pageText;
  if (error !== undefined) obsOut.error = error;
  if (initiator !== undefined) obsOut.initiator = initiator;
  return obsOut;
}

function str(value: unknown, max: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

function headersOf(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return headers;
  let count = 0;
  for (const name in raw) {
    if (!Object.prototype.hasOwnProperty.call(raw, name)) continue;
    if (++count > MAX_HEADERS) break;
    const value = (raw as Record<string, unknown>)[name];
    if (typeof value === 'string') headers[name.toLowerCase().slice(0, 256)] = value.slice(0, MAX_HEADER_VALUE);
  }
  return headers;
}
