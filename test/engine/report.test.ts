import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose';
import { reportFor } from '../../src/engine/report';
import { obs } from '../fixtures/fixture';

describe('reportFor', () => {
  const o = obs({
    status: 403,
    url: 'https://user:hunter2@www.example.com/account?token=SECRET-TOKEN#frag',
    headers: { server: 'cloudflare', 'cf-ray': '8e2a4b6c1d3f5a7b-FRA', 'cf-mitigated': 'block', 'set-cookie': '__cf_bm=COOKIEVALUE; path=/', authorization: 'Bearer AUTHVALUE', cookie: 'sid=SIDVALUE' },
    cookies: ['__cf_bm', 'sid'],
  });
  const d = diagnose(o);
  const report = reportFor(o, d);

  it('carries URL, ISO time, status, vendor, reference and cause', () => {
    expect(report).toContain('URL: https://www.example.com/account\n');
    expect(report).toContain('Time: 2025-01-15T12:00:00.000Z');
    expect(report).toContain('Status: 403');
    expect(report).toContain('Refused by: Cloudflare');
    expect(report).toContain('Cloudflare Ray ID: 8e2a4b6c1d3f5a7b-FRA');
    expect(report).toMatch(/Likely cause: .*security-block/);
  });

  it('never includes cookie values, credentials or Authorization/Cookie/Set-Cookie values', () => {
    for (const secret of ['COOKIEVALUE', 'AUTHVALUE', 'SIDVALUE', 'SECRET-TOKEN', 'hunter2']) expect(report).not.toContain(secret);
  });

  it('drops secret headers even if evidence carries them', () => {
    const forged = { ...d, evidence: [...d.evidence, { kind: 'header' as const, name: 'Set-Cookie', value: 'x=LEAK', note: '' }, { kind: 'cookie' as const, name: 'sid', value: 'LEAK2', note: '' }] };
    const text = reportFor(o, forged);
    expect(text).not.toContain('LEAK');
  });

  it('keeps page-controlled text on one line', () => {
    const text = reportFor(o, { ...d, reference: { label: 'Ray', value: 'a\nInjected: yes' } });
    expect(text).not.toMatch(/^Injected/m);
  });
});

describe('a vendor in front that did not act', () => {
  // A real capture (test/fixtures/real/apis.json, api-discord-429-api-docs-1575, headers trimmed):
  // Discord's own rate limit, passed on by Cloudflare.
  const o = obs({
    status: 429,
    type: 'xmlhttprequest',
    url: 'https://discord.com/api/v6/guilds/000000000000000000',
    headers: { 'retry-after': '1614885', 'x-ratelimit-global': 'true', server: 'cloudflare', 'cf-ray': '58d4267ffcdac4b8-DUS', 'content-type': 'application/json' },
    pageText: '{"global":false,"retry_after":1614885,"message":"You are being rate limited."}',
  });
  const d = diagnose(o);

  it('is named as in front in the report, and the service that answered as the one that refused', () => {
    expect(d).toMatchObject({ category: 'rate-limit', vendor: 'discord' });
    const report = reportFor(o, d);
    expect(report).toContain('Refused by: Discord');
    expect(report).toContain('In front of the site (passed it on, did not refuse it): Cloudflare');
    expect(report).not.toContain('Refused by: Cloudflare');
  });
});
