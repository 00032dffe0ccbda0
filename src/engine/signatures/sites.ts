import type { Signature } from '../signature';

export const SITES: readonly Signature[] = [
  {
    id: 'google-unusual-traffic',
    vendor: 'google',
    category: 'security-challenge',
    statuses: [429, 403, 503],
    acted: [
      { url: '/sorry/index' },
      { body: 'our systems have detected unusual traffic' },
    ],
    confidence: 0.95,
    fixes: ['retry', 'disable-vpn', 'pause-extensions', 'wait-and-retry'],
  },
  {
    id: 'linkedin-999',
    vendor: 'linkedin',
    category: 'security-block',
    statuses: [999],
    acted: [
      { url: 'linkedin.com' },
      { url: 'licdn.com' },
    ],
    confidence: 0.92,
    fixes: ['sign-in', 'disable-vpn', 'wait-and-retry', 'pause-extensions'],
  },
];
