/**
 * `npm run zip` (after `npm run build`): the store packages, into artifacts/.
 *   why-blocked-<version>-chrome.zip   dist/chrome, for the Chrome Web Store
 *   why-blocked-<version>-firefox.zip  dist/firefox, built by `web-ext build`, for addons.mozilla.org
 *   why-blocked-<version>-source.zip   the tracked sources: AMO asks for them because the build minifies
 *   CHANGELOG.md and release-notes-<version>.md (this version's section)
 * The Chrome and source zips are written here, byte for byte reproducible (sorted entries, fixed
 * dates), so two builds of one commit give the same files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { deflateRawSync } from 'node:zlib';

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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 in MS-DOS date format, so that the same sources give the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A plain zip (deflate, no zip64: store packages are far below 4 GB). 1980-01-01 00:00 for every date. */
function writeZip(target: string, entries: readonly { name: string; data: Buffer }[]): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name: entryName, data } of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const nameBytes = Buffer.from(entryName, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const stored = packed.length >= data.length;
    const body = stored ? data : packed;
    const crc = crc32(data);
    const fields: FileFields = { stored, crc, packedSize: body.length, size: data.length, nameLength: nameBytes.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeFileFields(local, 4, fields);
    locals.push(local, nameBytes, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeFileFields(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(target, Buffer.concat([...locals, directory, end]));
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

interface FileFields {
  stored: boolean;
  crc: number;
  packedSize: number;
  size: number;
  nameLength: number;
}

/** The 26 bytes a local file header and its central directory entry share (APPNOTE 4.3.7, 4.3.12). */
function writeFileFields(buffer: Buffer, at: number, f: FileFields): void {
  buffer.writeUInt16LE(20, at); // version needed to extract
  buffer.writeUInt16LE(0x0800, at + 2); // names are UTF-8
  buffer.writeUInt16LE(f.stored ? 0 : 8, at + 4);
  buffer.writeUInt16LE(0, at + 6);
  buffer.writeUInt16LE(DOS_DATE, at + 8);
  buffer.writeUInt32LE(f.crc, at + 10);
  buffer.writeUInt32LE(f.packedSize, at + 14);
  buffer.writeUInt32LE(f.size, at + 18);
  buffer.writeUInt16LE(f.nameLength, at + 22);
}
