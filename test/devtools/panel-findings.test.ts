import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainHar } from '../../src/engine/har';
import { MAX_TEXT } from '../../src/engine/match';
import { reportFor } from '../../src/engine/report';
import { bounded, findingOf, groupByCategory, harEntries, vendorsInFront, wantsBody, withContent, type PanelFinding } from '../../src/devtools/panel-findings';
import { refusedHar, refusedHarName } from '../../src/devtools/refused-har';
import { F5_SUPPORT_ID } from './lab-page';
import { pathOf, recordedEntries } from './recorded';

/** The panel's logic on what Chromium's DevTools really gave for the block lab's DevTools page. */
const entries = recordedEntries();
const findings = entries.map((e) => findingOf(e)).filter((f): f is PanelFinding => f !== null);
const byPath = (method: string, path: string): PanelFinding => {
  const found = findings.find((f) => f.observation.method === method && pathOf(f.observation.url) === path);
  if (!found) throw new Error(`no finding for ${method} ${path}`);
  return found;
};

describe('findings from DevTools entries', () => {
  it('finds every refused request of the lab page and nothing else', () => {
    expect(entries).toHaveLength(12);
    expect(findings.map((f) => `${f.observation.method} ${pathOf(f.observation.url)} ${f.diagnosis.cause}`).sort()).toEqual([
      'GET /api/account insufficient-permissions-api',
      'GET /api/orders insufficient-permissions-api',
      'GET /api/search?q=shoes rate-limit',
      'GET /cloudflare/block cloudflare-block',
      'GET /cloudflare/challenge cloudflare-challenge',
      'GET /f5/rejected f5-asm-block',
      'GET /hostile cloudflare-block',
      'GET /img/photo.jpg insufficient-permissions',
      'POST /api/orders insufficient-permissions-api',
    ]);
  });

  it('agrees with the HAR explainer entry for entry', () => {
    const explained = explainHar({ log: { entries } }).findings;
    expect(findings.map((f) => [f.observation.url, f.observation.method, f.diagnosis])).toEqual(explained.map((f) => [f.observation.url, f.observation.method, f.diagnosis]));
  });

  it('names the vendor, the reference id and the vendors merely in front', () => {
    const block = byPath('GET', '/cloudflare/block').diagnosis;
    expect(block).toMatchObject({ vendor: 'cloudflare', category: 'security-block', reference: { label: 'Cloudflare Ray ID', value: '8f3c2b1a4d5e6f70-FRA' } });
    expect(vendorsInFront(block)).toEqual([]);
    // F5 answers 200: only the body, read through getContent, says it refused.
    expect(byPath('GET', '/f5/rejected').diagnosis).toMatchObject({ vendor: 'f5', reference: { value: F5_SUPPORT_ID } });
    const passedOn = byPath('GET', '/api/account').diagnosis;
    expect(passedOn.vendor).toBeNull();
    expect(vendorsInFront(passedOn)).toEqual(['cloudflare']);
  });

  it('shows evidence from the body as well as the headers', () => {
    const kinds = byPath('GET', '/cloudflare/challenge').diagnosis.evidence.map((e) => e.kind);
    expect(kinds).toContain('header');
    expect(byPath('GET', '/f5/rejected').diagnosis.evidence.some((e) => e.kind === 'body' || e.kind === 'title')).toBe(true);
  });

  it('groups by cause in the engine order of categories, then by time', () => {
    const groups = groupByCategory(findings);
    expect(groups.map((g) => [g.category, g.findings.length])).toEqual([
      ['security-block', 3],
      ['security-challenge', 1],
      ['rate-limit', 1],
      ['insufficient-permissions', 4],
    ]);
    for (const g of groups) {
      const times = g.findings.map((f) => f.observation.time);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('asks for a body only for refusals, error statuses and documents', () => {
    const wanted = entries.filter((e) => wantsBody(e)).map((e) => pathOf(e.request.url));
    expect(wanted).not.toContain('/ok');
    expect(wanted).not.toContain('/favicon.ico');
    expect(wanted).toContain('/f5/rejected');
    expect(wanted).toContain('/api/orders');
    expect(wantsBody('not an entry')).toBe(false);
  });

  it('bounds a body as the engine does, and copies no method', () => {
    const entry = { ...entries[1], getContent: () => undefined } as Record<string, unknown>;
    const huge = withContent(entry, 'x'.repeat(MAX_TEXT * 3));
    expect(((huge.response as { content: { text: string } }).content.text).length).toBe(MAX_TEXT);
    expect('getContent' in huge).toBe(false);
    const b64 = withContent(entry, 'QUFB'.repeat(MAX_TEXT), 'base64');
    expect((b64.response as { content: { text: string; encoding: string } }).content).toMatchObject({ encoding: 'base64' });
    expect(((b64.response as { content: { text: string } }).content.text).length).toBeLessThanOrEqual(Math.ceil((MAX_TEXT * 4) / 3) + 4);
  });

  it('skips an entry that is not usable HAR instead of failing the panel', () => {
    expect(findingOf({ request: {} })).toBeNull();
    expect(findingOf(null)).toBeNull();
  });

  it('keeps page-controlled text on one bounded line', () => {
    expect(bounded('a\nb\tc')).toBe('a b c');
    expect(bounded('x'.repeat(1000), 50)).toHaveLength(50);
  });
});

describe('the report and the HAR export', () => {
  it('copies a report with the reference and without the query string', () => {
    const { observation, diagnosis } = byPath('GET', '/api/search?q=shoes');
    const report = reportFor(observation, diagnosis);
    expect(report).toContain('Status: 429');
    expect(report).not.toContain('q=shoes');
    const block = byPath('GET', '/cloudflare/block');
    expect(reportFor(block.observation, block.diagnosis)).toContain('Cloudflare Ray ID: 8f3c2b1a4d5e6f70-FRA');
  });

  it('exports only the refused entries, which the HAR explainer reads back to the same findings', () => {
    const har = refusedHar(findings, '9.9.9');
    const parsed = JSON.parse(har) as { log: { version: string; creator: { name: string; version: string }; entries: unknown[] } };
    expect(parsed.log).toMatchObject({ version: '1.2', creator: { name: 'Why Blocked', version: '9.9.9' } });
    expect(parsed.log.entries).toHaveLength(findings.length);
    const again = explainHar(har).findings;
    expect(again.map((f) => f.diagnosis.cause)).toEqual(findings.map((f) => f.diagnosis.cause));
    expect(again.map((f) => f.diagnosis.reference)).toEqual(findings.map((f) => f.diagnosis.reference));
  });

  it('leaves credentials out of the export but keeps cookie names', () => {
    const base = entries[2] as { request: { headers: { name: string; value: string }[] }; response: { headers: { name: string; value: string }[] } };
    const withSecrets = {
      ...base,
      request: { ...base.request, headers: [...base.request.headers, { name: 'Cookie', value: 'sid=SECRET1; __cf_bm=SECRET2' }, { name: 'Authorization', value: 'Bearer SECRET3' }], cookies: [{ name: 'sid', value: 'SECRET1' }] },
      response: { ...base.response, headers: [...base.response.headers, { name: 'Set-Cookie', value: '__cf_bm=SECRET4; Path=/' }] },
    };
    const finding = findingOf(withSecrets);
    expect(finding).not.toBeNull();
    const har = refusedHar([finding as PanelFinding], '1');
    expect(har).not.toMatch(/SECRET/);
    expect(har).toContain('"sid=; __cf_bm="');
    expect(har).toContain('"__cf_bm="');
    expect(explainHar(har).findings[0]?.observation.cookies).toEqual(expect.arrayContaining(['sid', '__cf_bm']));
  });

  it('names the file after the site and the time', () => {
    expect(refusedHarName('http://127.0.0.1:8080/x?y', new Date('2026-01-02T03:04:05Z'))).toBe('why-blocked-127.0.0.1-2026-01-02-03-04-05.har');
    expect(refusedHarName('', new Date('2026-01-02T03:04:05Z'))).toBe('why-blocked-page-2026-01-02-03-04-05.har');
  });

  it('reads a HAR file picked by hand, and says why another file is not one', () => {
    expect(harEntries(readFileSync(join(__dirname, '../fixtures/har/devtools-lab-chromium.har'), 'utf8'))).toHaveLength(12);
    expect(() => harEntries('{')).toThrow(/JSON/);
    expect(() => harEntries('{"log":{}}')).toThrow(/entries/);
  });
});

describe('the panel source', () => {
  const dir = join(__dirname, '../../src/devtools');
  const code = readdirSync(dir)
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');

  it('never sets HTML from strings: page-controlled text is rendered as text', () => {
    expect(code).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/);
  });

  it('uses no browser API but DevTools, i18n and the manifest: nothing for the worker to do', () => {
    expect(code).not.toMatch(/\b(browser|chrome)\.(webRequest|storage|tabs|scripting|cookies)\b|sendMessage/);
  });
});
