import { describe, expect, it } from 'vitest';
import { compactHeaders, cookieNamesFrom } from '../../src/background/headers';
import { MAX_EVENT_HEADER_BYTES, MAX_HEADER_VALUE } from '../../src/shared/log';

describe('compactHeaders', () => {
  it('lower-cases names and keeps values', () => {
    expect(compactHeaders([{ name: 'CF-Ray', value: '8f3c2b1a4d5e6f70-FRA' }, { name: 'Server', value: 'cloudflare' }])).toEqual({
      'cf-ray': '8f3c2b1a4d5e6f70-FRA',
      server: 'cloudflare',
    });
  });

  it('stores cookie names from Set-Cookie, never their values', () => {
    const headers = compactHeaders([
      { name: 'Set-Cookie', value: '__cf_bm=SECRETVALUE; path=/; HttpOnly' },
      { name: 'set-cookie', value: 'sid=ANOTHERSECRET' },
    ]);
    expect(JSON.stringify(headers)).not.toContain('SECRET');
    expect(cookieNamesFrom(headers)).toEqual(['__cf_bm', 'sid']);
  });

  it('decodes binaryValue leniently, including invalid UTF-8', () => {
    const headers = compactHeaders([
      { name: 'x-bin', binaryValue: [...Buffer.from('datadome')] },
      { name: 'x-bad', binaryValue: [0xff, 0xfe, 0x41] },
    ]);
    expect(headers['x-bin']).toBe('datadome');
    expect(headers['x-bad']).toContain('A');
  });

  it('bounds a 200 KB header value and the total size', () => {
    const huge = 'x'.repeat(200_000);
    const headers = compactHeaders(Array.from({ length: 50 }, (_, i) => ({ name: `h${i}`, value: huge })));
    for (const value of Object.values(headers)) expect(value.length).toBeLessThanOrEqual(MAX_HEADER_VALUE);
    expect(JSON.stringify(headers).length).toBeLessThan(MAX_EVENT_HEADER_BYTES + 400);
  });

  it('survives garbage', () => {
    const garbage = [null, 42, { name: 7 }, { value: 'no name' }, { name: 'ok', value: 'yes' }] as never;
    expect(compactHeaders(garbage)).toEqual({ ok: 'yes' });
    expect(compactHeaders(undefined)).toEqual({});
  });
});
