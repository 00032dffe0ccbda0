import { writeFileSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';

/**
 * Same date on every entry, so two builds of one commit give the same bytes. fflate reads the
 * local date parts of it, which are what this constructor sets, in any time zone.
 */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

/** A plain deflate zip with its entries sorted by name: byte for byte reproducible. */
export function zipBytes(entries: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const files: Zippable = {};
  for (const { name, data } of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) files[name] = [data, { level: 9, mtime: FIXED_DATE }];
  return zipSync(files);
}

export function writeZip(target: string, entries: readonly { name: string; data: Uint8Array }[]): void {
  writeFileSync(target, zipBytes(entries));
}
