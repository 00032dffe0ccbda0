import type { Signature } from '../signature';

export const BROWSER: readonly Signature[] = [
  {
    id: 'blocked-by-client',
    vendor: null,
    category: 'blocked-by-client',
    acted: [{ error: 'ERR_BLOCKED_BY_CLIENT', note: 'The browser reports that an extension cancelled the request.' }],
    confidence: 0.96,
    fixes: ['pause-extensions', 'retry'],
    summary: 'Another extension in your browser (an ad or content blocker, for example) stopped this request.',
    developerNote:
      'net::ERR_BLOCKED_BY_CLIENT: the request never left the browser; an extension (ad blocker, privacy tool) cancelled it. The server did not refuse anything. Try with extensions paused, or allow the site in the blocker.',
  },
  {
    id: 'blocked-by-administrator',
    vendor: null,
    category: 'blocked-by-administrator',
    acted: [{ error: 'ERR_BLOCKED_BY_ADMINISTRATOR', note: 'A browser policy set by an administrator blocks this URL.' }],
    confidence: 0.97,
    fixes: ['contact-admin'],
    summary: 'Your organisation\u2019s browser settings block this address.',
    developerNote:
      'net::ERR_BLOCKED_BY_ADMINISTRATOR: an enterprise policy (URLBlocklist, or an admin-installed extension policy) blocks the URL. The site is not involved; chrome://policy shows the rule. Only the administrator can change it.',
  },
  {
    id: 'blocked-by-response-frame',
    vendor: null,
    category: 'blocked-by-response',
    acted: [
      { error: 'ERR_BLOCKED_BY_RESPONSE', note: 'The browser refused to use the response.' },
      { error: 'NS_ERROR_XFO_VIOLATION', note: 'Firefox: X-Frame-Options forbids framing.' },
      { error: 'NS_ERROR_CSP_FRAME_ANCESTOR_VIOLATION', note: 'Firefox: CSP frame-ancestors forbids framing.' },
    ],
    requireAny: [
      { resourceType: ['sub_frame', 'object'], note: 'The page was loaded inside a frame.' },
      { header: 'x-frame-options', note: 'X-Frame-Options forbids showing the page in a frame.' },
      { header: 'content-security-policy', includes: 'frame-ancestors', note: 'CSP frame-ancestors limits who may frame the page.' },
      { error: 'XFO', note: 'The error names X-Frame-Options.' },
      { error: 'FRAME_ANCESTOR', note: 'The error names CSP frame-ancestors.' },
    ],
    confidence: 0.94,
    fixes: ['open-directly', 'retry'],
    summary: 'This page refuses to be shown inside another page; open it in its own tab.',
    developerNote:
      'The framed document answered with X-Frame-Options (DENY/SAMEORIGIN) or CSP frame-ancestors that exclude the embedding page, so the browser refused to render it (net::ERR_BLOCKED_BY_RESPONSE). Open it top-level; owners who want embedding must list the embedder in frame-ancestors.',
  },
  {
    id: 'blocked-by-response-corp',
    vendor: null,
    category: 'blocked-by-response',
    acted: [
      { error: 'ERR_BLOCKED_BY_RESPONSE', note: 'The browser refused to use the response.' },
      { error: 'NS_ERROR_DOM_CORP_FAILED', note: 'Firefox: Cross-Origin-Resource-Policy check failed.' },
      { error: 'NS_ERROR_DOM_COEP_FAILED', note: 'Firefox: Cross-Origin-Embedder-Policy check failed.' },
    ],
    requireAny: [
      { header: 'cross-origin-resource-policy', note: 'Cross-Origin-Resource-Policy restricts who may load this resource.' },
      { error: 'NotSameOrigin', note: 'Chrome: CORP same-origin check failed.' },
      { error: 'NotSameSite', note: 'Chrome: CORP same-site check failed.' },
      { error: 'Coep', note: 'Chrome: the embedding page\u2019s COEP requires CORP or CORS.' },
      { error: 'CORP', note: 'The error names CORP.' },
      { error: 'COEP', note: 'The error names COEP.' },
    ],
    confidence: 0.93,
    fixes: ['contact-owner', 'retry'],
    summary: 'The browser refused to use this file because its server does not allow this page to load it.',
    developerNote:
      'Cross-Origin-Resource-Policy / Cross-Origin-Embedder-Policy: the resource says same-origin or same-site (CORP), or the embedding page requires COEP: require-corp and the resource has neither CORP nor CORS. Serve the resource with Cross-Origin-Resource-Policy: cross-origin, or load it with CORS.',
  },
  {
    id: 'blocked-by-orb',
    vendor: null,
    category: 'blocked-by-response',
    acted: [{ error: 'ERR_BLOCKED_BY_ORB', note: 'Chrome\u2019s Opaque Response Blocking refused the response.' }],
    confidence: 0.9,
    fixes: ['contact-owner', 'retry'],
    summary: 'The browser refused to use this file because it is not the kind of file the page asked for.',
    developerNote:
      'net::ERR_BLOCKED_BY_ORB: a no-cors request (image, script, media) got a response ORB considers unsafe to expose: HTML/JSON/XML, a wrong Content-Type, or an error page instead of the file. Check the URL and the Content-Type the server sends.',
  },
  {
    id: 'blocked-by-response',
    vendor: null,
    category: 'blocked-by-response',
    acted: [{ error: 'ERR_BLOCKED_BY_', note: 'The browser blocked the request or its response.' }],
    confidence: 0.7,
    fixes: ['retry', 'pause-extensions'],
    summary: 'The browser itself refused to load this, because of a rule the site or page set.',
    developerNote:
      'A net::ERR_BLOCKED_BY_* error: the browser refused the request or its response (response headers such as X-Frame-Options, CORP or COEP, ORB, CSP, or private network access checks). The DevTools Issues panel names the rule.',
  },
  {
    id: 'legal-restriction',
    vendor: null,
    category: 'legal-restriction',
    statuses: [451],
    acted: [],
    presence: [{ header: 'link', includes: 'blocked-by', note: 'The Link header names who asked for the block.' }],
    confidence: 0.92,
    fixes: ['contact-owner'],
    summary: 'This content is unavailable where you are for legal reasons.',
    developerNote:
      '451 Unavailable For Legal Reasons: a legal demand (court order, regional law such as sanctions or privacy rules) stops the server from serving it here. A Link header with rel="blocked-by" may name who asked.',
  },
];
