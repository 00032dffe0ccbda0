/**
 * Just enough HTML reading for markers: numeric and common named entities decoded (Akamai writes
 * "Reference&#32;&#35;18&#46;..."), and the <title> found. Plain scans, linear in the input.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let from = 0;
  let at = text.indexOf('&');
  while (at >= 0) {
    // Entities are short: look for the ';' in the next 10 characters only (keeps this linear).
    const end = semicolonNear(text, at + 1);
    if (end < 0) {
      at = text.indexOf('&', at + 1);
      continue;
    }
    const decoded = decodeOne(text.slice(at + 1, end));
    if (decoded !== null) {
      out += text.slice(from, at) + decoded;
      from = end + 1;
    }
    at = text.indexOf('&', decoded !== null ? end + 1 : at + 1);
  }
  return out + text.slice(from);
}

function semicolonNear(text: string, from: number): number {
  const stop = Math.min(text.length, from + 10);
  for (let i = from; i < stop; i++) if (text.charCodeAt(i) === 59) return i;
  return -1;
}

function decodeOne(name: string): string | null {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const digits = name.slice(hex ? 2 : 1);
    if (!digits || !isDigits(digits, hex)) return null;
    const code = parseInt(digits, hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return NAMED[name.toLowerCase()] ?? null;
}

function isDigits(text: string, hex: boolean): boolean {
  for (const ch of text) {
    const c = ch.toLowerCase();
    if (!((c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

/** The text of the first <title> element, from lower-cased HTML; '' when there is none. */
export function titleOf(lowered: string): string {
  const open = lowered.indexOf('<title');
  if (open < 0) return '';
  const start = lowered.indexOf('>', open);
  if (start < 0) return '';
  const end = lowered.indexOf('</title', start);
  const title = lowered.slice(start + 1, end < 0 ? start + 1 + 1024 : Math.min(end, start + 1 + 1024));
  return title.trim();
}
