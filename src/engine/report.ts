import { sanitize } from './sanitize';
import type { Diagnosis, Observation } from './types';
import { vendorDisplayName as vendorLabel } from './vendor-names';

/** Headers whose values are secrets: never put in a report, whatever the evidence holds. */
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

/**
 * A ready-to-send plain-text report for the site owner: what identifies the event in their logs
 * (URL, time, status, vendor, reference id) and the likely cause. It never carries a cookie value
 * or an Authorization/Cookie/Set-Cookie header value, and drops the URL's query string, where
 * signed URLs and tokens keep their secrets.
 */
export function reportFor(input: Observation, d: Diagnosis): string {
  const obs = sanitize(input);
  const lines = [
    'Hello, a request to your site was refused. Details:',
    `URL: ${stripSecrets(obs.url)}`,
    `Time: ${isoTime(obs.time)}`,
    `Status: ${obs.status ? String(obs.status) : oneLine(obs.error ?? 'network error')}`,
  ];
  if (obs.method !== 'GET') lines.push(`Method: ${oneLine(obs.method)}`);
  if (d.vendor) lines.push(`Refused by: ${vendorLabel(d.vendor)}`);
  const inFront = (d.inFront ?? []).filter((v) => v !== d.vendor);
  if (inFront.length) lines.push(`In front of the site (passed it on, did not refuse it): ${inFront.map(vendorLabel).join(', ')}`);
  if (d.reference) lines.push(`${oneLine(d.reference.label)}: ${oneLine(d.reference.value)}`);
  lines.push(`Likely cause: ${d.summary} (${d.category}, ${d.cause})`);
  const facts = d.evidence.filter((e) => e.kind !== 'cookie' && !SECRET_HEADERS.has(e.name.toLowerCase())).slice(0, 6);
  if (facts.length) {
    lines.push('What the browser saw:');
    for (const e of facts) lines.push(`  - ${e.name}: ${oneLine(e.value)}`);
  }
  lines.push('', 'Could you tell me why, or lift the block if it is a mistake? Thank you.');
  return lines.join('\n');
}

function isoTime(time: unknown): string {
  return typeof time === 'number' && Number.isFinite(time) && time > 0 && time < 8.64e15 ? new Date(time).toISOString() : 'unknown';
}

/** Drops the query string and fragment: signed URLs and tokens live there. Also user:password@. */
function stripSecrets(url: string): string {
  const q = url.indexOf('?');
  const h = url.indexOf('#');
  const cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
  let base = cut < 0 ? url : url.slice(0, cut);
  const scheme = base.indexOf('://');
  const at = base.indexOf('@', scheme + 3);
  const slash = base.indexOf('/', scheme + 3);
  if (scheme > 0 && at > 0 && (slash < 0 || at < slash)) base = base.slice(0, scheme + 3) + base.slice(at + 1);
  return oneLine(base, 2048);
}

/** Page-controlled text stays on its line: no forged extra lines in the report. */
function oneLine(text: string, max = 300): string {
  return String(text).slice(0, max).replace(/[\r\n\t]+/g, ' ');
}
