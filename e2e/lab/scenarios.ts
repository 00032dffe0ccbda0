import type { Category } from '../../src/engine/types';
import type { LabRoutes } from './server';

/**
 * Every lab scenario in one table: `npm start`, the screenshots and the tests reuse it. `expected`
 * is what the popup should conclude once it has the page text (the worker's capture-time guess may
 * be vaguer: it sees headers only).
 */
export interface Scenario {
  id: string;
  title: string;
  /** The page to open. */
  path: string;
  /** A page to open first, e.g. one that sets the cookies the refused page is sent. */
  before?: string;
  expected: {
    /** null: a clean page, nothing refused. */
    category: Category | null;
    vendor: string | null;
    /** Status of the refused request the finding is about. */
    status: number | null;
  };
  routes: LabRoutes;
}

export const CF_RAY = '8f3c2b1a4d5e6f70-FRA';
const HTML = 'text/html; charset=UTF-8';

const cloudflareHeaders = {
  'content-type': HTML,
  server: 'cloudflare',
  'cf-ray': CF_RAY,
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

function cloudflareBlockPage(title: string, ray: string): string {
  return `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>${title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex, nofollow"></head>
<body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper">
<div class="cf-wrapper cf-header cf-error-overview">
<h1 data-translate="block_headline">Sorry, you have been blocked</h1>
<h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> lab.example</h2>
</div>
<section class="cf-section cf-wrapper"><div class="cf-columns two">
<div class="cf-column"><h2 data-translate="blocked_why_headline">Why have I been blocked?</h2>
<p data-translate="blocked_why_detail">This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution. There are several actions that could trigger this block including submitting a certain word or phrase, a SQL command or malformed data.</p></div>
<div class="cf-column"><h2 data-translate="blocked_resolve_headline">What can I do to resolve this?</h2>
<p data-translate="blocked_resolve_detail">You can email the site owner to let them know you were blocked. Please include what you were doing when this page came up and the Cloudflare Ray ID found at the bottom of this page.</p></div>
</div></section>
<div class="cf-error-footer cf-wrapper"><p>
<span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">${ray}</strong></span>
<span class="cf-footer-separator">&bull;</span>
<span class="cf-footer-item">Your IP: <span id="cf-footer-ip">203.0.113.7</span></span>
<span class="cf-footer-separator">&bull;</span>
<span class="cf-footer-item">Performance &amp; security by Cloudflare</span>
</p></div></div></div></body></html>`;
}

const challengePage = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">lab.example</h1>
<h2 id="challenge-running" class="h2">Verifying you are human. This may take a few seconds.</h2>
<div id="cf-chl-widget-lab" class="cf-turnstile-wrapper"></div>
<noscript><div class="h2">Enable JavaScript and cookies to continue</div></noscript>
<div id="challenge-body-text" class="core-msg spacer">lab.example needs to review the security of your connection before proceeding.</div>
</div></div>
<div class="footer" role="contentinfo"><div class="footer-inner"><div class="text-center">Ray ID: <code>8f3c2b1a4d5e6f71</code></div>
<div class="text-center">Performance &amp; security by Cloudflare</div></div></div></body></html>`;

/** F5 BIG-IP ASM's default blocking page, verbatim from bw-f5-asm-sbi-200-whatwaf-1371 (test/fixtures/real/bot-wafs.json). */
export const F5_SUPPORT_ID = '15549882842558379424';
const F5_REJECTED_PAGE = `<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with your administrator.<br/><br/>Your support ID is: ${F5_SUPPORT_ID}<br/><br/><a href="javascript:history.back();">[Go Back]</a></body></html>\n`;
export const IMPERVA_INCIDENT = '1288000450123456789-987654321012345678';

/** Strings that would run if any of them reached innerHTML. Each sets a flag the test looks for. */
export const HOSTILE = {
  header: '<img src=x onerror="document.documentElement.dataset.pwned=\'header\'">',
  ray: '"><svg onload="document.documentElement.dataset.pwned=\'ray\'">',
  title: '<img src=x onerror="document.documentElement.dataset.pwned=\'title\'"> Attention Required! | Cloudflare',
  body: '<script>document.documentElement.dataset.pwned="body"</script> Sorry, you have been blocked',
};

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'cloudflare-block',
    title: 'Cloudflare block page (WAF rule)',
    path: '/cloudflare/block',
    expected: { category: 'security-block', vendor: 'cloudflare', status: 403 },
    routes: {
      '/cloudflare/block': { status: 403, headers: cloudflareHeaders, body: cloudflareBlockPage('Attention Required! | Cloudflare', CF_RAY.split('-')[0] ?? CF_RAY) },
    },
  },
  {
    id: 'cloudflare-challenge',
    title: 'Cloudflare managed challenge',
    path: '/cloudflare/challenge',
    expected: { category: 'security-challenge', vendor: 'cloudflare', status: 403 },
    routes: {
      '/cloudflare/challenge': {
        status: 403,
        headers: {
          ...cloudflareHeaders,
          'cf-ray': '8f3c2b1a4d5e6f71-FRA',
          'cf-mitigated': 'challenge',
          'critical-ch': 'Sec-CH-UA-Bitness, Sec-CH-UA-Arch, Sec-CH-UA-Full-Version',
          'permissions-policy': 'accelerometer=(),camera=(),geolocation=(),gyroscope=(),magnetometer=(),microphone=(),payment=(),usb=()',
        },
        body: challengePage,
      },
    },
  },
  {
    id: 'cloudflare-challenge-200',
    title: 'Cloudflare challenge page answered with 200',
    path: '/cloudflare/challenge-200',
    expected: { category: 'security-challenge', vendor: 'cloudflare', status: 200 },
    routes: {
      '/cloudflare/challenge-200': { status: 200, headers: { ...cloudflareHeaders, 'cf-ray': '8f3c2b1a4d5e6f71-FRA' }, body: challengePage },
    },
  },
  {
    id: 'rate-limit',
    title: '429 Too Many Requests with Retry-After: 120',
    path: '/api/search',
    expected: { category: 'rate-limit', vendor: null, status: 429 },
    routes: {
      '/api/search': {
        status: 429,
        headers: {
          'content-type': 'application/json',
          'retry-after': '120',
          'x-ratelimit-limit': '60',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '120',
        },
        body: JSON.stringify({ error: 'rate_limited', message: 'Too many requests, retry in 120 seconds.' }),
      },
    },
  },
  {
    id: 'auth-required',
    title: '401 with WWW-Authenticate: Basic',
    path: '/private/',
    expected: { category: 'auth-required', vendor: null, status: 401 },
    routes: {
      '/private/': {
        status: 401,
        headers: { 'www-authenticate': 'Basic realm="lab", charset="UTF-8"', 'content-type': HTML },
        body: '<!doctype html><html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1><p>This server could not verify that you are authorized to access the document requested.</p></body></html>',
      },
    },
  },
  {
    id: 'api-forbidden',
    title: 'API 403 with a JSON error',
    path: '/api/orders',
    expected: { category: 'insufficient-permissions', vendor: null, status: 403 },
    routes: {
      '/api/orders': {
        status: 403,
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req_7Hc2kQ9x' },
        body: JSON.stringify({ error: { code: 'forbidden', message: 'The token lacks the scope orders:read.', request_id: 'req_7Hc2kQ9x' } }),
      },
    },
  },
  {
    id: 'image-forbidden',
    title: 'A page whose image is refused (403)',
    path: '/gallery',
    expected: { category: 'insufficient-permissions', vendor: null, status: 403 },
    routes: {
      '/gallery': {
        status: 200,
        headers: { 'content-type': HTML },
        body: '<!doctype html><html><head><title>Gallery</title></head><body><h1>Gallery</h1><img src="/img/photo.jpg" alt="photo" width="64" height="64"></body></html>',
      },
      '/img/photo.jpg': { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' },
    },
  },
  {
    id: 'cookie-then-refused',
    title: 'A site that sets cookies, then refuses a page',
    path: '/account/orders',
    before: '/account',
    expected: { category: 'insufficient-permissions', vendor: null, status: 403 },
    routes: {
      '/account': {
        status: 200,
        headers: {
          'content-type': HTML,
          'set-cookie': ['lab_session=s3ss10n; Path=/; HttpOnly; SameSite=Lax', 'lab_pref=dark; Path=/; Max-Age=3600; SameSite=Lax'],
        },
        body: '<!doctype html><html><head><title>Account</title></head><body><h1>Signed in</h1><a href="/account/orders">Orders</a></body></html>',
      },
      '/account/orders': {
        status: 403,
        headers: { 'content-type': HTML },
        body: '<!doctype html><html><head><title>Orders</title></head><body><h1>Access denied</h1><p>Your account cannot view orders. Ask an administrator for the Orders role.</p></body></html>',
      },
    },
  },
  {
    id: 'clean',
    title: 'A plain 200 page',
    path: '/ok',
    expected: { category: null, vendor: null, status: null },
    routes: {
      '/ok': { status: 200, headers: { 'content-type': HTML }, body: '<!doctype html><html><head><title>All fine</title></head><body><p>Nothing is blocked here.</p></body></html>' },
    },
  },
  {
    id: 'f5-block-200',
    title: 'F5 BIG-IP ASM block page served with 200',
    path: '/f5/rejected',
    expected: { category: 'security-block', vendor: 'f5', status: 200 },
    routes: {
      // Status, headers and body as captured: test/fixtures/real/bot-wafs.json bw-f5-asm-sbi-200-whatwaf-1371.
      '/f5/rejected': {
        status: 200,
        headers: { 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8', pragma: 'no-cache' },
        body: F5_REJECTED_PAGE,
      },
    },
  },
  {
    id: 'imperva-503',
    title: 'Imperva (Incapsula) "Request unsuccessful" with 503',
    path: '/imperva/blocked',
    expected: { category: 'security-block', vendor: 'imperva', status: 503 },
    routes: {
      // The Incapsula iframe page of test/fixtures/akamai-imperva.ts, answered with 503 as Imperva also does.
      '/imperva/blocked': {
        status: 503,
        headers: { 'content-type': HTML, 'x-cdn': 'Imperva', 'x-iinfo': '5-12345678-0 0NNN RT(1736942400123 12) q(0 -1 -1 -1) r(0 -1)', 'cache-control': 'no-cache' },
        body: `<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW"><meta name="viewport" content="initial-scale=1.0"></head><body style="margin:0px;height:100%"><iframe id="main-iframe" src="about:blank" frameborder=0 width="100%" height="100%">Request unsuccessful. Incapsula incident ID: ${IMPERVA_INCIDENT}</iframe><p>Request unsuccessful. Incapsula incident ID: ${IMPERVA_INCIDENT}</p></body></html>`,
      },
    },
  },
  {
    id: 'article-access-denied',
    title: 'A plain 200 article that talks about "Access denied" and 403',
    path: '/blog/access-denied',
    expected: { category: null, vendor: null, status: null },
    routes: {
      '/blog/access-denied': {
        status: 200,
        headers: { 'content-type': HTML },
        body: '<!doctype html><html><head><title>Why you see "Access denied" (403 Forbidden)</title></head><body><article><h1>Access denied? What a 403 Forbidden means</h1><p>When a server answers "Access denied" or "403 Forbidden", it understood the request but refuses it. Sometimes a firewall blocked the request; you have been blocked because of your IP address, or your session expired.</p></article></body></html>',
      },
    },
  },
  {
    id: 'hostile',
    title: 'A block page with HTML and script in its headers, title and body',
    path: '/hostile',
    expected: { category: 'security-block', vendor: 'cloudflare', status: 403 },
    routes: {
      '/hostile': {
        status: 403,
        headers: { 'content-type': HTML, server: 'cloudflare', 'cf-ray': HOSTILE.ray, 'x-block-reason': HOSTILE.header },
        body: `<!doctype html><html><head><title>${escapeHtml(HOSTILE.title)}</title></head><body><h1>${escapeHtml(HOSTILE.body)}</h1><p>Cloudflare Ray ID: ${escapeHtml(HOSTILE.ray)}</p></body></html>`,
      },
    },
  },
];

export function scenario(id: string): Scenario {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`No lab scenario "${id}"`);
  return found;
}
