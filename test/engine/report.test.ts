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
