import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const har = (name: string): string => join(root, 'test/fixtures/har', name);

function explain(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/explain.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run explain', () => {
  it('--json prints exactly one JSON document with the refused entries', () => {
    const { code, stdout, stderr } = explain(har('mixed.har'), '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const doc = JSON.parse(stdout) as { entries: { index: number; category: string; vendor: string | null; inFront: string[]; reference: string | null; fixes: string[]; evidence: unknown[]; confidence: number; url: string; status: number }[] };
    expect(Object.keys(doc)).toEqual(['entries']);
    expect(doc.entries.map((e) => e.index)).toEqual([0, 3, 4, 5, 7, 8]);
    expect(doc.entries[0]).toMatchObject({ url: 'https://www.example.com/', status: 403, category: 'security-challenge', vendor: 'cloudflare', reference: '8e2a4b6c1d3f5a7b-FRA' });
    expect(doc.entries[4]).toMatchObject({ vendor: 'akamai', reference: '18.2d351ab8.1736942400.a4e16ab' });
    // A vendor only seen in front is listed apart, never as the one that refused.
    for (const e of doc.entries) expect(e.inFront).not.toContain(e.vendor);
    for (const e of doc.entries) {
      expect(e.evidence.length).toBeGreaterThan(0);
      expect(e.confidence).toBeGreaterThan(0);
    }
    expect(stdout).not.toContain('SECRETVALUE');
  });

  it('prints a readable report by default', () => {
    const { code, stdout } = explain(har('mixed.har'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^6 refused of 9 entries\./);
    expect(stdout).toContain('Akamai Reference #: 18.2d351ab8.1736942400.a4e16ab');
    expect(stdout).not.toContain('challenge-platform/h/g/pat');
  });

  it('says so when nothing was refused', () => {
    expect(explain(har('clean.har'), '--json').stdout.trim()).toBe('{"entries":[]}');
  });

  it.each(['truncated.har', 'wrong-types.har', 'not-json.har', 'missing.har'])('fails on %s with one line on stderr and no stack', (name) => {
    const { code, stdout, stderr } = explain(har(name), '--json');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('fails cleanly on a huge non-HAR file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-'));
    const file = join(dir, 'huge.har');
    writeFileSync(file, `{"log":{"entries":[${'"x",'.repeat(2_000_000)}"x"]}}`);
    const { code, stderr } = explain(file);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
