import type { Signature } from './signature';

/**
 * Every block source the engine knows, as data. Order breaks ties: specific vendors first,
 * generic causes read from HTTP semantics last. Each entry has fixtures in test/fixtures.
 */
export const SIGNATURES: readonly Signature[] = [
  {
    id: 'cloudflare-challenge',
    vendor: 'cloudflare',
    category: 'security-challenge',
    statuses: [403, 503, 429],
    acted: [
      { header: 'cf-mitigated', equals: 'challenge', note: 'Cloudflare marks a challenge it served with cf-mitigated: challenge.' },
      { title: 'just a moment', note: 'The title of Cloudflare\u2019s challenge page.' },
      { body: 'challenges.cloudflare.com', note: 'The page loads Cloudflare\u2019s challenge script.' },
      { body: 'cf-chl-', note: 'Cloudflare challenge markup.' },
    ],
    presence: [
      { header: 'server', equals: 'cloudflare', note: 'The response came through Cloudflare.' },
      { header: 'cf-ray', note: 'Cloudflare adds a Ray ID to every response it serves.' },
    ],
    unless: [{ url: '/cdn-cgi/challenge-platform/', note: 'Cloudflare\u2019s own challenge endpoint answers 401 by design.' }],
    confidence: 0.9,
    reference: [{ label: 'Cloudflare Ray ID', header: 'cf-ray' }, { label: 'Cloudflare Ray ID', after: 'Ray ID' }],
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn', 'contact-owner'],
    summary: 'The site\u2019s security service (Cloudflare) wants to check that you are a person before letting you in.',
    developerNote:
      'Cloudflare served a challenge (managed or JS challenge) instead of the page. If it loops, the browser is failing it: extensions that block scripts or alter headers, a VPN with a poor IP reputation, or cookies being blocked. Site owners: check Security > Events for the Ray ID and the rule that issued the challenge.',
  },
  {
    id: 'cloudflare-block',
    vendor: 'cloudflare',
    category: 'security-block',
    statuses: [403],
    acted: [
      { body: 'you have been blocked', note: 'The wording of Cloudflare\u2019s block page.' },
      { title: 'attention required! | cloudflare', note: 'The title of Cloudflare\u2019s block page.' },
      { body: 'cf-error-details', note: 'Cloudflare error page markup.' },
      { header: 'cf-mitigated', equals: 'block', note: 'Cloudflare marks a block with cf-mitigated.' },
    ],
    presence: [
      { header: 'server', equals: 'cloudflare', note: 'The response came through Cloudflare.' },
      { header: 'cf-ray', note: 'Cloudflare adds a Ray ID to every response it serves.' },
    ],
    confidence: 0.9,
    reference: [{ label: 'Cloudflare Ray ID', header: 'cf-ray' }, { label: 'Cloudflare Ray ID', after: 'Ray ID' }],
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
    summary: 'The site\u2019s security service (Cloudflare) blocked your request.',
    developerNote:
      'A Cloudflare WAF or firewall rule blocked the request. Only the site owner can lift it: send them the Ray ID, which identifies the event in Security > Events together with the rule that matched.',
  },
  {
    id: 'blocked-by-client',
    vendor: null,
    category: 'blocked-by-client',
    acted: [{ error: 'ERR_BLOCKED_BY_CLIENT', note: 'The browser reports that an extension cancelled the request.' }],
    confidence: 0.95,
    fixes: ['pause-extensions', 'retry'],
    summary: 'Another extension in your browser (an ad or content blocker, for example) stopped this request.',
    developerNote:
      'net::ERR_BLOCKED_BY_CLIENT: the request never left the browser; an extension cancelled it. The server did not refuse anything. Try with extensions paused or in a window where they are off.',
  },
  {
    id: 'rate-limit',
    vendor: null,
    category: 'rate-limit',
    acted: [
      { header: 'retry-after', note: 'The server says when to try again.' },
      { header: 'x-ratelimit-remaining', equals: '0', note: 'No requests remain in the current rate-limit window.' },
      { header: 'ratelimit-remaining', equals: '0', note: 'No requests remain in the current rate-limit window.' },
    ],
    statuses: [429, 403, 503],
    confidence: 0.9,
    fixes: ['wait-and-retry', 'contact-owner'],
    summary: 'You are sending requests too fast: the site asks you to wait before trying again.',
    developerNote:
      'The response carries rate-limit headers (Retry-After or x-ratelimit-remaining: 0). Wait until the reset time; clients should back off and honour Retry-After. Site owners: check the limit and whether many users share one IP (NAT, VPN).',
  },
  {
    id: 'rate-limit',
    vendor: null,
    category: 'rate-limit',
    statuses: [429],
    acted: [],
    confidence: 0.85,
    fixes: ['wait-and-retry', 'contact-owner'],
    summary: 'You are sending requests too fast: the site asks you to wait before trying again.',
    developerNote:
      '429 Too Many Requests without a Retry-After header: the server does not say how long to wait; a minute is a common window.',
  },
  {
    id: 'auth-required',
    vendor: null,
    category: 'auth-required',
    statuses: [401],
    acted: [],
    confidence: 0.8,
    fixes: ['sign-in', 'clear-cookies', 'retry'],
    summary: 'This page needs you to sign in, or your sign-in has expired.',
    developerNote:
      '401 Unauthorized means the request carried no valid credentials. Sign in (again); if the site keeps asking, its session cookie may be stale or blocked. WWW-Authenticate names the scheme the server expects.',
  },
  {
    id: 'insufficient-permissions',
    vendor: null,
    category: 'insufficient-permissions',
    statuses: [403],
    acted: [],
    confidence: 0.4,
    fixes: ['sign-in', 'check-url', 'contact-owner', 'retry'],
    summary: 'The site understood your request but refuses it: signed in or not, you may not see this.',
    developerNote:
      '403 Forbidden means the server knows who you are (or does not need to) and will not allow this request. Common causes: the account lacks the role or permission, the resource is restricted by IP or country, or the server\u2019s file permissions or access rules (.htaccess, location blocks) deny it.',
  },
  {
    id: 'legal-restriction',
    vendor: null,
    category: 'legal-restriction',
    statuses: [451],
    acted: [],
    confidence: 0.9,
    fixes: ['contact-owner'],
    summary: 'This content is unavailable where you are for legal reasons.',
    developerNote: '451 Unavailable For Legal Reasons: a legal demand (court order, regional law) stops the server from serving it here. A Link header with rel="blocked-by" may name who asked.',
  },
  {
    id: 'unknown',
    vendor: null,
    category: 'unknown',
    acted: [],
    confidence: 0.2,
    fixes: ['retry', 'clear-cookies', 'contact-owner'],
    summary: 'The site refused this request and did not say why.',
    developerNote: 'No known block source matched. The status and headers below are all the browser saw; the site owner\u2019s logs will say more.',
  },
];
