import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose';
import { FIXTURES } from '../fixtures';
import { obs } from '../fixtures/fixture';

/** Observations per second over `ms` milliseconds (after a warm-up). */
function rate(list: readonly Parameters<typeof diagnose>[0][], ms = 300): number {
  for (const o of list) diagnose(o);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const o of list) diagnose(o);
    n += list.length;
  }
  return (n * 1000) / (performance.now() - start);
}

describe('engine speed', () => {
  // Targets are 100k ordinary and 20k refused per second (measured with tsx); the asserted floors are
  // far lower because test workers share the CPU: they catch an accidental quadratic, not a few percent.
  it('diagnoses ordinary responses fast', () => {
    const ordinary = [obs({ status: 200, headers: { server: 'cloudflare', 'cf-ray': 'x' }, cookies: ['__cf_bm'] }), obs({ status: 304, type: 'image' }), obs({ status: 204, type: 'xmlhttprequest' })];
    const perSecond = rate(ordinary);
    console.log(`ordinary: ${Math.round(perSecond)} / s`);
    expect(perSecond).toBeGreaterThan(10_000);
  });

  it('diagnoses refused responses (the whole corpus, with page text) well under a millisecond each', () => {
    const refused = FIXTURES.filter((f) => f.obs.status >= 400 || f.obs.error).map((f) => f.obs);
    const perSecond = rate(refused);
    console.log(`refused: ${Math.round(perSecond)} / s`);
    expect(perSecond).toBeGreaterThan(1_000);
  });
});
