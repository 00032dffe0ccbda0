import type { Marker, Signature } from '../signature';

const GCS: readonly Marker[] = [
  { url: 'storage.googleapis.com' },
  { url: 'storage.cloud.google.com' },
  { url: 'x-goog-signature' },
  { header: 'x-guploader-uploadid' },
];
const R2: readonly Marker[] = [{ url: '.r2.cloudflarestorage.com' }];
const AZURE_BLOB: readonly Marker[] = [
  { url: '.blob.core.windows.net' },
  { header: 'server', includes: 'windows-azure-blob' },
  { header: 'x-ms-request-id' },
  { body: '<code>authenticationfailed</code>' },
];
const AZURE_REQUEST_ID = [
  { label: 'Azure request ID', header: 'x-ms-request-id' },
  { label: 'Azure request ID', after: 'RequestId:' },
];
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
    id: 'azure-blob-sas-expired',
    vendor: 'azure-blob',
    category: 'signed-url-expired',
    statuses: [403],
    acted: [
      { body: 'signed expiry time' },
      { body: 'not valid in the specified time frame' },
    ],
    requireAny: AZURE_BLOB,
    confidence: 0.94,
    reference: AZURE_REQUEST_ID,
    fixes: [...EXPIRED_FIXES],
  },
  {
    id: 'azure-blob-public-access',
    vendor: 'azure-blob',
    category: 'insufficient-permissions',
    statuses: [409, 403],
    acted: [{ body: '<code>publicaccessnotpermitted</code>' }],
    requireAny: AZURE_BLOB,
    confidence: 0.94,
    reference: AZURE_REQUEST_ID,
    fixes: ['sign-in', 'contact-owner'],
  },
  {
    // S3's error codes from any S3-compatible store (MinIO, Alibaba OSS, R2...): the store that
    // answered is named from its server header or host (origins.ts).
    id: 'object-store-expired',
    vendor: null,
    category: 'signed-url-expired',
    statuses: [403, 400],
    acted: [
      { body: '<message>request has expired' },
      { body: '<code>expiredrequest</code>' },
    ],
    confidence: 0.9,
    reference: [{ label: 'Request ID', after: '<RequestId>' }],
    fixes: [...EXPIRED_FIXES],
  },
  {
    id: 'object-store-access-denied',
    vendor: null,
    category: 'insufficient-permissions',
    statuses: [403],
    acted: [{ body: '<code>accessdenied</code>' }],
    confidence: 0.85,
    reference: [{ label: 'Request ID', after: '<RequestId>' }],
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
