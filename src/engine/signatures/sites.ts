import type { Signature } from '../signature';

export const SITES: readonly Signature[] = [
  {
    id: 'google-unusual-traffic',
    vendor: 'google',
    category: 'security-challenge',
    statuses: [429, 403, 503],
    acted: [
      { url: '/sorry/index', note: 'Google\u2019s "sorry" page for automated traffic.' },
      { body: 'our systems have detected unusual traffic', note: 'Wording of Google\u2019s unusual-traffic page.' },
    ],
    confidence: 0.95,
    fixes: ['retry', 'disable-vpn', 'pause-extensions', 'wait-and-retry'],
    summary: 'Google noticed unusual traffic from your network and wants you to solve a CAPTCHA.',
    developerNote:
      'Google\u2019s /sorry/index page ("Our systems have detected unusual traffic from your computer network"): many automated queries came from this IP, often a shared VPN, proxy, or a device or extension sending requests. Solving the CAPTCHA sets the GOOGLE_ABUSE_EXEMPTION cookie.',
  },
  {
    id: 'linkedin-999',
    vendor: 'linkedin',
    category: 'security-block',
    statuses: [999],
    acted: [
      { url: 'linkedin.com', note: 'A LinkedIn URL.' },
      { url: 'licdn.com', note: 'A LinkedIn CDN URL.' },
    ],
    confidence: 0.92,
    fixes: ['sign-in', 'disable-vpn', 'wait-and-retry', 'pause-extensions'],
    summary: 'LinkedIn refused the request because it looks automated.',
    developerNote:
      'LinkedIn answers 999 ("Request denied") to traffic it considers automated: scrapers, requests without a signed-in session, datacenter/VPN IPs or too many requests. Signing in and slowing down usually helps.',
  },
];
