import type { Marker, Signature } from '../signature';

const NGINX: readonly Marker[] = [
  { header: 'server', includes: 'nginx', note: 'The server is nginx.' },
  { body: '<center>nginx', note: 'nginx\u2019s default error page footer.' },
];
const APACHE: readonly Marker[] = [
  { header: 'server', includes: 'apache', note: 'The server is Apache.' },
  { body: '<address>apache', note: 'Apache\u2019s default error page footer.' },
];
const IIS: readonly Marker[] = [
  { header: 'server', includes: 'microsoft-iis', note: 'The server is IIS.' },
  { header: 'server', includes: 'microsoft-httpapi', note: 'Windows HTTP.sys answered.' },
  { header: 'x-powered-by', includes: 'asp.net', note: 'An ASP.NET site.' },
];
const TOO_LARGE_FIXES = ['clear-cookies', 'retry', 'contact-owner'] as const;
const CONFIG_FIXES = ['check-url', 'contact-owner', 'retry'] as const;

export const SERVERS: readonly Signature[] = [
  {
    id: 'nginx-forbidden',
    vendor: 'nginx',
    category: 'server-config',
    statuses: [403],
    acted: [{ body: '<center>nginx', note: 'nginx\u2019s default 403 page.' }],
    requireAny: [{ title: '403 forbidden', note: 'The default page\u2019s title.' }, { body: '<h1>403 forbidden</h1>', note: 'The default page\u2019s heading.' }],
    presence: [NGINX[0] as Marker],
    confidence: 0.78,
    fixes: [...CONFIG_FIXES],
    summary: 'The web server is set up not to show this address.',
    developerNote:
      'nginx answered with its built-in 403 page: a `deny` rule (allow/deny by IP), a directory without an index file while autoindex is off, or files the nginx worker user cannot read (check permissions on the file and every parent directory, and SELinux labels). The error log says which.',
  },
  {
    id: 'apache-forbidden',
    vendor: 'apache',
    category: 'server-config',
    statuses: [403],
    acted: [
      { body: 'you don\'t have permission to access', note: 'Apache\u2019s default 403 wording.' },
      { body: 'server unable to read htaccess file', note: 'Apache cannot read an .htaccess file.' },
    ],
    requireAny: [...APACHE, { title: '403 forbidden', note: 'The default page\u2019s title.' }],
    presence: APACHE,
    confidence: 0.78,
    fixes: [...CONFIG_FIXES],
    summary: 'The web server is set up not to show this address.',
    developerNote:
      'Apache answered with its built-in 403 page ("You don\'t have permission to access this resource"): a `Require all denied` or `Deny from` rule (in the config or an .htaccess), a directory listing refused (Options -Indexes and no index file), or file permissions the Apache user cannot read. The error log names the cause (AH01630, AH01276, AH00035...).',
  },
  {
    id: 'iis-ip-restriction',
    vendor: 'iis',
    category: 'ip-restriction',
    statuses: [403],
    acted: [
      { body: 'http error 403.6', note: 'IIS 403.6: IP address rejected.' },
      { body: 'http error 403.503', note: 'IIS 403.503: rejected by IP restriction.' },
      { body: 'ip address of the client has been rejected', note: 'IIS IP restriction wording.' },
    ],
    presence: IIS,
    confidence: 0.94,
    fixes: ['disable-vpn', 'contact-owner'],
    summary: 'This site only accepts visitors from certain network addresses, and yours is not one of them.',
    developerNote: 'IIS refused the client IP (403.6 / 403.503): IP Address and Domain Restrictions or Dynamic IP Restrictions deny it. Owners: check ipSecurity in web.config or the IIS Manager feature.',
  },
  {
    id: 'iis-forbidden',
    vendor: 'iis',
    category: 'server-config',
    statuses: [403],
    acted: [
      { body: 'http error 403.14', note: 'IIS 403.14: directory listing denied.' },
      { body: 'configured to not list the contents of this directory', note: 'IIS directory browsing is off.' },
      { body: '403 - forbidden: access is denied', note: 'IIS default 403 page.' },
      { body: 'you do not have permission to view this directory or page', note: 'IIS default 403 wording.' },
      { body: 'http error 403.', note: 'An IIS 403 substatus page.' },
    ],
    presence: IIS,
    confidence: 0.8,
    fixes: [...CONFIG_FIXES],
    summary: 'The web server is set up not to show this address.',
    developerNote:
      'IIS answered with its own 403 page. 403.14: a directory without a default document while directory browsing is off; 403.1/403.18 and "Access is denied": NTFS permissions for the app pool identity or IUSR, or authorization rules in web.config. The substatus in the IIS log names the case.',
  },
  {
    id: 'nginx-header-too-large',
    vendor: 'nginx',
    category: 'request-too-large',
    statuses: [400, 494],
    acted: [{ body: 'request header or cookie too large', note: 'nginx: the request\u2019s headers or cookies exceed its buffers.' }],
    requireAny: NGINX,
    confidence: 0.95,
    fixes: [...TOO_LARGE_FIXES],
    summary: 'Your browser is sending too many or too large cookies for this site: clearing its cookies fixes it.',
    developerNote:
      'nginx "400 Request Header Or Cookie Too Large": one header line exceeded large_client_header_buffers (usually 8 KB). It is almost always the Cookie header grown by many or large cookies on the domain. Clearing the site\u2019s cookies fixes it for the user; owners can shrink cookies or raise the buffers.',
  },
  {
    id: 'apache-header-too-large',
    vendor: 'apache',
    category: 'request-too-large',
    statuses: [400],
    acted: [
      { body: 'size of a request header field exceeds server limit', note: 'Apache: a header field is over LimitRequestFieldSize.' },
      { body: 'exceeds server limit', note: 'Apache request limit message.' },
    ],
    requireAny: [...APACHE, { body: 'cookie', note: 'The message names the Cookie header.' }],
    confidence: 0.95,
    fixes: [...TOO_LARGE_FIXES],
    summary: 'Your browser is sending too many or too large cookies for this site: clearing its cookies fixes it.',
    developerNote:
      'Apache "400 Bad Request: Size of a request header field exceeds server limit" (usually followed by "Cookie"): the header is over LimitRequestFieldSize (8190 bytes by default). Clearing the site\u2019s cookies fixes it; owners can reduce cookies or raise the limit.',
  },
  {
    id: 'iis-header-too-large',
    vendor: 'iis',
    category: 'request-too-large',
    statuses: [400],
    acted: [
      { body: 'size of the request headers is too long', note: 'IIS/HTTP.sys: request headers too long.' },
      { body: 'request header too long', note: 'IIS/HTTP.sys: request header too long.' },
    ],
    presence: IIS,
    confidence: 0.94,
    fixes: [...TOO_LARGE_FIXES],
    summary: 'Your browser is sending too many or too large cookies for this site: clearing its cookies fixes it.',
    developerNote:
      'HTTP.sys (IIS) "Bad Request - Request Too Long / The size of the request headers is too long": the headers exceed MaxFieldLength / MaxRequestBytes, almost always because of cookies. Clearing the site\u2019s cookies fixes it.',
  },
  {
    id: 'request-header-too-large',
    vendor: null,
    category: 'request-too-large',
    statuses: [400, 431, 494],
    acted: [
      { body: 'request header or cookie too large', note: 'The request\u2019s headers or cookies are too large.' },
      { body: 'request header fields too large', note: 'The request\u2019s headers are too large.' },
      { body: 'headers too large', note: 'The request\u2019s headers are too large.' },
      { body: 'cookie too large', note: 'A cookie is too large.' },
    ],
    confidence: 0.9,
    fixes: [...TOO_LARGE_FIXES],
    summary: 'Your browser is sending too many or too large cookies for this site: clearing its cookies fixes it.',
    developerNote: 'The server refused the request because its headers are too large, nearly always the Cookie header. Clearing the site\u2019s cookies fixes it; owners can reduce cookies or raise the header limit.',
  },
  {
    id: 'request-too-large',
    vendor: null,
    category: 'request-too-large',
    statuses: [431],
    acted: [],
    confidence: 0.88,
    fixes: [...TOO_LARGE_FIXES],
    summary: 'Your browser is sending too many or too large cookies for this site: clearing its cookies fixes it.',
    developerNote: '431 Request Header Fields Too Large: one header, or all of them together, is over the server\u2019s limit, nearly always because of the cookies stored for this site. Clearing them fixes it.',
  },
];
