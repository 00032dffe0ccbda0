import { isObj } from '../engine/har-entry';
import type { PanelFinding } from './panel-findings';

/** Headers whose values are credentials: the export keeps their names, never their values. */
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

/**
 * A HAR 1.2 log of only the refused entries, as DevTools recorded them (with the bodies the panel
 * read), for a bug report or for `npm run explain`. Like DevTools' own "Export HAR (sanitized)",
 * it leaves out credentials: cookie values and Authorization headers are emptied; cookie names
 * stay, since they are evidence (a bot manager's cookie).
 */
export function refusedHar(findings: readonly PanelFinding[], version: string): string {
  const entries = findings.map(({ entry }) => sanitizedEntry(entry));
  return `${JSON.stringify({ log: { version: '1.2', creator: { name: 'Why Blocked', version }, entries } }, null, 2)}\n`;
}

/** A file name for the export: the inspected site and the time, nothing a file system refuses. */
export function refusedHarName(pageUrl: string, now: Date): string {
  let host = 'page';
  try {
    host = new URL(pageUrl).hostname || host;
  } catch {
    // Not a URL (about:blank, a file picked by hand): the default name.
  }
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `why-blocked-${host.replace(/[^a-z0-9.-]/gi, '_')}-${stamp}.har`;
}

function sanitizedEntry(entry: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
  for (const part of [copy.request, copy.response]) {
    if (!isObj(part)) continue;
    if (Array.isArray(part.cookies)) part.cookies = part.cookies.map((c: unknown) => (isObj(c) ? { name: String(c.name ?? ''), value: '' } : c));
    if (Array.isArray(part.headers)) part.headers = part.headers.map((h: unknown) => (isObj(h) && typeof h.name === 'string' && SECRET_HEADERS.has(h.name.toLowerCase()) ? { name: h.name, value: withoutValues(h.name, String(h.value ?? '')) } : h));
  }
  return copy;
}

/** "a=1; b=2" -> "a=; b=" and "sid=x; Path=/" -> "sid="; an Authorization value goes entirely. */
function withoutValues(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return value.split(';').map((pair) => `${pair.split('=')[0]?.trim() ?? ''}=`).join('; ');
  if (lower === 'set-cookie') return value.split('\n').map((line) => `${line.split('=')[0]?.trim() ?? ''}=`).join('\n');
  return '';
}
