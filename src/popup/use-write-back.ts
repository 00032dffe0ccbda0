import { useEffect } from 'preact/hooks';
import type { Diagnosis } from '../engine/types';
import { browser } from '../shared/browser';
import type { RefusalEvent } from '../shared/log';
import type { WorkerRequest } from '../shared/messages';

/**
 * What the popup concluded with more than the worker had (a refused page's text, the site's
 * cookies) is written back, so the badge's tooltip and the history say the same (issue 12). Only a
 * page's finding and only a changed one: for other requests the popup knows no more than the
 * worker, and writing its status-only answer back would undo a refinement.
 */
export function useWriteBack(tabId: number | null, event: RefusalEvent | null, diagnosis: Diagnosis | null): void {
  const changed =
    tabId !== null &&
    event?.requestId !== undefined &&
    event.type === 'main_frame' &&
    diagnosis !== null &&
    (diagnosis.cause !== event.cause || diagnosis.category !== event.category || diagnosis.vendor !== event.vendor);
  useEffect(() => {
    if (!changed || tabId === null || !event?.requestId || !diagnosis) return;
    const refinement = { cause: diagnosis.cause, category: diagnosis.category, vendor: diagnosis.vendor };
    const reference = diagnosis.reference ? `${diagnosis.reference.label}: ${diagnosis.reference.value}` : undefined;
    const request: WorkerRequest = { type: 'refine', tabId, requestId: event.requestId, refinement: reference ? { ...refinement, reference } : refinement };
    browser.runtime.sendMessage(request).catch(() => undefined);
  }, [changed, tabId, event, diagnosis]);
}
