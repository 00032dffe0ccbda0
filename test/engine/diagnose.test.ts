import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose';
import { judge } from '../../src/engine/judge';
import { T0, obs } from '../fixtures/fixture';

const CF = { server: 'cloudflare', 'cf-ray': '8e2a4b6c1d3f5a7b-FRA' };

describe('presence is not action', () => {
  it('calls a JSON 403 behind Cloudflare the application\u2019s refusal and says Cloudflare did not act', () => {
    const d = diagnose(obs({ status: 403, type: 'xmlhttprequest', headers: { ...CF, 'content-type': 'application/json' }, cookies: ['__cf_bm'], pageText: '{"error":"forbidden"}' }));
    expect(d.vendor).toBeNull();
    expect(d.category).toBe('insufficient-permissions');
    expect(d.inFront).toEqual(['cloudflare']);
    expect(d.developerNote).toMatch(/Cloudflare is in front of this site .* passed the refusal on/);
    expect(d.evidence.some((e) => e.name === 'server' && /not by itself/.test(e.note))).toBe(true);
  });

  it('does not add the note when the vendor in front is the one that acted', () => {
    const d = diagnose(obs({ status: 403, headers: { ...CF, 'cf-mitigated': 'challenge' } }));
    expect(d.vendor).toBe('cloudflare');
    expect(d.developerNote).not.toMatch(/in front of this site/);
  });

  it('treats Cloudflare\u2019s challenge-platform 401 as expected, with low confidence', () => {
    const o = obs({ status: 401, type: 'xmlhttprequest', url: 'https://example.com/cdn-cgi/challenge-platform/h/g/pat/abc/123/def', headers: CF });
    const d = diagnose(o);
    expect(d.expected).toBe(true);
    expect(d.confidence).toBeLessThan(0.3);
    expect(d.summary).toMatch(/normal/);
    expect(judge(o)).toBeNull();
  });
});

describe('diagnosis details', () => {
  it('decodes the Akamai reference from an entity-encoded page', () => {
    const d = diagnose(obs({ status: 403, headers: { server: 'AkamaiGHost' }, pageText: '<TITLE>Access Denied</TITLE>Reference&#32;&#35;18&#46;6f3a1b2c&#46;1736942400&#46;5d4e3f2' }));
    expect(d.reference).toEqual({ label: 'Akamai Reference #', value: '18.6f3a1b2c.1736942400.5d4e3f2' });
  });

  it('gives retryAfterSeconds from Retry-After and from a GitHub reset time', () => {
    expect(diagnose(obs({ status: 429, headers: { 'retry-after': '90' } })).retryAfterSeconds).toBe(90);
    const reset = String(T0 / 1000 + 600);
    const d = diagnose(obs({ status: 403, url: 'https://api.github.com/user', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-github-request-id': 'A:B' } }));
    expect(d.vendor).toBe('github');
    expect(d.retryAfterSeconds).toBe(600);
  });

  it('lets weak signals count only together', () => {
    const one = diagnose(obs({ status: 403, pageText: 'Your IP is logged.' }));
    const three = diagnose(obs({ status: 403, pageText: 'Your IP is not allowed here; ask for the allowlist.' }));
    expect(one.category).toBe('insufficient-permissions');
    expect(three.category).toBe('ip-restriction');
    expect(three.confidence).toBeLessThan(0.7);
  });

  it('keeps evidence checkable: status first, then the markers, with notes', () => {
    const d = diagnose(obs({ status: 403, headers: { ...CF, 'cf-mitigated': 'challenge' } }));
    expect(d.evidence[0]).toMatchObject({ kind: 'status', value: '403' });
    expect(d.evidence.map((e) => e.name)).toEqual(expect.arrayContaining(['cf-mitigated', 'cf-ray']));
    for (const e of d.evidence) expect(e.note.length).toBeGreaterThan(5);
  });

  it('names the browser-side causes without a status', () => {
    const d = diagnose(obs({ status: 0, type: 'sub_frame', error: 'net::ERR_BLOCKED_BY_RESPONSE', headers: { 'content-security-policy': "frame-ancestors 'self'" } }));
    expect(d).toMatchObject({ category: 'blocked-by-response', cause: 'blocked-by-response-frame', fixes: ['open-directly', 'retry'] });
  });
});
