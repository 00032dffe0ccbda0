import { describe, expect, it } from 'vitest';
import { FIX_IDS, FIXES, type FixId } from '../../src/engine/fixes';
import type { Diagnosis } from '../../src/engine/types';
import { planFixes, testIdOf } from '../../src/popup/fix-plan';

const diagnosis = (over: Partial<Diagnosis>): Diagnosis => ({
  cause: 'x',
  category: 'unknown',
  vendor: null,
  confidence: 0.5,
  evidence: [],
  reference: null,
  fixes: [],
  retryAfterSeconds: null,
  summary: '',
  developerNote: '',
  ...over,
});

describe('planFixes', () => {
  it('keeps the diagnosis order, then adds the other one-click fixes and the report', () => {
    const plan = planFixes(diagnosis({ fixes: ['clear-cookies', 'sign-in', 'retry'] }), 'main_frame', 0);
    expect(plan.items.map(testIdOf)).toEqual(['fix-clear-cookies', 'fix-retry', 'fix-clear-cache', 'copy-report']);
    expect(plan.advice).toEqual(['sign-in']);
  });

  it('counts down only while there is a wait left', () => {
    const d = diagnosis({ category: 'rate-limit', fixes: ['wait-and-retry', 'contact-owner'], retryAfterSeconds: 120 });
    expect(planFixes(d, 'main_frame', 60).items.map(testIdOf).slice(0, 2)).toEqual(['fix-wait', 'copy-report']);
    expect(planFixes(d, 'main_frame', 0).items.map(testIdOf)[0]).toBe('fix-retry');
  });

  it('opens a refused frame directly, but not the page itself', () => {
    const d = diagnosis({ fixes: ['open-directly'] });
    expect(planFixes(d, 'sub_frame', 0).items.map(testIdOf)[0]).toBe('fix-open-directly');
    expect(planFixes(d, 'main_frame', 0).items.map(testIdOf)).not.toContain('fix-open-directly');
  });

  // A fix whose way of being offered the plan does not handle would vanish from the popup.
  const firstItem: Record<(typeof FIXES)[FixId]['offer'], (fix: FixId) => string> = {
    button: (fix) => `fix-${fix}`,
    retry: () => 'fix-retry',
    wait: () => 'fix-wait',
    report: () => 'copy-report',
    'open-directly': () => 'fix-open-directly',
    advice: () => 'advice',
  };
  it.each(FIX_IDS)('offers %s as its table entry says', (fix) => {
    const plan = planFixes(diagnosis({ fixes: [fix] }), 'sub_frame', 60);
    const first = (plan.advice as readonly string[]).includes(fix) ? 'advice' : testIdOf(plan.items[0] ?? { kind: 'report' });
    expect(first).toBe(firstItem[FIXES[fix].offer](fix));
  });
});
