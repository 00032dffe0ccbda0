import type { Marker, ReferenceRule, Signature } from '../signature';

const PRESENCE: readonly Marker[] = [
  { header: 'server', equals: 'cloudflare', note: 'The response came through Cloudflare.' },
  { header: 'cf-ray', note: 'Cloudflare adds a Ray ID to every response it serves.' },
];
const RAY: readonly ReferenceRule[] = [
  { label: 'Cloudflare Ray ID', header: 'cf-ray' },
  { label: 'Cloudflare Ray ID', after: 'Ray ID' },
];
const ERROR_PAGE: readonly Marker[] = [
  { body: 'cf-error-details', note: 'Cloudflare error page markup.' },
  { body: 'cloudflare ray id', note: 'Cloudflare error pages print the Ray ID.' },
  { header: 'server', equals: 'cloudflare', note: 'The response came through Cloudflare.' },
];
const OWNER_NOTE = 'Site owners find the event under Security > Events by Ray ID.';

/** One Cloudflare 1xxx error page, recognised by its code in the page ("error code: 1020"). */
function errorCode(code: number, rest: Omit<Signature, 'vendor' | 'acted' | 'requireAny' | 'presence' | 'reference'>): Signature {
  return {
    vendor: 'cloudflare',
    acted: [
      { body: `cf-error-code">${code}<`, note: `Cloudflare error ${code} (in its error page).` },
      { body: `error code: ${code}`, note: `Cloudflare error ${code} (plain-text error page).` },
      { title: `error ${code}`, note: `Cloudflare error ${code} in the page title.` },
    ],
    requireAny: ERROR_PAGE,
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
    acted: [{ url: '/cdn-cgi/challenge-platform/', note: 'Cloudflare\u2019s own challenge endpoint.' }],
    expected: true,
    confidence: 0.1,
    reference: RAY,
    fixes: [],
    summary: 'Nothing is wrong here: this is a normal step of Cloudflare\u2019s browser check.',
    developerNote:
      'A 401 from /cdn-cgi/challenge-platform/ (the Private Access Token probe, .../pat/) is expected: the browser is asked for a token and answers 401 when it has none. It is not a block and needs no action.',
  },
  errorCode(1009, {
    id: 'cloudflare-1009',
    category: 'geo-restriction',
    statuses: [403],
    confidence: 0.96,
    fixes: ['disable-vpn', 'contact-owner'],
    summary: 'The site\u2019s owner does not allow visitors from your country or region.',
    developerNote: `Cloudflare error 1009: the owner banned the country or region of the visitor\u2019s IP address (IP Access Rules or a WAF rule on ip.src.country). A VPN exit in another country changes the answer. ${OWNER_NOTE}`,
  }),
  errorCode(1005, {
    id: 'cloudflare-1005',
    category: 'ip-restriction',
    statuses: [403],
    confidence: 0.96,
    fixes: ['disable-vpn', 'contact-owner'],
    summary: 'The site\u2019s owner blocks the network your connection comes from.',
    developerNote: `Cloudflare error 1005: the owner banned the autonomous system (ASN) the visitor\u2019s IP belongs to, typically a hosting or VPN provider. ${OWNER_NOTE}`,
  }),
  {
    ...errorCode(1006, {
      id: 'cloudflare-1006',
      category: 'ip-restriction',
      statuses: [403],
      confidence: 0.96,
      fixes: ['disable-vpn', 'contact-owner'],
      summary: 'The site\u2019s owner has blocked your IP address.',
      developerNote: `Cloudflare errors 1006, 1007 and 1008: the owner banned the visitor\u2019s IP address (IP Access Rules, or a firewall rule on ip.src). A different network or VPN gets a different IP. ${OWNER_NOTE}`,
    }),
    acted: [1006, 1007, 1008].flatMap((code): Marker[] => [
      { body: `cf-error-code">${code}<`, note: `Cloudflare error ${code} (in its error page).` },
      { body: `error code: ${code}`, note: `Cloudflare error ${code} (plain-text error page).` },
    ]),
  },
  errorCode(1010, {
    id: 'cloudflare-1010',
    category: 'security-block',
    statuses: [403],
    confidence: 0.96,
    fixes: ['pause-extensions', 'contact-owner', 'retry'],
    summary: 'The site\u2019s security service (Cloudflare) blocked your browser because of how it identifies itself.',
    developerNote: `Cloudflare error 1010: the owner blocks requests by browser signature (Browser Integrity Check, or a rule on the user agent or fingerprint). Extensions that change the user agent, automation tools and headless browsers trigger it. ${OWNER_NOTE}`,
  }),
  errorCode(1011, {
    id: 'cloudflare-1011',
    category: 'hotlink-protection',
    statuses: [403],
    confidence: 0.96,
    fixes: ['check-url', 'contact-owner'],
    summary: 'This site does not let other websites show its images or files.',
    developerNote: `Cloudflare error 1011 (Access denied, hotlinking): Hotlink Protection refused a request whose Referer is another site. Open the resource from the site itself, or the owner can allow the referring site. ${OWNER_NOTE}`,
  }),
  errorCode(1012, {
    id: 'cloudflare-1012',
    category: 'security-block',
    statuses: [403],
    confidence: 0.96,
    fixes: ['contact-owner', 'disable-vpn', 'retry'],
    summary: 'The site\u2019s security service (Cloudflare) denied access.',
    developerNote: `Cloudflare error 1012: access denied by the site owner\u2019s security settings, often because the visitor\u2019s IP showed malicious activity. ${OWNER_NOTE}`,
  }),
  errorCode(1015, {
    id: 'cloudflare-1015',
    category: 'rate-limit',
    statuses: [429, 403],
    confidence: 0.96,
    fixes: ['wait-and-retry', 'disable-vpn', 'contact-owner'],
    summary: 'You are sending requests too fast: the site\u2019s security service asks you to wait.',
    developerNote: `Cloudflare error 1015: a rate-limiting rule matched. Wait for the rule\u2019s period (Retry-After when present); many users behind one IP (NAT, VPN) share the limit. ${OWNER_NOTE}`,
  }),
  errorCode(1020, {
    id: 'cloudflare-1020',
    category: 'security-block',
    statuses: [403],
    confidence: 0.96,
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
    summary: 'The site\u2019s security service (Cloudflare) blocked your request because of a rule its owner set.',
    developerNote: `Cloudflare error 1020 (Access denied): a WAF custom rule or firewall rule with action Block matched the request. Only the owner can change it; the Ray ID names the event and the rule in Security > Events.`,
  }),
  {
    id: 'cloudflare-challenge',
    vendor: 'cloudflare',
    category: 'security-challenge',
    statuses: [403, 503, 429],
    acted: [
      { header: 'cf-mitigated', equals: 'challenge', note: 'Cloudflare marks a challenge it served with cf-mitigated: challenge.' },
      { title: 'just a moment', note: 'The title of Cloudflare\u2019s challenge page.' },
      { body: 'challenges.cloudflare.com', note: 'The page loads Cloudflare\u2019s challenge script.' },
      { body: '/cdn-cgi/challenge-platform/', note: 'The page runs Cloudflare\u2019s challenge platform.' },
      { body: 'cf-chl-', note: 'Cloudflare challenge markup.' },
    ],
    presence: PRESENCE,
    unless: [{ url: '/cdn-cgi/challenge-platform/', note: 'Cloudflare\u2019s own challenge endpoint.' }],
    confidence: 0.92,
    reference: RAY,
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn', 'contact-owner'],
    summary: 'The site\u2019s security service (Cloudflare) wants to check that you are a person before letting you in.',
    developerNote:
      'Cloudflare served a challenge (managed or JS challenge) instead of the page. If it loops, the browser is failing it: extensions that block scripts or alter headers, a VPN with a poor IP reputation, or cookies being blocked (cf_clearance must be stored). Site owners: check Security > Events for the Ray ID and the rule that issued the challenge.',
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
    requireAny: [...PRESENCE, { body: 'cloudflare', note: 'The page names Cloudflare.' }, { title: 'cloudflare', note: 'The title names Cloudflare.' }],
    presence: PRESENCE,
    confidence: 0.9,
    reference: RAY,
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
    summary: 'The site\u2019s security service (Cloudflare) blocked your request.',
    developerNote:
      'A Cloudflare WAF or firewall rule blocked the request ("Sorry, you have been blocked"). Only the site owner can lift it: send them the Ray ID, which identifies the event in Security > Events together with the rule that matched.',
  },
];
