import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipBytes } from '../../scripts/write-zip';

const entries = [
  { name: 'manifest.json', data: new TextEncoder().encode('{"manifest_version":3}') },
  { name: 'assets/index.js', data: new TextEncoder().encode('console.log(1);'.repeat(50)) },
  { name: 'icons/ü.png', data: new Uint8Array([137, 80, 78, 71, 0, 255]) },
];

describe('zipBytes (npm run zip)', () => {
  it('unzips to exactly what it was given', () => {
    const back = unzipSync(zipBytes(entries));
    expect(Object.keys(back).sort()).toEqual(entries.map((e) => e.name).sort());
    for (const { name, data } of entries) expect(back[name]).toEqual(data);
  });

  it('gives the same bytes for the same files in any order', () => {
    expect(zipBytes(entries)).toEqual(zipBytes([...entries].reverse()));
  });
});
