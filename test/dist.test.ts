import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// What only bench and test builds may carry: the bench probe's global and module, test doubles.
const HOOKS = ['__whyBlockedBench', 'worker-probe', 'bench-helper', 'fake-browser', 'vitest', '__BENCH__'];
const root = join(__dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'why-blocked-dist-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Builds as `npm run build` does, into a temporary directory (dist/ is left alone); returns every file's text. */
function build(mode: 'chrome' | 'firefox', env: Record<string, string> = {}): Map<string, string> {
  const dir = join(out, `${mode}-${Object.keys(env).length}`);
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const { WHY_BLOCKED_BENCH: _, ...clean } = process.env;
  const run = spawnSync(process.execPath, [vite, 'build', '--mode', mode, '--outDir', dir, '--logLevel', 'error'], { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(path.slice(dir.length + 1), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

const hooksIn = (files: Map<string, string>): string[] =>
  [...files].flatMap(([name, text]) => HOOKS.filter((hook) => name.includes(hook) || text.includes(hook)).map((hook) => `${name}: ${hook}`));

describe('the shipped build', () => {
  it.each(['chrome', 'firefox'] as const)('%s holds no bench or test hook', (mode) => {
    expect(hooksIn(build(mode))).toEqual([]);
  }, 60_000);

  it('a bench build does hold the probe, so the search above would see it', () => {
    expect(hooksIn(build('chrome', { WHY_BLOCKED_BENCH: '1' }))).not.toEqual([]);
  }, 60_000);
});
