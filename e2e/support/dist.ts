import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserName } from './executables';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GECKO_ID = 'why-blocked@why-blocked.dev';

/** The built extension for a browser; fails with the fix when it was not built. */
export function distDir(name: BrowserName): string {
  // WHY_BLOCKED_DIST points at another build (holding chrome/ and firefox/), e.g. a release's.
  const dir = resolve(process.env.WHY_BLOCKED_DIST ?? resolve(ROOT, 'dist'), name === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir}/manifest.json is missing: run "npm run build" first.`);
  }
  return dir;
}

/** An extension page with no side effects to evaluate browser API calls in. */
export function helperPagePath(dir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as {
    options_ui?: { page?: string };
    options_page?: string;
    action?: { default_popup?: string };
  };
  const page = manifest.options_ui?.page ?? manifest.options_page ?? manifest.action?.default_popup;
  if (!page) throw new Error(`${dir}/manifest.json names no extension page to run tests in.`);
  return page;
}
