import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../src/engine/types';
import type { RefusalEvent } from '../../src/shared/log';
import { parseHar } from '../../src/engine/har';
import { headersThatMattered, toHar, toJson } from '../../src/popup/dev-export';

const event: RefusalEvent = {
  seq: 1,
  time: Date.UTC(2025, 0, 2, 3, 4, 5),
  url: 'https://shop.example/cart?item=3',
  method: 'GET',
  type: 'main_frame',
  status: 403,
  frameId: 0,
  headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-FRA', 'set-cookie': '__cf_bm\ncf_clearance' },
  cause: 'cloudflare-block',
  category: 'security-block',
  vendor: 'cloudflare',
  severity: 2,
};
const diagnosis: Diagnosis = {
  cause: 'cloudflare-block',
  category: 'security-block',
  vendor: 'cloudflare',
  confidence: 0.93,
  evidence: [{ kind: 'header', name: 'CF-Ray', value: '8a1b2c3d4e5f-FRA', note: 'n' }],
  reference: { label: 'Cloudflare Ray ID', value: '8a1b2c3d4e5f-FRA' },
  fixes: [],
  retryAfterSeconds: null,
  summary: '',
  developerNote: '',
};

describe('developer exports', () => {
  it('highlights the headers named in the evidence', () => {
    expect([...headersThatMattered(diagnosis)]).toEqual(['cf-ray']);
  });

  it('writes a HAR 1.2 log with one entry per refusal and repeated headers split', () => {
    const har = JSON.parse(toHar([{ event, diagnosis }], '1.2.3'));
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Why Blocked', version: '1.2.3' });
    const [entry] = har.log.entries;
    expect(entry.startedDateTime).toBe('2025-01-02T03:04:05.000Z');
    expect(entry.request).toMatchObject({ method: 'GET', url: event.url, queryString: [{ name: 'item', value: '3' }], headersSize: -1 });
    expect(entry.response.status).toBe(403);
    expect(entry.response.headers.filter((h: { name: string }) => h.name === 'set-cookie')).toHaveLength(2);
    // DevTools' word, so that HAR readers (our own explainer too) read the type back.
    expect(entry._resourceType).toBe('document');
  });

  it('writes a HAR the HAR explainer reads back with the same resource types', () => {
    const rows = ['main_frame', 'image', 'xmlhttprequest', 'script'].map((type, seq) => ({ event: { ...event, seq, type }, diagnosis }));
    expect(parseHar(JSON.parse(toHar(rows, '1.2.3'))).map((o) => o.type)).toEqual(['main_frame', 'image', 'xmlhttprequest', 'script']);
  });

  it('writes JSON with the diagnosis beside the request', () => {
    const [row] = JSON.parse(toJson([{ event, diagnosis }]));
    expect(row).toMatchObject({ status: 403, cause: 'cloudflare-block', reference: { value: '8a1b2c3d4e5f-FRA' } });
  });
});
