import type { Observation } from '../src/engine';

/**
 * Inputs for the engine bench. Refused: what the worker and the popup hand the engine for real
 * refusals (headers as capture compacts them; some with the page text the popup reads). Ordinary:
 * everyday responses, some from sites behind a CDN (vendor presence without a block).
 */
const T = 1_700_000_000_000;
const PAGE = 'https://shop.example/';

function filler(words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur'][i % 6] as string);
  return out.join(' ');
}

export const REFUSED: readonly Observation[] = [
  {
    url: 'https://shop.example/cart', method: 'GET', type: 'main_frame', status: 403, time: T,
    headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-FRA', 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store' },
    pageTitle: 'Attention Required! | Cloudflare',
    pageText: `<div class="cf-error-details"><h1>Sorry, you have been blocked</h1><p>${filler(300)}</p><span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6789</strong></span></div>`,
  },
  {
    url: 'https://shop.example/login', method: 'GET', type: 'main_frame', status: 403, time: T,
    headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f0000-AMS', 'cf-mitigated': 'challenge', 'content-type': 'text/html' },
    pageTitle: 'Just a moment...',
    pageText: `<script src="https://challenges.cloudflare.com/turnstile/v0/api.js"></script><div id="cf-chl-widget">${filler(200)}</div>`,
  },
  {
    url: 'https://www.retailer.example/product/42', method: 'GET', type: 'main_frame', status: 403, time: T,
    headers: { server: 'AkamaiGHost', 'content-type': 'text/html', 'mime-version': '1.0', expires: 'Thu, 01 Jan 1970 00:00:00 GMT' },
    pageTitle: 'Access Denied',
    pageText: `<H1>Access Denied</H1>You don't have permission to access "http&#58;&#47;&#47;www&#46;retailer&#46;example&#47;product&#47;42" on this server.<P>Reference&#32;&#35;18&#46;2f3c1002&#46;1700000000&#46;abcdef12`,
  },
  { url: 'https://api.example/v1/search?q=x', method: 'GET', type: 'xmlhttprequest', status: 429, time: T, initiator: 'https://app.example',
    headers: { 'content-type': 'application/json', 'retry-after': '30', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000030' } },
  { url: 'https://intranet.example/reports', method: 'GET', type: 'main_frame', status: 401, time: T,
    headers: { 'www-authenticate': 'Basic realm="Reports"', 'content-type': 'text/html', server: 'nginx/1.24.0' } },
  { url: 'https://files.example/docs/a.pdf', method: 'GET', type: 'main_frame', status: 403, time: T,
    headers: { server: 'Apache/2.4.57 (Debian)', 'content-type': 'text/html; charset=iso-8859-1', 'content-length': '199' } },
  { url: 'https://news.example/article', method: 'GET', type: 'main_frame', status: 451, time: T,
    headers: { 'content-type': 'text/html', link: '<https://authority.example>; rel="blocked-by"' } },
  { url: 'https://ads.example/pixel.gif', method: 'GET', type: 'image', status: 0, time: T, error: 'net::ERR_BLOCKED_BY_CLIENT', headers: {}, initiator: PAGE },
  { url: 'https://store.example/checkout', method: 'POST', type: 'main_frame', status: 403, time: T,
    headers: { server: 'awselb/2.0', 'x-amzn-requestid': '2d5c8f0a-1b2c-4d5e-8f90-123456789abc', 'content-type': 'text/html' },
    pageText: `<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center>${filler(50)}</body></html>` },
  { url: 'https://img.example/photos/big.jpg', method: 'GET', type: 'image', status: 403, time: T, initiator: 'https://blog.other.example',
    headers: { server: 'nginx', 'content-type': 'text/html' } },
  { url: 'https://cdn.example/lib.js', method: 'GET', type: 'script', status: 403, time: T, initiator: PAGE,
    headers: { 'x-amz-request-id': 'ABCDEF0123456789', 'x-amz-id-2': 'abcdefghijklmnopqrstuvwxyz0123456789', server: 'AmazonS3', 'content-type': 'application/xml' },
    pageText: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message><Expires>2023-11-14T00:00:00Z</Expires></Error>' },
  { url: 'https://api.example/v2/items', method: 'DELETE', type: 'xmlhttprequest', status: 403, time: T, initiator: 'https://app.example',
    headers: { 'content-type': 'application/json' }, pageText: JSON.stringify({ error: { code: 'insufficient_scope', message: 'The token lacks the items:write scope' } }) },
];

const ORDINARY_HEADERS: readonly Record<string, string>[] = [
  { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=0, private', server: 'nginx', 'content-encoding': 'gzip', vary: 'Accept-Encoding' },
  { 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000', server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f1111-LHR', 'cf-cache-status': 'HIT', age: '1234' },
  { 'content-type': 'application/javascript', etag: '"abc123"', 'x-cache': 'Hit from cloudfront', via: '1.1 abc.cloudfront.net (CloudFront)', 'x-amz-cf-id': 'xyz' },
  { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'x-request-id': 'f00dfeed', 'set-cookie': 'session\n__cf_bm' },
];
const ORDINARY_TYPES = ['main_frame', 'image', 'script', 'xmlhttprequest', 'stylesheet', 'font'];
const ORDINARY_STATUSES = [200, 200, 200, 204, 304, 301, 404];

export const ORDINARY: readonly Observation[] = Array.from({ length: 28 }, (_, i) => ({
  url: `https://site${i % 5}.example/assets/${i}.bin?v=${i * 7}`,
  method: 'GET',
  type: ORDINARY_TYPES[i % ORDINARY_TYPES.length] as string,
  status: ORDINARY_STATUSES[i % ORDINARY_STATUSES.length] as number,
  headers: { ...(ORDINARY_HEADERS[i % ORDINARY_HEADERS.length] as Record<string, string>) },
  cookies: i % 4 === 3 ? ['session', '__cf_bm'] : [],
  initiator: i % 3 === 0 ? 'https://other.example' : PAGE,
  time: T,
}));

const MB = 1024 * 1024;

function fill(unit: string, bytes = MB): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/**
 * 1 MB bodies written against the engine's readers: entity storms, unclosed tags after every
 * reference label, markers cut one character short, deep JSON, and all-non-ASCII text whose
 * lower-case form changes length. Each is diagnosed as a Cloudflare-fronted 403 main frame.
 */
export const HOSTILE: readonly { name: string; obs: Observation }[] = [
  ['entity storm', fill('&#x1F600;&#99999999;&amp&;&lt;&#;&#x;&nbsp;&')],
  ['label + unclosed tag storm', fill('Ray ID: <strong Reference #<b id=')],
  ['near-miss markers', fill('you have been bloc cf-chl challenges.cloudflare.co just a momen <title')],
  ['deep JSON', `{"error":${'['.repeat(MB / 2)}${']'.repeat(MB / 2 - 10)}}`],
  ['JSON of many error keys', `{"errors":[${fill('{"message":"denied","code":"forbidden","detail":"x"},', MB - 20)}{}]}`],
  ['non-ASCII', fill('İẞΣﬃ\u0130\u1E9E ')],
].map(([name, pageText]) => ({
  name: name as string,
  obs: {
    url: `https://victim.example/${'a'.repeat(4000)}`,
    method: 'GET',
    type: 'main_frame',
    status: 403,
    headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-FRA', 'content-type': 'text/html' },
    pageTitle: (pageText as string).slice(0, 4096),
    pageText: pageText as string,
    time: T,
  },
}));
