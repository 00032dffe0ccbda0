import { getDomain, getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { HOSTING_SUFFIXES, isCrossSite, registrableDomainOf } from '../src/engine/site';
import { FIXTURES } from './fixtures';

// The engine ships a short list instead of the Public Suffix List; tldts (a dev dependency, never
// bundled) holds the maintained list, so the short one cannot drift from it unnoticed.
const psl = { allowPrivateDomains: true };

/** Hosts the engine meets: every URL and initiator of the fixture corpus, and hosting it names. */
const hosts = [
  ...new Set(
    FIXTURES.flatMap((f) => [f.obs.url, f.obs.initiator ?? ''])
      .map((url) => {
        try {
          return new URL(url).hostname;
        } catch {
          return '';
        }
      })
      .filter((host) => host && !/^[\d.]+$/.test(host) && !host.startsWith('[')),
  ),
  'alice.github.io', 'img.bob.github.io', 'app.vercel.app', 'site.netlify.app', 'x.pages.dev', 'api.avery.workers.dev',
  'd111111abcdef8.cloudfront.net', 'bucket.s3.amazonaws.com', 'bucket.s3.us-east-1.amazonaws.com',
  'bucket.s3.dualstack.eu-west-1.amazonaws.com', 'bucket.s3-website-us-east-1.amazonaws.com',
  'abc.execute-api.us-east-1.amazonaws.com', 'pub-123.r2.dev', 'account.blob.core.windows.net',
  'myapp.azurewebsites.net', 'shop.myshopify.com', 'x.co.uk', 'www.example.com.au', 'example.org',
];

describe('registrableDomainOf', () => {
  it.each([...HOSTING_SUFFIXES])('%s is a public suffix in the Public Suffix List', (suffix) => {
    expect(getPublicSuffix(`name.${suffix}`, psl)).toBe(suffix);
  });

  it('agrees with the Public Suffix List on every host the fixtures and the hosting list name', () => {
    const differing = hosts
      .map((host) => ({ host, ours: registrableDomainOf(`https://${host}/`), psl: getDomain(host, psl) }))
      .filter((h) => h.ours !== h.psl);
    expect(differing).toEqual([]);
  });

  it('tells two projects on one hosting suffix apart, and keeps one project together', () => {
    expect(isCrossSite('https://alice.github.io/a.png', 'https://bob.github.io/')).toBe(true);
    expect(isCrossSite('https://img.alice.github.io/a.png', 'https://alice.github.io/')).toBe(false);
    expect(isCrossSite('https://bucket.s3.amazonaws.com/a.png', 'https://other.s3.amazonaws.com/')).toBe(true);
    expect(isCrossSite('https://cdn.example.co.uk/a.png', 'https://www.example.co.uk/')).toBe(false);
  });
});
