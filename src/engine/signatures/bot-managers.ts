import type { Signature } from '../signature';

export const BOT_MANAGERS: readonly Signature[] = [
  {
    id: 'datadome-block',
    vendor: 'datadome',
    category: 'security-block',
    statuses: [403],
    acted: [{ body: "'t':'bv'" }],
    requireAny: [
      { body: 'captcha-delivery.com' },
      { header: 'x-datadome' },
    ],
    presence: [{ cookie: 'datadome' }],
    confidence: 0.98,
    reference: [{ label: 'DataDome CID', header: 'x-datadome-cid' }],
    fixes: ['disable-vpn', 'contact-owner', 'retry'],
  },
  {
    id: 'datadome-challenge',
    vendor: 'datadome',
    category: 'security-challenge',
    statuses: [403, 401, 405],
    acted: [
      { body: 'captcha-delivery.com' },
      { header: 'x-dd-b' },
    ],
    requireAny: [
      { header: 'x-datadome' },
      { header: 'x-dd-b' },
      { cookie: 'datadome' },
      { body: 'captcha-delivery.com' },
    ],
    presence: [{ cookie: 'datadome' }, { header: 'x-datadome' }],
    confidence: 0.93,
    reference: [{ label: 'DataDome CID', header: 'x-datadome-cid' }],
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn'],
  },
  {
    id: 'perimeterx-challenge',
    vendor: 'perimeterx',
    category: 'security-challenge',
    statuses: [403, 429],
    acted: [
      { body: 'px-captcha' },
      { body: 'perimeterx.net' },
      { body: 'px-cdn.net' },
      { body: '_pxappid' },
      { body: 'whywasiblocked' },
      { body: 'denied because we believe you are using automation tools' },
    ],
    presence: [
      { cookie: '_px3' },
      { cookie: '_pxhd' },
      { cookie: '_pxvid' },
    ],
    confidence: 0.93,
    reference: [{ label: 'HUMAN Reference ID', after: 'Reference ID' }],
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn', 'contact-owner'],
  },
  {
    id: 'kasada-challenge',
    vendor: 'kasada',
    category: 'security-challenge',
    statuses: [429],
    acted: [
      { header: 'x-kpsdk-ct' },
      { header: 'x-kpsdk-cd' },
      { header: 'x-kpsdk-r' },
      { header: 'x-kpsdk-c' },
      { body: 'kpsdk' },
    ],
    confidence: 0.93,
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn'],
  },
  {
    id: 'f5-asm-block',
    vendor: 'f5',
    category: 'security-block',
    acted: [
      { body: 'the requested url was rejected' },
      { body: 'your support id is' },
      // Translated pages keep "support ID": Indonesian "Alamat URL Ditolak!".
      { body: 'url ditolak' },
    ],
    requireAny: [
      { body: 'please consult with your administrator' },
      { body: 'support id' },
    ],
    presence: [
      { cookie: 'ts01', prefix: true },
      { cookie: 'bigipserver', prefix: true },
    ],
    confidence: 0.94,
    reference: [{ label: 'F5 support ID', after: 'support ID is' }, { label: 'F5 support ID', after: 'support ID' }],
    fixes: ['contact-owner', 'retry', 'pause-extensions'],
  },
];
