import { clip } from './match';
import type { Evidence, Observation } from './types';

const STATUS_NOTES: Record<number, string> = {
  202: '202 Accepted: used by AWS WAF for a silent challenge.',
  400: '400 Bad Request: the server could not accept the request as sent.',
  401: '401 Unauthorized: the server wants credentials (sign in).',
  403: '403 Forbidden: the server understood the request and refuses it, signed in or not.',
  405: '405 Method Not Allowed (AWS WAF uses it for a CAPTCHA).',
  406: '406 Not Acceptable: often a WAF rejecting the request.',
  407: '407 Proxy Authentication Required: a proxy between you and the site wants credentials.',
  418: '418: a joke status some bot protections use to refuse.',
  419: '419: Laravel\u2019s "Page Expired" (CSRF token mismatch).',
  422: '422 Unprocessable Content (Rails answers it for a failed CSRF check).',
  429: '429 Too Many Requests: rate limited.',
  431: '431 Request Header Fields Too Large: usually too many or too large cookies.',
  451: '451 Unavailable For Legal Reasons.',
  503: '503 Service Unavailable (some security services answer it for challenges and blocks).',
  999: '999: a non-standard refusal (LinkedIn uses it for automated traffic).',
};

/** The first piece of evidence: the status (or the network error) as the browser saw it. */
export function statusEvidence(obs: Observation): Evidence {
  if (obs.status === 0) {
    return { kind: 'error', name: 'error', value: clip(obs.error ?? 'network error'), note: 'The request ended in a network error, not an HTTP response.' };
  }
  return { kind: 'status', name: 'status', value: String(obs.status), note: STATUS_NOTES[obs.status] ?? 'The HTTP status the server answered with.' };
}
