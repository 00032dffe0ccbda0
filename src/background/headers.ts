import { MAX_EVENT_HEADER_BYTES, MAX_HEADER_VALUE } from '../shared/log';

export interface RawHeader {
  name: string;
  value?: string;
  binaryValue?: number[];
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Response headers as a bounded record: lower-case names, values truncated, binary values
 * decoded leniently, Set-Cookie reduced to cookie names (values are secrets and never stored).
 */
export function compactHeaders(raw: readonly RawHeader[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(raw)) return out;
  let budget = MAX_EVENT_HEADER_BYTES;
  for (const header of raw) {
    if (budget <= 0) break;
    if (!header || typeof header.name !== 'string') continue;
    const name = header.name.toLowerCase().slice(0, 64);
    let value = headerValue(header);
    if (name === 'set-cookie') value = cookieName(value);
    if (!value && name !== 'set-cookie') value = '';
    value = value.slice(0, Math.min(MAX_HEADER_VALUE, budget));
    budget -= name.length + value.length;
    out[name] = name in out ? `${out[name]}\n${value}`.slice(0, MAX_HEADER_VALUE * 2) : value;
  }
  return out;
}

function headerValue(header: RawHeader): string {
  if (typeof header.value === 'string') return header.value;
  if (Array.isArray(header.binaryValue)) {
    try {
      return decoder.decode(Uint8Array.from(header.binaryValue.slice(0, MAX_HEADER_VALUE * 4)));
    } catch {
      return '';
    }
  }
  return '';
}

/** "sid=abc; Path=/; HttpOnly" -> "sid". */
function cookieName(setCookie: string): string {
  return setCookie
    .split('\n')
    .map((line) => line.slice(0, Math.max(0, line.indexOf('='))).trim().slice(0, 64))
    .filter(Boolean)
    .join('\n');
}

/** Cookie names from a compacted Set-Cookie header. */
export function cookieNamesFrom(headers: Record<string, string>): string[] {
  const value = headers['set-cookie'];
  return value ? value.split('\n').filter(Boolean) : [];
}
