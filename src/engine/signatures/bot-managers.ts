import type { Signature } from '../signature';

export const BOT_MANAGERS: readonly Signature[] = [
  {
    id: 'datadome-block',
    vendor: 'datadome',
    category: 'security-block',
    statuses: [403],
    acted: [{ body: "'t':'bv'", note: 'DataDome\u2019s page says this IP is banned (t: bv).' }],
    requireAny: [
      { body: 'captcha-delivery.com', note: 'The page loads DataDome\u2019s captcha.' },
      { header: 'x-datadome', note: 'DataDome header.' },
    ],
    presence: [{ cookie: 'datadome', note: 'DataDome cookie.' }],
    confidence: 0.98,
    reference: [{ label: 'DataDome CID', header: 'x-datadome-cid' }],
    fixes: ['disable-vpn', 'contact-owner', 'retry'],
    summary: 'The site\u2019s bot protection (DataDome) has blocked your network address.',
    developerNote:
      'DataDome served its block page with t: "bv": the IP is banned, not just challenged, so solving a CAPTCHA will not help. Usual causes are a datacenter/VPN IP or automated traffic from the same address. Owners: look the request up in the DataDome dashboard.',
  },
  {
    id: 'datadome-challenge',
    vendor: 'datadome',
    category: 'security-challenge',
    statuses: [403, 401, 405],
    acted: [
      { body: 'captcha-delivery.com', note: 'The page loads DataDome\u2019s captcha (captcha-delivery.com).' },
      { header: 'x-dd-b', note: 'DataDome marks the responses it blocked with x-dd-b.' },
    ],
    requireAny: [
      { header: 'x-datadome', note: 'DataDome header.' },
      { header: 'x-dd-b', note: 'DataDome block header.' },
      { cookie: 'datadome', note: 'DataDome cookie.' },
      { body: 'captcha-delivery.com', note: 'DataDome captcha host.' },
    ],
    presence: [{ cookie: 'datadome', note: 'DataDome cookie.' }, { header: 'x-datadome', note: 'DataDome header.' }],
    confidence: 0.93,
    reference: [{ label: 'DataDome CID', header: 'x-datadome-cid' }],
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn'],
    summary: 'The site\u2019s bot protection (DataDome) wants you to solve a puzzle to prove you are a person.',
    developerNote:
      'DataDome answered with its CAPTCHA (served from geo.captcha-delivery.com) instead of the page. Solving it sets the datadome cookie; blocked third-party cookies or scripts, privacy extensions and VPN IPs make it come back.',
  },
  {
    id: 'perimeterx-challenge',
    vendor: 'perimeterx',
    category: 'security-challenge',
    statuses: [403, 429],
    acted: [
      { body: 'px-captcha', note: 'HUMAN (PerimeterX) "Press & Hold" captcha element.' },
      { body: 'perimeterx.net', note: 'The page loads PerimeterX scripts.' },
      { body: 'px-cdn.net', note: 'The page loads HUMAN\u2019s captcha CDN.' },
      { body: '_pxappid', note: 'HUMAN (PerimeterX) app id in the page.' },
      { body: 'whywasiblocked', note: 'HUMAN\u2019s "why was I blocked" link.' },
      { body: 'denied because we believe you are using automation tools', note: 'Wording of HUMAN\u2019s block page.' },
    ],
    presence: [
      { cookie: '_px3', note: 'HUMAN (PerimeterX) cookie.' },
      { cookie: '_pxhd', note: 'HUMAN (PerimeterX) cookie.' },
      { cookie: '_pxvid', note: 'HUMAN (PerimeterX) cookie.' },
    ],
    confidence: 0.93,
    reference: [{ label: 'HUMAN Reference ID', after: 'Reference ID' }],
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn', 'contact-owner'],
    summary: 'The site\u2019s bot protection (HUMAN) wants you to press and hold a button to prove you are a person.',
    developerNote:
      'HUMAN Security (PerimeterX) served its block page with the "Press & Hold" challenge ("Access to this page has been denied"). It believes the browser is automated: extensions that block scripts, disabled JavaScript or cookies, and VPN IPs trigger it. The Reference ID on the page identifies the event for the site owner.',
  },
  {
    id: 'kasada-challenge',
    vendor: 'kasada',
    category: 'security-challenge',
    statuses: [429],
    acted: [
      { header: 'x-kpsdk-ct', note: 'Kasada token header.' },
      { header: 'x-kpsdk-cd', note: 'Kasada proof-of-work header.' },
      { header: 'x-kpsdk-r', note: 'Kasada header.' },
      { header: 'x-kpsdk-c', note: 'Kasada header.' },
      { body: 'kpsdk', note: 'The page loads Kasada\u2019s client (KPSDK).' },
    ],
    confidence: 0.93,
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn'],
    summary: 'The site\u2019s bot protection (Kasada) is checking your browser; this usually passes on its own.',
    developerNote:
      'Kasada answers the first request with 429 and a script (ips.js) that proves the browser is real; the x-kpsdk-* headers carry its tokens. A browser normally retries and passes; it keeps failing when scripts are blocked, the clock is wrong or the client is automated.',
  },
  {
    id: 'f5-asm-block',
    vendor: 'f5',
    category: 'security-block',
    acted: [
      { body: 'the requested url was rejected', note: 'Wording of F5 BIG-IP ASM\u2019s blocking page.' },
      { body: 'your support id is', note: 'F5 ASM prints a support ID.' },
    ],
    requireAny: [
      { body: 'please consult with your administrator', note: 'F5 ASM blocking page wording.' },
      { body: 'support id', note: 'F5 ASM support ID.' },
    ],
    presence: [
      { cookie: 'ts01', prefix: true, note: 'F5 ASM cookie (TS + hex).' },
      { cookie: 'bigipserver', prefix: true, note: 'F5 BIG-IP load-balancer cookie.' },
    ],
    confidence: 0.94,
    reference: [{ label: 'F5 support ID', after: 'support ID is' }, { label: 'F5 support ID', after: 'support ID' }],
    fixes: ['contact-owner', 'retry', 'pause-extensions'],
    summary: 'The site\u2019s firewall (F5) rejected your request.',
    developerNote:
      'F5 BIG-IP ASM / Advanced WAF answered its blocking page ("The requested URL was rejected. Please consult with your administrator."), often with status 200. The support ID finds the request and the violated signature under Security > Event Logs > Application > Requests.',
  },
];
