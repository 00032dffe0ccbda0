import type { Signature } from '../signature';

const CSRF_FIXES = ['reload-page', 'clear-cookies', 'retry'] as const;

export const APPS: readonly Signature[] = [
  {
    id: 'django-csrf',
    vendor: 'django',
    category: 'csrf',
    statuses: [403],
    acted: [
      { body: 'csrf verification failed', note: 'Django\u2019s CSRF failure page.' },
      { json: 'csrf failed', note: 'Django REST framework CSRF failure.' },
    ],
    confidence: 0.96,
    fixes: [...CSRF_FIXES],
    summary: 'The form expired or lost its security token: reload the page and send it again.',
    developerNote:
      'Django "CSRF verification failed. Request aborted.": the csrftoken cookie is missing (cookies blocked, or the form page was cached), the token does not match, or the Origin/Referer check failed (CSRF_TRUSTED_ORIGINS, HTTPS behind a proxy). The page (with DEBUG) names the reason.',
  },
  {
    id: 'rails-csrf',
    vendor: 'rails',
    category: 'csrf',
    statuses: [422],
    acted: [
      { body: 'invalidauthenticitytoken', note: 'Rails ActionController::InvalidAuthenticityToken.' },
      { body: 'the change you wanted was rejected', note: 'Rails\u2019 default 422 page, shown for a failed authenticity token.' },
      { body: 'can\'t verify csrf token authenticity', note: 'Rails CSRF log wording.' },
    ],
    confidence: 0.88,
    fixes: [...CSRF_FIXES],
    summary: 'The form expired or lost its security token: reload the page and send it again.',
    developerNote:
      'Rails refused the form with 422: ActionController::InvalidAuthenticityToken (a stale or missing authenticity_token, often a cached form page or an expired session cookie). The log line "Can\'t verify CSRF token authenticity" confirms it.',
  },
  {
    id: 'laravel-csrf',
    vendor: 'laravel',
    category: 'csrf',
    statuses: [419],
    acted: [
      { body: 'page expired', note: 'Laravel\u2019s 419 "Page Expired" page.' },
      { json: 'csrf token mismatch', note: 'Laravel\u2019s JSON answer for a CSRF mismatch.' },
    ],
    confidence: 0.96,
    fixes: [...CSRF_FIXES],
    summary: 'The page expired: reload it and send the form again.',
    developerNote:
      'Laravel 419 "Page Expired" (TokenMismatchException): the form\u2019s _token no longer matches the session, usually because the session expired or its cookie was not stored. Reload the form and submit again; owners check SESSION_DOMAIN, SameSite and session lifetime.',
  },
  {
    id: 'laravel-419',
    vendor: 'laravel',
    category: 'csrf',
    statuses: [419],
    acted: [],
    confidence: 0.75,
    fixes: [...CSRF_FIXES],
    summary: 'The page expired: reload it and send the form again.',
    developerNote: '419 is the status Laravel uses for a CSRF token mismatch (session expired or cookie missing). Reload the form and submit again.',
  },
  {
    id: 'github-rate-limit',
    vendor: 'github',
    category: 'rate-limit',
    statuses: [403, 429],
    acted: [
      { header: 'x-ratelimit-remaining', equals: '0', note: 'No requests remain in the current GitHub rate-limit window.' },
      { json: 'rate limit exceeded', note: 'GitHub says the API rate limit is exceeded.' },
      { json: 'secondary rate limit', note: 'GitHub\u2019s secondary (abuse) rate limit.' },
      { body: 'secondary rate limit', note: 'GitHub\u2019s secondary (abuse) rate limit.' },
    ],
    requireAny: [
      { header: 'x-github-request-id', note: 'A GitHub response.' },
      { url: 'api.github.com', note: 'The GitHub API.' },
    ],
    confidence: 0.96,
    reference: [{ label: 'GitHub request ID', header: 'x-github-request-id' }],
    fixes: ['wait-and-retry', 'sign-in'],
    summary: 'GitHub\u2019s limit on requests has been reached: wait a while, or sign in for a higher limit.',
    developerNote:
      'GitHub API rate limit: x-ratelimit-remaining is 0 until x-ratelimit-reset (epoch seconds); unauthenticated clients get 60 requests an hour, tokens 5,000. A secondary rate limit (too many concurrent or fast requests) answers 403/429 with Retry-After. Authenticate, cache with conditional requests, and back off.',
  },
];
