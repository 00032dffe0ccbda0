/**
 * The error text of a JSON body: string values under keys such as error, message, detail, code,
 * joined and lower-cased, so a marker can ask "does the API say 'insufficient_scope'?" without
 * matching the same word elsewhere in a payload. Bounded in depth and in values read.
 */
const ERROR_KEYS = new Set([
  'error',
  'errors',
  'error_description',
  'error_code',
  'errorcode',
  'message',
  'msg',
  'detail',
  'details',
  'reason',
  'code',
  'title',
  'status',
  'description',
  'type',
]);
const MAX_DEPTH = 6;
const MAX_VALUES = 100;

export function jsonErrorText(text: string): string {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return '';
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return '';
  }
  const found: string[] = [];
  collect(value, false, 0, found);
  return found.join('\n').toLowerCase();
}

function collect(value: unknown, underErrorKey: boolean, depth: number, found: string[]): void {
  if (found.length >= MAX_VALUES || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (underErrorKey) found.push(value.slice(0, 500));
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    if (underErrorKey) found.push(String(value));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) collect(item, underErrorKey, depth + 1, found);
    return;
  }
  if (value && typeof value === 'object') {
    let keys = 0;
    for (const [key, child] of Object.entries(value)) {
      if (++keys > 50) break;
      collect(child, underErrorKey || ERROR_KEYS.has(key.toLowerCase()), depth + 1, found);
    }
  }
}
