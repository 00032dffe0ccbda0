import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Bench builds go here, never to dist/ (the end-to-end tests use dist/ at the same time). */
export const BUILD_DIR = resolve(ROOT, '.tmp/bench');
export const GECKO_ID = 'why-blocked@why-blocked.dev';
/** An empty extension page to run extension API calls in (Firefox has no worker to evaluate in). */
export const HELPER_PAGE = 'bench-helper.html';

export type Target = 'chrome' | 'firefox';

/**
 * Builds Why Blocked for `target` into .tmp/bench/<target>-<flavour>: `prod` is what
 * `npm run build` makes; `probe` has WHY_BLOCKED_BENCH=1 (handler timing, bench/worker-probe.ts);
 * `compare` is another checkout's production build (`--compare DIR`), built with that checkout's vite;
 * `profile` is the production build unminified, for readable names in bench/profile-worker.ts.
 */
export async function buildWhyBlocked(target: Target, flavour: 'prod' | 'probe' | 'compare' | 'profile', reuse: boolean, sourceRoot: string = ROOT): Promise<string> {
  const outDir = join(BUILD_DIR, `${target}-${flavour}`);
  if (!(reuse && existsSync(join(outDir, 'manifest.json')))) {
    const env = { ...process.env };
    if (flavour === 'probe') env.WHY_BLOCKED_BENCH = '1';
    else delete env.WHY_BLOCKED_BENCH;
    env.NO_COLOR = '1';
    const vite = resolve(sourceRoot, 'node_modules/vite/bin/vite.js');
    // Others edit the sources while the bench runs: a build caught mid-edit is tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        const unminified = flavour === 'profile' ? ['--minify', 'false'] : [];
        await run(process.execPath, [vite, 'build', '--mode', target, '--outDir', outDir, '--logLevel', 'warn', ...unminified], env, sourceRoot);
        break;
      } catch (error) {
        if (attempt === 4) throw error;
        process.stderr.write(`bench: build ${target}-${flavour} failed (attempt ${attempt}), retrying in 10 s\n${String(error).slice(0, 600)}\n`);
        await new Promise((r) => setTimeout(r, 10_000));
      }
    }
  }
  writeFileSync(join(outDir, HELPER_PAGE), '<!doctype html><meta charset="utf-8"><title>bench helper</title><script src="bench-helper.js"></script>');
  writeFileSync(join(outDir, 'bench-helper.js'), '// Bench helper page: the bench evaluates extension API calls here.\n');
  return outDir;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}

export type WebRequestEvent = 'onCompleted' | 'onHeadersReceived' | 'onResponseStarted';

/** A listener set for a minimal extension: which event, and which extra detail it asks for. */
export interface ListenerOptions {
  event: WebRequestEvent;
  responseHeaders?: boolean;
  /** Chromium only: `extraHeaders` (Firefox rejects it). */
  extraHeaders?: boolean;
  /**
   * Also the other listeners of Why Blocked's design, empty: `onHeadersReceived` with
   * `responseHeaders` on documents only, and `onErrorOccurred` (with `event: 'onHeadersReceived'`
   * and no responseHeaders, this is the whole set Why Blocked registers by default).
   */
  documentsWithHeaders?: boolean;
}

export function describeListener(options: ListenerOptions): string {
  return [
    options.event,
    options.responseHeaders ? '+responseHeaders' : '',
    options.extraHeaders ? '+extraHeaders' : '',
    options.documentsWithHeaders ? ' & onHeadersReceived(documents)+responseHeaders & onErrorOccurred' : '',
  ].join('');
}

/**
 * Writes a minimal extension into a new temp dir: a manifest and a background whose only code is
 * one empty webRequest listener on <all_urls>. With `{ event: 'onCompleted' }` it is the floor:
 * the least any extension that watches responses can cost.
 */
export function writeListenerExtension(target: Target, options: ListenerOptions): string {
  const dir = mkdtempSync(join(tmpdir(), 'why-blocked-bench-ext-'));
  generated.push(dir);
  const extra = [options.responseHeaders ? 'responseHeaders' : '', options.extraHeaders ? 'extraHeaders' : ''].filter(Boolean);
  const background =
    `chrome.webRequest.${options.event}.addListener(function () {}, { urls: ['<all_urls>'] }` +
    (extra.length ? `, ${JSON.stringify(extra)});\n` : ');\n') +
    (options.documentsWithHeaders
      ? "chrome.webRequest.onHeadersReceived.addListener(function () {}, { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame'] }, ['responseHeaders']);\n" +
        "chrome.webRequest.onErrorOccurred.addListener(function () {}, { urls: ['<all_urls>'] });\n"
      : '');
  const manifest = {
    manifest_version: 3,
    name: `bench ${describeListener(options)}`,
    version: '1.0',
    permissions: ['webRequest'],
    host_permissions: ['<all_urls>'],
    background: target === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    ...(target === 'firefox'
      ? { browser_specific_settings: { gecko: { id: `bench-${options.event.toLowerCase()}-${extra.length}${options.documentsWithHeaders ? '-design' : ''}@why-blocked.dev`, data_collection_permissions: { required: ['none'] } } } }
      : {}),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), background);
  return dir;
}

const generated: string[] = [];

export function removeGeneratedExtensions(): void {
  for (const dir of generated.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}
