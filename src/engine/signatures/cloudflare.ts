import type { Marker, ReferenceRule, Signature } from '../signature';

const PRESENCE: readonly Marker[] = [
  { header: 'server', equals: 'cloudflare' },
  { header: 'cf-ray' },
];
const RAY: readonly ReferenceRule[] = [
  { label: 'Cloudflare Ray ID', header: 'cf-ray' },
  { label: 'Cloudflare Ray ID', after: 'Ray ID' },
  // Challenge pages carry it in their scripts and image URLs only.
  { label: 'Cloudflare Ray ID', after: '?ray=' },
  { label: 'Cloudflare Ray ID', after: "cRay: '" },
];
const ERROR_PAGE: readonly Marker[] = [
  { body: 'cf-error-details' },
  { body: 'cloudflare ray id' },
  { header: 'server', equals: 'cloudflare' },
  // The page as text (copied from the browser, or a client's printout) keeps only its words.
  { body: 'ray id' },
  { body: 'cloudflare' },
];

/**
 * One Cloudflare 1xxx error page, recognised by its code: "error code: 1020" (HTML and the
 * plain-text body API clients get), "Error 1015 Ray ID: ..." (the page as text), the title.
 */
function errorCode(code: number, rest: Omit<Signature, 'vendor' | 'acted' | 'requireAny' | 'presence' | 'reference'>): Signature {
  return {
    vendor: 'cloudflare',
    acted: [
      { body: `cf-error-code">${code}<` },
      { body: `error code: ${code}` },
      { body: `error ${code} ray id` },
      { title: `error ${code}` },
    ],
    requireAny: [...ERROR_PAGE, { body: `error code: ${code}`, whole: true }],
    presence: PRESENCE,
    reference: RAY,
    ...rest,
  };
}

export const CLOUDFLARE: readonly Signature[] = [
  {
    id: 'cloudflare-pat-expected',
    vendor: 'cloudflare',
    category: 'security-challenge',
    statuses: [401],
    acted: [{ url: '/cdn-cgi/challenge-platform/' }],
    expected: true,
    confidence: 0.1,
    reference: RAY,
    fixes: [],
  },
  errorCode(1009, {
    id: 'cloudflare-1009',
    category: 'geo-restriction',
    statuses: [403],
    confidence: 0.96,
    fixes: ['disable-vpn', 'contact-owner'],
  }),
  errorCode(1005, {
    id: 'cloudflare-1005',
    category: 'ip-restriction',
    statuses: [403],
    confidence: 0.96,
    fixes: ['disable-vpn', 'contact-owner'],
  }),
  {
    ...errorCode(1006, {
      id: 'cloudflare-1006',
      category: 'ip-restriction',
      statuses: [403],
      confidence: 0.96,
      fixes: ['disable-vpn', 'contact-owner'],
    }),
    acted: [1006, 1007, 1008].flatMap((code): Marker[] => [
      { body: `cf-error-code">${code}<` },
      { body: `error code: ${code}` },
      { body: `error ${code} ray id` },
    ]),
    requireAny: [...ERROR_PAGE, ...[1006, 1007, 1008].map((code): Marker => ({ body: `error code: ${code}`, whole: true }))],
  },
  errorCode(1010, {
    id: 'cloudflare-1010',
    category: 'security-block',
    statuses: [403],
    confidence: 0.96,
    fixes: ['pause-extensions', 'contact-owner', 'retry'],
  }),
  errorCode(1011, {
    id: 'cloudflare-1011',
    category: 'hotlink-protection',
    statuses: [403],
    confidence: 0.96,
    fixes: ['check-url', 'contact-owner'],
  }),
  errorCode(1012, {
    id: 'cloudflare-1012',
    category: 'security-block',
    statuses: [403],
    confidence: 0.96,
    fixes: ['contact-owner', 'disable-vpn', 'retry'],
  }),
  errorCode(1014, {
    id: 'cloudflare-1014',
    category: 'server-config',
    statuses: [403],
    confidence: 0.96,
    fixes: ['contact-owner', 'check-url'],
  }),
  errorCode(1015, {
    id: 'cloudflare-1015',
    category: 'rate-limit',
    statuses: [429, 403],
    confidence: 0.96,
    fixes: ['wait-and-retry', 'disable-vpn', 'contact-owner'],
  }),
  errorCode(1020, {
    id: 'cloudflare-1020',
    category: 'security-block',
    statuses: [403],
    confidence: 0.96,
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
  }),
  {
    id: 'cloudflare-challenge',
    vendor: 'cloudflare',
    category: 'security-challenge',
    statuses: [403, 503, 429],
    acted: [
      { header: 'cf-mitigated', equals: 'challenge' },
      { title: 'just a moment' },
      { body: 'challenges.cloudflare.com' },
      // The challenge's own scripts (/h/<x>/orchestrate/...), not the bot-detection script
      // (/scripts/jsd/main.js) Cloudflare injects into ordinary pages, refusals included.
      { body: '/cdn-cgi/challenge-platform/h/' },
      { body: 'cf-chl-' },
      { body: 'cf_chl_' },
      { body: 'cf_captcha_kind' },
      { body: 'cf-captcha-container' },
      { body: 'cf-browser-verification' },
      { body: 'jschl' },
      { title: 'please wait... | cloudflare' },
    ],
    presence: PRESENCE,
    unless: [{ url: '/cdn-cgi/challenge-platform/' }],
    confidence: 0.92,
    reference: RAY,
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn', 'contact-owner'],
  },
  {
    // A challenge page that came with 200 (a CDN or proxy in between rewrote the status, or a
    // site that serves it so): the page is the challenge when its title and its own challenge
    // scripts both say so. Only a page read from a tab or a HAR file can show it.
    id: 'cloudflare-challenge-200',
    vendor: 'cloudflare',
    category: 'security-challenge',
    statuses: [200],
    acted: [
      { title: 'just a moment' },
      { body: '/cdn-cgi/challenge-platform/h/' },
      { body: '_cf_chl_opt' },
      { body: 'cf-chl-' },
      { body: 'cf-browser-verification' },
      { body: 'jschl' },
    ],
    // Two together: the bot script Cloudflare injects into ordinary pages carries none of them.
    minActed: 2,
    presence: PRESENCE,
    confidence: 0.9,
    reference: RAY,
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn', 'contact-owner'],
  },
  {
    id: 'cloudflare-block',
    vendor: 'cloudflare',
    category: 'security-block',
    statuses: [403],
    acted: [
      { body: 'you have been blocked' },
      { title: 'attention required! | cloudflare' },
      { body: 'cf-error-details' },
      { header: 'cf-mitigated', equals: 'block' },
    ],
    requireAny: [...PRESENCE, { body: 'cloudflare' }, { title: 'cloudflare' }],
    presence: PRESENCE,
    confidence: 0.9,
    reference: RAY,
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
  },
  {
    // The 1xxx page whose code did not survive the copy: its title still names Cloudflare.
    id: 'cloudflare-access-denied',
    vendor: 'cloudflare',
    category: 'security-block',
    statuses: [403],
    acted: [{ title: 'used cloudflare to restrict access' }],
    presence: PRESENCE,
    confidence: 0.88,
    reference: RAY,
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
  },
  {
    // A site's own block page served by a Cloudflare WAF rule: only the Ray ID says whose it is.
    id: 'cloudflare-custom-block',
    vendor: 'cloudflare',
    category: 'security-block',
    statuses: [403],
    acted: [{ body: 'ray id' }],
    presence: PRESENCE,
    confidence: 0.8,
    reference: RAY,
    fixes: ['contact-owner', 'disable-vpn', 'retry'],
  },
];
