import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '../..');

/** Every module a source file reaches through static and dynamic imports (relative ones only). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)) {
      const spec = (m[1] as string).replace(/\?.*$/, '');
      const base = resolve(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
      if (found) queue.push(found);
    }
  }
  return seen;
}

it('the worker reaches the matching core and never the engine prose', () => {
  const files = [...reachable(join(root, 'src/background/index.ts'))].map((f) => f.slice(root.length + 1));
  expect(files).toContain('src/engine/core.ts');
  expect(files).toContain('src/engine/precheck.ts');
  expect(files).toContain('src/engine/signatures/cloudflare.ts');
  expect(files.filter((f) => /engine\/(prose\/|to-diagnosis\.ts|diagnose\.ts|judge\.ts)/.test(f))).toEqual([]);
});

it('the popup reaches no signatures: the worker diagnoses for it', () => {
  const files = [...reachable(join(root, 'src/popup/main.tsx'))].map((f) => f.slice(root.length + 1));
  expect(files).toContain('src/engine/to-diagnosis.ts');
  expect(files.filter((f) => /engine\/(signatures\/|core\.ts|diagnose\.ts)/.test(f))).toEqual([]);
});
