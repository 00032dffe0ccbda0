import { describe, expect, it } from 'vitest';
import { ORIGINS } from '../../src/engine/origins';
import { SIGNATURES } from '../../src/engine/signatures';
import { hasVendorLabel } from '../../src/engine/vendor-label';

describe('vendor labels', () => {
  it('name every vendor a signature or an origin can report, so the popup never shows a raw id', () => {
    const vendors = new Set([...SIGNATURES.flatMap((s) => (s.vendor ? [s.vendor] : [])), ...ORIGINS.map((o) => o.vendor)]);
    expect([...vendors].filter((v) => !hasVendorLabel(v))).toEqual([]);
  });
});
