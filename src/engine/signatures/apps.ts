import type { Signature } from '../signature';

const CSRF_FIXES = ['reload-page', 'clear-cookies', 'retry'] as const;

export const APPS: readonly Signature[] = [
  {
    id: 'django-csrf',
    vendor: 'django',
    category: 'csrf',
    statuses: [403],
    acted: [
      { body: 'csrf verification failed' },
      { json: 'csrf failed' },
    ],
    confidence: 0.96,
    fixes: [...CSRF_FIXES],
  },
  {
    id: 'rails-csrf',
    vendor: 'rails',
    category: 'csrf',
    statuses: [422],
    acted: [
      { body: 'invalidauthenticitytoken' },
      { body: 'the change you wanted was rejected' },
      { body: 'can\'t verify csrf token authenticity' },
    ],
    confidence: 0.88,
    fixes: [...CSRF_FIXES],
  },
  {
    id: 'laravel-csrf',
    vendor: 'laravel',
    category: 'csrf',
    statuses: [419],
    acted: [
      { body: 'page expired' },
      { json: 'csrf token mismatch' },
    ],
    confidence: 0.96,
    fixes: [...CSRF_FIXES],
  },
  {
    id: 'laravel-419',
    vendor: 'laravel',
    category: 'csrf',
    statuses: [419],
    acted: [],
    confidence: 0.75,
    fixes: [...CSRF_FIXES],
  },
  {
    id: 'github-rate-limit',
    vendor: 'github',
    category: 'rate-limit',
    statuses: [403, 429],
    acted: [
      { header: 'x-ratelimit-remaining', equals: '0' },
      { json: 'rate limit exceeded' },
      { json: 'secondary rate limit' },
      { body: 'secondary rate limit' },
    ],
    requireAny: [
      { header: 'x-github-request-id' },
      { url: 'api.github.com' },
    ],
    confidence: 0.96,
    reference: [{ label: 'GitHub request ID', header: 'x-github-request-id' }],
    fixes: ['wait-and-retry', 'sign-in'],
  },
];
