import type { Diagnosis, Observation } from './types';

/**
 * A ready-to-send plain-text report for the site owner. It carries what identifies the event in
 * their logs and never a cookie value or an Authorization/Cookie/Set-Cookie header.
 */
export function reportFor(obs: Observation, d: Diagnosis): string {
  const lines = [
    'Hello, my request to your site was refused. Details:',
    `URL: ${stripSecrets(obs.url)}`,
    `Time: ${Number.isFinite(obs.time) && obs.time > 0 ? new Date(obs.time).toISOString() : 'unknown'}`,
    `Status: ${obs.status || obs.error || 'network error'}`,
  ];
  if (d.vendor) lines.push(`Blocked by: ${d.vendor}`);
  if (d.reference) lines.push(`${d.reference.label}: ${d.reference.value}`);
  lines.push(`Likely cause: ${d.category} (${d.cause})`);
  lines.push('', 'Could you tell me why, or lift the block if it is a mistake? Thank you.');
  return lines.join('\n');
}

/** Drops the query string and fragment: signed URLs and tokens live there. */
function stripSecrets(url: string): string {
  const cut = url.search(/[?#]/);
  return (cut < 0 ? url : url.slice(0, cut)).slice(0, 2048);
}
