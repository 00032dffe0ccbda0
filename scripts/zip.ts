/**
 * `npm run zip` (after `npm run build`): the store packages, into artifacts/.
 *   why-blocked-<version>-chrome.zip   dist/chrome, for the Chrome Web Store
 *   why-blocked-<version>-firefox.zip  dist/firefox, built by `web-ext build`, for addons.mozilla.org
 *   why-blocked-<version>-source.zip   the tracked sources: AMO asks for them because the build minifies
 *   CHANGELOG.md and release-notes-<version>.md (this version's section)
 * The Chrome and source zips are written here with fflate (write-zip.ts), byte for byte reproducible
 * (sorted entries, fixed dates), so two builds of one commit give the same files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { writeZip } from './write-zip';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'artifacts');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

function fail(message: string): never {
  console.error(`zip: ${message}`);
  process.exit(1);
}

/** The built manifest must carry package.json's version: the stores read it from there. */
function checkDist(target: 'chrome' | 'firefox'): string {
  const dir = join(root, 'dist', target);
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) fail(`${relative(root, dir)} is missing: run \`npm run build\` first (npm run zip does).`);
  const built = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
  if (built !== version) fail(`${relative(root, manifest)} has version ${built}, package.json ${version}: rebuild.`);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zipDir(dir: string, target: string): void {
  writeZip(
    target,
    filesUnder(dir).map((file) => ({ name: relative(dir, file).split(sep).join('/'), data: readFileSync(file) })),
  );
}

/** Tracked files only (git ls-files), so nothing local or secret slips into the source package. */
function zipSources(target: string): boolean {
  const listed = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) return false;
  const files = listed.stdout.split('\0').filter((file) => file && existsSync(join(root, file)));
  writeZip(target, files.map((file) => ({ name: file, data: readFileSync(join(root, file)) })));
  return true;
}

function firefoxPackage(dir: string, filename: string): void {
  const webExt = join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
  if (!existsSync(webExt)) fail('web-ext is not installed: run `npm ci`.');
  const run = spawnSync(
    process.execPath,
    [webExt, 'build', '--source-dir', dir, '--artifacts-dir', out, '--filename', filename, '--overwrite-dest', '--no-input'],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) fail('web-ext build failed (see above).');
}

/** This version's section of CHANGELOG.md ("## 0.2.0" or "## [0.2.0]" up to the next "## "). */
function releaseNotes(changelog: string): string | null {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`).test(line));
  if (start < 0) return null;
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start, next < 0 ? undefined : next).join('\n').trim() + '\n';
}

const chrome = checkDist('chrome');
const firefox = checkDist('firefox');
mkdirSync(out, { recursive: true });
const base = `${name}-${version}`;
const made: string[] = [];

zipDir(chrome, join(out, `${base}-chrome.zip`));
made.push(`${base}-chrome.zip`);
firefoxPackage(firefox, `${base}-firefox.zip`);
made.push(`${base}-firefox.zip`);
if (zipSources(join(out, `${base}-source.zip`))) made.push(`${base}-source.zip`);
else console.warn('zip: not a git checkout; no source package (addons.mozilla.org asks for one).');

const changelogPath = join(root, 'CHANGELOG.md');
if (existsSync(changelogPath)) {
  copyFileSync(changelogPath, join(out, 'CHANGELOG.md'));
  made.push('CHANGELOG.md');
  const notes = releaseNotes(readFileSync(changelogPath, 'utf8'));
  if (notes) {
    writeFileSync(join(out, `release-notes-${version}.md`), notes);
    made.push(`release-notes-${version}.md`);
  } else {
    console.warn(`zip: CHANGELOG.md has no "## ${version}" section; add one before publishing.`);
  }
} else {
  console.warn('zip: CHANGELOG.md is missing.');
}

for (const file of made) {
  const data = readFileSync(join(out, file));
  const sha = createHash('sha256').update(data).digest('hex').slice(0, 16);
  console.log(`${`artifacts/${file}`.padEnd(48)} ${(data.length / 1024).toFixed(1).padStart(8)} KB  sha256 ${sha}…`);
}
