import type { Marker, Signature } from '../signature';

const GCS: readonly Marker[] = [
  { url: 'storage.googleapis.com' },
  { url: 'storage.cloud.google.com' },
  { url: 'x-goog-signature' },
  { header: 'x-guploader-uploadid' },
];
const R2: readonly Marker[] = [{ url: '.r2.cloudflarestorage.com' }];
const EXPIRED_FIXES = ['get-new-link', 'check-url', 'retry'] as const;

export const STORAGE: readonly Signature[] = [
  {
    id: 'cloudflare-r2-signed-url-expired',
    vendor: 'cloudflare-r2',
    category: 'signed-url-expired',
    statuses: [403, 400],
    acted: [
      { body: 'request has expired' },
      { body: 'expired' },
    ],
    requireAny: R2,
    confidence: 0.96,
    fixes: [...EXPIRED_FIXES],
  },
  {
    id: 'gcs-signed-url-expired',
    vendor: 'google-cloud-storage',
    category: 'signed-url-expired',
    statuses: [400, 403],
    acted: [
      { body: '<code>expiredtoken</code>' },
      { body: 'request signature expired at' },
      { body: 'the provided token has expired' },
    ],
    requireAny: GCS,
    confidence: 0.96,
    fixes: [...EXPIRED_FIXES],
  },
  {
    id: 'gcs-access-denied',
    vendor: 'google-cloud-storage',
    category: 'insufficient-permissions',
    statuses: [403, 401],
    acted: [
      { body: '<code>accessdenied</code>' },
      { body: 'does not have storage.objects.get access' },
    ],
    requireAny: GCS,
    confidence: 0.88,
    fixes: ['sign-in', 'check-url', 'contact-owner'],
  },
  {
    id: 'signed-url-expired',
    vendor: null,
    category: 'signed-url-expired',
    statuses: [400, 401, 403],
    acted: [
      { body: 'expired' },
      { json: 'expired' },
      { body: 'not valid in the specified time frame' },
    ],
    requireAny: [
      { url: 'x-amz-expires' },
      { url: 'x-goog-expires' },
      { url: 'expires=' },
      { url: '&se=' },
      { url: '?se=' },
    ],
    confidence: 0.8,
    fixes: [...EXPIRED_FIXES],
  },
];
