import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainHar, HarError, parseHar } from '../../src/engine/har';

const read = (name: string): string => readFileSync(new URL(`../fixtures/har/${name}`, import.meta.url), 'utf8');

describe('parseHar', () => {
  it('turns entries into observations: types, headers, cookie names, errors, initiator, page text', () => {
    const observations = parseHar(read('mixed.har'));
    expect(observations).toHaveLength(9);
    const [challenge, , , blocked, api, image] = observations;
    expect(challenge).toMatchObject({ type: 'main_frame', status: 403, cookies: ['__cf_bm'], time: Date.UTC(2025, 0, 15, 12) });
    expect(challenge?.headers['cf-mitigated']).toBe('challenge');
    expect(challenge?.pageText).toContain('Just a moment');
    expect(blocked).toMatchObject({ status: 0, error: 'net::ERR_BLOCKED_BY_CLIENT', type: 'script' });
    expect(api).toMatchObject({ type: 'xmlhttprequest' });
    expect(api?.pageText).toContain('forbidden');
    expect(image).toMatchObject({ type: 'image', initiator: 'https://www.example.com/' });
  });

  it('keeps cookie names and never cookie values', () => {
    expect(JSON.stringify(parseHar(read('mixed.har')))).not.toContain('SECRETVALUE');
  });

  it('decodes base64 content', () => {
    expect(parseHar(read('f5-base64.har'))[1]?.pageText).toContain('The requested URL was rejected');
  });

  it('rejects what is not HAR with a one-line HarError', () => {
    for (const [input, message] of [
      [read('truncated.har'), /not valid JSON/],
      [read('not-json.har'), /not valid JSON/],
      [read('wrong-types.har'), /entry 0: request.url is not a string/],
      [{}, /"log" is missing/],
      [{ log: { entries: {} } }, /"log.entries" is not an array/],
      [{ log: { entries: [{ request: { url: 'x', headers: 'nope' }, response: { status: 200 } }] } }, /request.headers is not an array/],
      [42, /top level/],
    ] as const) {
      expect(() => parseHar(input)).toThrow(HarError);
      expect(() => parseHar(input)).toThrow(message);
      try {
        parseHar(input);
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    }
  });
});

describe('explainHar', () => {
  it('reports refused entries by their index and leaves fine and expected ones out', () => {
    const { total, findings } = explainHar(read('mixed.har'));
    expect(total).toBe(9);
    expect(findings.map((f) => [f.index, f.diagnosis.cause])).toEqual([
      [0, 'cloudflare-challenge'],
      [3, 'blocked-by-client'],
      [4, 'insufficient-permissions-api'],
      [5, 'hotlink-protection'],
      [7, 'akamai-block'],
      [8, 'github-rate-limit'],
    ]);
  });

  it('finds a block page served with 200 when the document text is in the HAR', () => {
    const { findings } = explainHar(read('f5-base64.har'));
    expect(findings.map((f) => [f.index, f.diagnosis.vendor, f.diagnosis.reference?.value])).toEqual([[1, 'f5', '14571864301739120986']]);
  });

  it('returns nothing for a clean recording', () => {
    expect(explainHar(read('clean.har')).findings).toEqual([]);
  });
});
