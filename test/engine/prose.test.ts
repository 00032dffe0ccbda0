import { describe as group, expect, it } from 'vitest';
import { diagnoseCore } from '../../src/engine/core';
import { toDiagnosis, type Prose } from '../../src/engine/to-diagnosis';
import { diagnose } from '../../src/engine/diagnose';
import { lexicon } from '../../src/engine/lexicon';
import '../../src/engine/words';
import { markerKey } from '../../src/engine/marker-key';
import PROSE_JSON from '../../src/engine/prose/en.json';
import type { Marker, Signature } from '../../src/engine/signature';
import { SIGNATURES } from '../../src/engine/signatures';
import { FIXTURES } from '../fixtures';

const PROSE = PROSE_JSON as Prose;
const markersOf = (s: Signature): Marker[] => [...s.acted, ...(s.requireAll ?? []), ...(s.requireAny ?? []), ...(s.presence ?? []), ...(s.unless ?? [])];
const NOT_MARKERS = /^(status:(\d+|\*)|network-error|words:[a-z-]+)$/;

group('engine prose (prose/en.json)', () => {
  it('words every cause: a summary and a developer note', () => {
    for (const sig of SIGNATURES) {
      const text = PROSE.causes[sig.id];
      expect(text?.summary.length ?? 0, `${sig.id} summary`).toBeGreaterThan(10);
      expect(text?.developerNote.length ?? 0, `${sig.id} developer note`).toBeGreaterThan(10);
    }
  });

  it('has a note for every marker of every signature', () => {
    const missing = SIGNATURES.flatMap((sig) =>
      markersOf(sig)
        .map(markerKey)
        .filter((key) => (PROSE.causes[sig.id]?.notes?.[key] ?? PROSE.notes[key] ?? '').length < 6)
        .map((key) => `${sig.id}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('words every cause the page-text lexicon can name, and each of its categories', () => {
    for (const rule of lexicon()) {
      expect(PROSE.causes[rule.cause]?.summary.length ?? 0, rule.cause).toBeGreaterThan(10);
      expect(PROSE.notes[`words:${rule.category}`]?.length ?? 0, rule.category).toBeGreaterThan(10);
    }
  });

  it('holds nothing stale: every entry belongs to a signature or a marker', () => {
    const ids = new Set([...SIGNATURES.map((s) => s.id), ...lexicon().map((r) => r.cause)]);
    const keys = new Set(SIGNATURES.flatMap((s) => markersOf(s).map(markerKey)));
    expect(Object.keys(PROSE.causes).filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(PROSE.notes).filter((key) => !keys.has(key) && !NOT_MARKERS.test(key))).toEqual([]);
    for (const sig of SIGNATURES) {
      const own = new Set(markersOf(sig).map(markerKey));
      expect(Object.keys(PROSE.causes[sig.id]?.notes ?? {}).filter((key) => !own.has(key)), sig.id).toEqual([]);
    }
  });

  it('gives markers distinct names, so one key never stands for two tests', () => {
    const byKey = new Map<string, string>();
    for (const marker of SIGNATURES.flatMap(markersOf)) {
      const key = markerKey(marker);
      const shape = JSON.stringify(marker);
      expect(byKey.get(key) ?? shape, key).toBe(shape);
      byKey.set(key, shape);
    }
  });
});

group('core and describe', () => {
  it('the core carries no prose', () => {
    for (const f of FIXTURES) {
      const core = diagnoseCore(f.obs);
      expect(core).not.toHaveProperty('summary');
      expect(core).not.toHaveProperty('developerNote');
      for (const fact of core.evidence) expect(fact).not.toHaveProperty('note');
    }
  });

  it('toDiagnosis(diagnoseCore(obs)) is diagnose(obs), and survives a trip through a message', () => {
    for (const f of FIXTURES) {
      const viaMessage = JSON.parse(JSON.stringify(diagnoseCore(f.obs))) as ReturnType<typeof diagnoseCore>;
      expect(toDiagnosis(viaMessage, PROSE)).toEqual(diagnose(f.obs));
    }
  });

  it('still words a cause or fact the prose does not know', () => {
    const d = toDiagnosis(
      { ...diagnoseCore({ url: 'https://a.example/', method: 'GET', type: 'main_frame', status: 403, headers: {}, time: 0 }), cause: 'from-the-future' },
      { causes: {}, notes: {} },
    );
    expect(d.summary.length).toBeGreaterThan(10);
    expect(d.evidence[0]?.note).toBe('');
  });
});
