import type { Marker, Signature } from '../signature';

const GCS: readonly Marker[] = [
  { url: 'storage.googleapis.com', note: 'A Google Cloud Storage URL.' },
  { url: 'storage.cloud.google.com', note: 'A Google Cloud Storage URL.' },
  { url: 'x-goog-signature', note: 'A signed Google Cloud Storage URL.' },
  { header: 'x-guploader-uploadid', note: 'Google Cloud Storage response header.' },
];
const R2: readonly Marker[] = [{ url: '.r2.cloudflarestorage.com', note: 'A Cloudflare R2 URL.' }];
const EXPIRED_FIXES = ['get-new-link', 'check-url', 'retry'] as const;

export const STORAGE: readonly Signature[] = [
  {
    id: 'cloudflare-r2-signed-url-expired',
    vendor: 'cloudflare-r2',
    category: 'signed-url-expired',
    statuses: [403, 400],
    acted: [
      { body: 'request has expired', note: 'R2 says the presigned URL has expired.' },
      { body: 'expired', note: 'The error says something expired.' },
    ],
    requireAny: R2,
    confidence: 0.96,
    fixes: [...EXPIRED_FIXES],
    summary: 'This download link has expired: ask for a new one.',
    developerNote: 'Cloudflare R2 rejected a presigned URL whose X-Amz-Expires window has passed (R2 accepts at most 7 days). Generate a fresh URL.',
  },
  {
    id: 'gcs-signed-url-expired',
    vendor: 'google-cloud-storage',
    category: 'signed-url-expired',
    statuses: [400, 403],
    acted: [
      { body: '<code>expiredtoken</code>', note: 'Cloud Storage: ExpiredToken.' },
      { body: 'request signature expired at', note: 'Cloud Storage says when the signature expired.' },
      { body: 'the provided token has expired', note: 'Cloud Storage: the token has expired.' },
    ],
    requireAny: GCS,
    confidence: 0.96,
    fixes: [...EXPIRED_FIXES],
    summary: 'This download link has expired: ask for a new one.',
    developerNote:
      'Cloud Storage answered ExpiredToken: X-Goog-Date + X-Goog-Expires of the signed URL is in the past (V4 signatures last at most 7 days). Generate a new signed URL.',
  },
  {
    id: 'gcs-access-denied',
    vendor: 'google-cloud-storage',
    category: 'insufficient-permissions',
    statuses: [403, 401],
    acted: [
      { body: '<code>accessdenied</code>', note: 'Cloud Storage: AccessDenied.' },
      { body: 'does not have storage.objects.get access', note: 'The caller lacks storage.objects.get.' },
    ],
    requireAny: GCS,
    confidence: 0.88,
    fixes: ['sign-in', 'check-url', 'contact-owner'],
    summary: 'The file is stored privately and this link does not give access to it.',
    developerNote:
      'Cloud Storage AccessDenied: the caller (anonymous, or the signed-in account) lacks storage.objects.get on the object. Grant a role such as Storage Object Viewer, make the object public, or use a signed URL.',
  },
  {
    id: 'signed-url-expired',
    vendor: null,
    category: 'signed-url-expired',
    statuses: [400, 401, 403],
    acted: [
      { body: 'expired', note: 'The error says the link expired.' },
      { json: 'expired', note: 'The error says the link expired.' },
      { body: 'not valid in the specified time frame', note: 'Azure Storage: the SAS is outside its validity window.' },
    ],
    requireAny: [
      { url: 'x-amz-expires', note: 'A presigned URL (X-Amz-Expires).' },
      { url: 'x-goog-expires', note: 'A signed URL (X-Goog-Expires).' },
      { url: 'expires=', note: 'The URL carries an expiry time.' },
      { url: '&se=', note: 'An Azure SAS URL (se = signed expiry).' },
      { url: '?se=', note: 'An Azure SAS URL (se = signed expiry).' },
    ],
    confidence: 0.8,
    fixes: [...EXPIRED_FIXES],
    summary: 'This link has expired: ask for a new one.',
    developerNote: 'The URL is signed with an expiry time and the server says it has passed (or the signer\u2019s clock is off). Generate a fresh signed URL.',
  },
];
