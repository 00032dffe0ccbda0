import type { Marker, Signature } from '../signature';

const NGINX: readonly Marker[] = [
  { header: 'server', includes: 'nginx' },
  { body: '<center>nginx' },
];
const APACHE: readonly Marker[] = [
  { header: 'server', includes: 'apache' },
  { body: '<address>apache' },
];
const IIS: readonly Marker[] = [
  { header: 'server', includes: 'microsoft-iis' },
  { header: 'server', includes: 'microsoft-httpapi' },
  { header: 'x-powered-by', includes: 'asp.net' },
];
const TOO_LARGE_FIXES = ['clear-cookies', 'retry', 'contact-owner'] as const;
const CONFIG_FIXES = ['check-url', 'contact-owner', 'retry'] as const;

export const SERVERS: readonly Signature[] = [
  {
    id: 'nginx-forbidden',
    vendor: 'nginx',
    category: 'server-config',
    statuses: [403],
    acted: [{ body: '<center>nginx' }],
    requireAny: [{ title: '403 forbidden' }, { body: '<h1>403 forbidden</h1>' }],
    presence: [NGINX[0] as Marker],
    confidence: 0.78,
    fixes: [...CONFIG_FIXES],
  },
  {
    id: 'apache-forbidden',
    vendor: 'apache',
    category: 'server-config',
    statuses: [403],
    acted: [
      { body: 'you don\'t have permission to access' },
      { body: 'server unable to read htaccess file' },
    ],
    requireAny: [...APACHE, { title: '403 forbidden' }, { body: 'apache/2.' }, { body: 'htaccess' }],
    presence: APACHE,
    confidence: 0.78,
    fixes: [...CONFIG_FIXES],
  },
  {
    id: 'iis-ip-restriction',
    vendor: 'iis',
    category: 'ip-restriction',
    statuses: [403],
    acted: [
      { body: 'http error 403.6' },
      { body: 'http error 403.503' },
      { body: 'http 403.6 - forbidden' },
      { body: 'ip address of the client has been rejected' },
    ],
    presence: IIS,
    confidence: 0.94,
    fixes: ['disable-vpn', 'contact-owner'],
  },
  {
    id: 'iis-forbidden',
    vendor: 'iis',
    category: 'server-config',
    statuses: [403],
    acted: [
      { body: 'http error 403.14' },
      { body: 'configured to not list the contents of this directory' },
      { body: '403 - forbidden: access is denied' },
      { body: 'you do not have permission to view this directory or page' },
      { body: 'http error 403.' },
      // IIS's own pages come translated with the server's language (Chinese: "禁止访问: 访问被拒绝").
      { title: '403 - 禁止访问' },
      { body: '403 - 禁止访问' },
    ],
    presence: IIS,
    confidence: 0.8,
    fixes: [...CONFIG_FIXES],
  },
  {
    id: 'litespeed-forbidden',
    vendor: 'litespeed',
    category: 'server-config',
    statuses: [403],
    acted: [{ body: 'access to this resource on the server is denied' }],
    requireAny: [{ header: 'server', includes: 'litespeed' }, { body: 'litespeed' }],
    confidence: 0.8,
    fixes: [...CONFIG_FIXES],
  },
  {
    id: 'nginx-header-too-large',
    vendor: 'nginx',
    category: 'request-too-large',
    statuses: [400, 494],
    acted: [{ body: 'request header or cookie too large' }],
    requireAny: NGINX,
    confidence: 0.95,
    fixes: [...TOO_LARGE_FIXES],
  },
  {
    id: 'apache-header-too-large',
    vendor: 'apache',
    category: 'request-too-large',
    statuses: [400],
    acted: [
      { body: 'size of a request header field exceeds server limit' },
      { body: 'exceeds server limit' },
    ],
    requireAny: [...APACHE, { body: 'cookie' }],
    confidence: 0.95,
    fixes: [...TOO_LARGE_FIXES],
  },
  {
    id: 'iis-header-too-large',
    vendor: 'iis',
    category: 'request-too-large',
    statuses: [400],
    acted: [
      { body: 'size of the request headers is too long' },
      { body: 'request header too long' },
    ],
    presence: IIS,
    confidence: 0.94,
    fixes: [...TOO_LARGE_FIXES],
  },
  {
    id: 'request-header-too-large',
    vendor: null,
    category: 'request-too-large',
    statuses: [400, 431, 494],
    acted: [
      { body: 'request header or cookie too large' },
      { body: 'request header fields too large' },
      { body: 'headers too large' },
      { body: 'cookie too large' },
    ],
    confidence: 0.9,
    fixes: [...TOO_LARGE_FIXES],
  },
  {
    id: 'request-too-large',
    vendor: null,
    category: 'request-too-large',
    statuses: [431],
    acted: [],
    confidence: 0.88,
    fixes: [...TOO_LARGE_FIXES],
  },
];
