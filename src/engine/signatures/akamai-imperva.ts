import type { Marker, Signature } from '../signature';

const AKAMAI_PRESENCE: readonly Marker[] = [
  { cookie: '_abck' },
  { cookie: 'bm_sz' },
  { cookie: 'ak_bmsc' },
  { header: 'akamai-grn' },
  { header: 'x-akamai-transformed' },
  { header: 'server-timing', includes: 'ak_p' },
];
const IMPERVA_PRESENCE: readonly Marker[] = [
  { header: 'x-iinfo' },
  { header: 'x-cdn', includes: 'imperva' },
  { header: 'x-cdn', includes: 'incapsula' },
  { cookie: 'visid_incap_', prefix: true },
  { cookie: 'incap_ses_', prefix: true },
  { cookie: 'nlbi_', prefix: true },
];

export const AKAMAI_IMPERVA: readonly Signature[] = [
  {
    id: 'akamai-block',
    vendor: 'akamai',
    category: 'security-block',
    statuses: [403, 400],
    acted: [
      { header: 'server', equals: 'akamaighost' },
      { body: 'errors.edgesuite.net' },
      { body: 'reference #' },
      { header: 'x-reference-error' },
      // Newer pages: "Reference 0.44fd733e.1623606286.2420bfcb", under the same "Access Denied".
      { body: 'reference 0.' },
    ],
    // Akamai pages come without AkamaiGHost too: its request headers or the edgesuite link say it.
    requireAny: [
      { header: 'server', equals: 'akamaighost' },
      { title: 'access denied' },
      { body: 'errors.edgesuite.net' },
      { header: 'akamai-grn' },
      { header: 'server-timing', includes: 'ak_p' },
      { header: 'x-reference-error' },
    ],
    presence: AKAMAI_PRESENCE,
    confidence: 0.92,
    reference: [
      { label: 'Akamai Reference #', after: 'Reference #' },
      { label: 'Akamai Reference #', after: 'errors.edgesuite.net/' },
      { label: 'Akamai Reference #', header: 'x-reference-error' },
      // Branded "We're sorry" pages: "Reference 0.2f3c1002.1700000000.abcdef12".
      { label: 'Akamai Reference #', after: 'Reference' },
    ],
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
  },
  {
    id: 'imperva-block',
    vendor: 'imperva',
    category: 'security-block',
    // Imperva answers 503 too ("Request unsuccessful. Incapsula incident ID: ...").
    statuses: [403, 401, 503],
    acted: [
      { body: 'incapsula incident id' },
      { body: '_incapsula_resource' },
      { body: 'powered by incapsula' },
      { body: 'this request was blocked by our security service' },
      { body: 'powered by imperva' },
    ],
    presence: IMPERVA_PRESENCE,
    confidence: 0.93,
    reference: [
      { label: 'Imperva incident ID', after: 'incident id' },
      { label: 'Imperva incident ID', after: 'incident_id=' },
      { label: 'Imperva x-iinfo', header: 'x-iinfo' },
    ],
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
  },
];
