import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose';
import { judge } from '../../src/engine/judge';
import { SIGNATURES } from '../../src/engine/signatures';
import { FIXTURES } from '../fixtures';
import { realNearMisses, realPositives } from '../fixtures/real/coverage';

/** The finding as a user would see it: nothing at all ("fine"), or category, vendor, reference, fixes. */
function seen(fixture: (typeof FIXTURES)[number]) {
  const d = judge(fixture.obs);
  return d === null ? { category: 'fine', vendor: null, cause: undefined, d } : { category: d.category, vendor: d.vendor, cause: d.cause, d };
}

describe('fixture corpus', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture.kind} ${fixture.signature}: ${fixture.name}`, () => {
      const got = seen(fixture);
      const { expect: want } = fixture;
      expect({ category: got.category, vendor: got.vendor }).toEqual({ category: want.category, vendor: want.vendor });
      if (fixture.kind === 'positive') {
        // Expected results (Cloudflare's PAT 401) are left out by judge; the engine still names them.
        expect(diagnose(fixture.obs).cause).toBe(fixture.signature);
      } else {
        expect(got.cause).not.toBe(fixture.signature);
      }
      if (want.cause && got.d) expect(got.cause).toBe(want.cause);
      if (want.reference !== undefined) expect(got.d?.reference?.value ?? diagnose(fixture.obs).reference?.value).toBe(want.reference);
      if (want.fixes) expect(got.d?.fixes.slice(0, want.fixes.length)).toEqual(want.fixes);
    });
  }

  it('has a positive and a near-miss fixture for every signature, written or from the real corpus', () => {
    const written = (id: string, kind: 'positive' | 'near-miss') => FIXTURES.some((f) => f.signature === id && f.kind === kind);
    const missing = SIGNATURES.flatMap((sig) => [
      ...(written(sig.id, 'positive') || realPositives(sig).length > 0 ? [] : [`${sig.id} (positive)`]),
      ...(written(sig.id, 'near-miss') || realNearMisses(sig).length > 0 ? [] : [`${sig.id} (near-miss)`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('names no fixture after a signature that does not exist', () => {
    const ids = new Set(SIGNATURES.map((s) => s.id));
    expect(FIXTURES.filter((f) => !ids.has(f.signature)).map((f) => f.name)).toEqual([]);
  });

  it('writes text markers in lower case (matching compares with lower-cased text)', () => {
    const texts = SIGNATURES.flatMap((s) => [...s.acted, ...(s.requireAll ?? []), ...(s.requireAny ?? []), ...(s.presence ?? []), ...(s.unless ?? [])])
      .flatMap((m) => ('body' in m ? [m.body] : 'title' in m ? [m.title] : 'json' in m ? [m.json] : []));
    expect(texts.filter((t) => t !== t.toLowerCase())).toEqual([]);
  });

  it('has unique signature ids', () => {
    const ids = SIGNATURES.map((s) => s.id);
    expect(ids.length).toBe(new Set(ids).size);
  });
});
