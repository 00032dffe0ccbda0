import type { Marker, Signature } from '../signature';

const AKAMAI_PRESENCE: readonly Marker[] = [
  { cookie: '_abck', note: 'Akamai Bot Manager cookie.' },
  { cookie: 'bm_sz', note: 'Akamai Bot Manager cookie.' },
  { cookie: 'ak_bmsc', note: 'Akamai Bot Manager cookie.' },
  { header: 'akamai-grn', note: 'Akamai adds a request id header.' },
  { header: 'x-akamai-transformed', note: 'Akamai edge header.' },
];
const IMPERVA_PRESENCE: readonly Marker[] = [
  { header: 'x-iinfo', note: 'Imperva adds x-iinfo to the responses it serves.' },
  { header: 'x-cdn', includes: 'imperva', note: 'x-cdn names Imperva.' },
  { header: 'x-cdn', includes: 'incapsula', note: 'x-cdn names Incapsula.' },
  { cookie: 'visid_incap_', prefix: true, note: 'Imperva visitor cookie.' },
  { cookie: 'incap_ses_', prefix: true, note: 'Imperva session cookie.' },
  { cookie: 'nlbi_', prefix: true, note: 'Imperva load-balancer cookie.' },
];

export const AKAMAI_IMPERVA: readonly Signature[] = [
  {
    id: 'akamai-block',
    vendor: 'akamai',
    category: 'security-block',
    statuses: [403, 400],
    acted: [
      { header: 'server', equals: 'akamaighost', note: 'Akamai\u2019s edge itself answered (server: AkamaiGHost).' },
      { body: 'errors.edgesuite.net', note: 'Akamai\u2019s error reference link.' },
      { body: 'reference #', note: 'Akamai\u2019s "Reference #" line (entity-encoded in the page).' },
    ],
    requireAny: [
      { header: 'server', equals: 'akamaighost', note: 'Akamai\u2019s edge itself answered.' },
      { title: 'access denied', note: 'The title of Akamai\u2019s refusal page.' },
      { body: 'errors.edgesuite.net', note: 'Akamai\u2019s error reference link.' },
    ],
    presence: AKAMAI_PRESENCE,
    confidence: 0.92,
    reference: [{ label: 'Akamai Reference #', after: 'Reference #' }, { label: 'Akamai Reference #', after: 'errors.edgesuite.net/' }],
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
    summary: 'The site\u2019s security service (Akamai) denied access to this page.',
    developerNote:
      'Akamai\u2019s edge refused the request with its "Access Denied" page (Kona Site Defender / App & API Protector or Bot Manager). The Reference # (e.g. 18.xxxxxxxx.1700000000.xxxxxxx) lets the site owner find the rule in Akamai\u2019s Security Center or via the Reference ID decoder.',
  },
  {
    id: 'imperva-block',
    vendor: 'imperva',
    category: 'security-block',
    statuses: [403, 401],
    acted: [
      { body: 'incapsula incident id', note: 'Imperva\u2019s block page prints an Incapsula incident ID.' },
      { body: '_incapsula_resource', note: 'The page loads Imperva\u2019s /_Incapsula_Resource.' },
      { body: 'powered by incapsula', note: 'Imperva block page footer.' },
      { body: 'this request was blocked by our security service', note: 'Wording of Imperva\u2019s block page.' },
      { body: 'powered by imperva', note: 'Imperva block page footer.' },
    ],
    presence: IMPERVA_PRESENCE,
    confidence: 0.93,
    reference: [
      { label: 'Imperva incident ID', after: 'incident id' },
      { label: 'Imperva incident ID', after: 'incident_id=' },
      { label: 'Imperva x-iinfo', header: 'x-iinfo' },
    ],
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
    summary: 'The site\u2019s security service (Imperva) blocked your request.',
    developerNote:
      'Imperva (Incapsula) refused the request ("Request unsuccessful" / Error 15 "blocked by our security service"). The incident ID identifies the event in the Imperva console (Security Events); the x-iinfo header carries the same session details. Check the WAF rule, bot policy or IP reputation rule it names.',
  },
];
