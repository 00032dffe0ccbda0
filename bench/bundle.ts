import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntryBundle {
  /** Sum of each JavaScript file's gzipped size (level 9): every chunk the entry can pull in. */
  gzipBytes: number;
  rawBytes: number;
  /** The part loaded before the entry runs (static imports and modulepreloads). */
  initialGzipBytes: number;
  files: { file: string; raw: number; gzip: number; lazy: boolean }[];
}

export interface BundleResult {
  dir: string;
  popup: EntryBundle;
  worker: EntryBundle;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

/**
 * Follows an entry's JavaScript through static imports, re-exports and import(): a chunk loaded
 * later still loads (the popup imports the engine lazily but needs it for every finding).
 * Paths starting with '/' are from the extension root.
 */
function follow(root: string, entries: readonly string[]): EntryBundle {
  const initial = reachable(root, entries, false);
  const all = reachable(root, entries, true);
  const files = [...all].map((file) => {
    const bytes = readFileSync(join(root, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, lazy: !initial.has(file) };
  });
  return {
    gzipBytes: files.reduce((a, f) => a + f.gzip, 0),
    rawBytes: files.reduce((a, f) => a + f.raw, 0),
    initialGzipBytes: files.filter((f) => !f.lazy).reduce((a, f) => a + f.gzip, 0),
    files,
  };
}

function reachable(root: string, entries: readonly string[], withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(root, file), 'utf8');
    const resolveSpec = (spec: string): string | null => {
      if (!spec.startsWith('.') && !spec.startsWith('/')) return null;
      return spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec));
    };
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const target = resolveSpec(match[1] as string);
      if (target && target.endsWith('.js')) queue.push(target);
    }
    if (!withDynamic) continue;
    for (const match of source.matchAll(DYNAMIC_IMPORT)) {
      const target = resolveSpec(match[1] as string);
      if (target && target.endsWith('.js')) queue.push(target);
    }
  }
  return seen;
}

/** The scripts an HTML page loads: module/classic script src and modulepreload links. */
function htmlScripts(root: string, htmlPath: string): string[] {
  const html = readFileSync(join(root, htmlPath), 'utf8');
  const out: string[] = [];
  const attr = /<(?:script[^>]*\ssrc|link[^>]*rel=["']modulepreload["'][^>]*\shref)=["']([^"']+)["']/g;
  for (const match of html.matchAll(attr)) {
    const src = match[1] as string;
    out.push(src.startsWith('/') ? src.slice(1) : posix.normalize(posix.join(posix.dirname(htmlPath), src)));
  }
  return out.filter((f) => f.endsWith('.js'));
}

/** Section 6: gzipped JavaScript of the popup and of the worker in a Chrome build. */
export function measureBundles(dir: string): BundleResult {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}/manifest.json is missing: build first`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    action?: { default_popup?: string };
  };
  const worker = manifest.background?.service_worker;
  const popup = manifest.action?.default_popup;
  if (!worker || !popup) throw new Error(`${dir}/manifest.json has no service worker or popup`);
  return { dir: relative(process.cwd(), dir) || dir, worker: follow(dir, [worker]), popup: follow(dir, htmlScripts(dir, popup)) };
}
