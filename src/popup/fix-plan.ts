import { FIXES, isAdvice, isOneClick, ONE_CLICK, type AdviceFix, type FixAction } from '../engine/fixes';
import type { Diagnosis } from '../engine/types';

/** A fix the popup can carry out, in the order it shows them. */
export type FixItem =
  | { kind: 'action'; action: FixAction }
  /** Count down the rate limit's wait, then retry by itself (an alarm in the worker). */
  | { kind: 'wait' }
  /** Copy the report for the site owner (and mail it, when the page names a contact). */
  | { kind: 'report' }
  /** Open a refused frame or resource in its own tab. */
  | { kind: 'open-directly' };

export interface FixPlan {
  items: FixItem[];
  /** Fixes only the user can carry out, as advice. */
  advice: AdviceFix[];
}

/**
 * The diagnosis's fixes, most useful first, as things the popup can do; every one-click fix and
 * the report stay available after them, since the diagnosis can be wrong.
 */
export function planFixes(d: Diagnosis, resourceType: string, waitLeftSeconds: number): FixPlan {
  const items: FixItem[] = [];
  const advice: AdviceFix[] = [];
  const add = (item: FixItem): void => {
    if (!items.some((i) => sameItem(i, item))) items.push(item);
  };
  for (const fix of d.fixes) {
    const offer = FIXES[fix].offer;
    if (isOneClick(fix)) add({ kind: 'action', action: fix });
    else if (offer === 'retry') add({ kind: 'action', action: 'retry' });
    else if (offer === 'wait') add(waitLeftSeconds > 0 ? { kind: 'wait' } : { kind: 'action', action: 'retry' });
    else if (offer === 'report') add({ kind: 'report' });
    else if (offer === 'open-directly') {
      if (resourceType !== 'main_frame') add({ kind: 'open-directly' });
    } else if (isAdvice(fix) && !advice.includes(fix)) advice.push(fix);
  }
  for (const action of ONE_CLICK) add({ kind: 'action', action });
  add({ kind: 'report' });
  return { items, advice };
}

function sameItem(a: FixItem, b: FixItem): boolean {
  return a.kind === b.kind && (a.kind !== 'action' || a.action === (b as typeof a).action);
}

/** data-testid of an item: the e2e suite relies on fix-clear-cookies, fix-clear-cache, fix-retry. */
export function testIdOf(item: FixItem): string {
  return item.kind === 'action' ? `fix-${item.action}` : item.kind === 'report' ? 'copy-report' : `fix-${item.kind}`;
}
