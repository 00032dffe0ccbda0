import { useLayoutEffect, useState } from 'preact/hooks';
import { retryAfterSeconds } from '../engine/retry-after';
import type { Diagnosis } from '../engine/types';
import type { RefusalEvent } from '../shared/log';
import { observationOf, type PageExtras } from '../shared/observation';
import { diagnoseAll } from './engine-client';

export interface DiagnosisState {
  diagnosis: Diagnosis;
  /** False while only the worker's capture-time finding is known (no confidence, no evidence yet). */
  settled: boolean;
}

/** `extras` is null while the page is still being read: until then only the provisional finding shows. */
export function useDiagnosis(event: RefusalEvent | null, extras: PageExtras | null): DiagnosisState | null {
  const [full, setFull] = useState<{ event: RefusalEvent; extras: PageExtras; diagnosis: Diagnosis } | null>(null);
  // Asked right after the render that has the event (a plain effect would wait for the next frame).
  useLayoutEffect(() => {
    if (!event || !extras) return;
    let live = true;
    // Until the worker's answer and the prose arrive, the popup shows what the worker stored with
    // the event (cause, category, vendor): enough for the headline and the fix buttons.
    diagnoseAll([observationOf(event, extras)]).then(
      ([diagnosis]) => {
        if (live && diagnosis) setFull({ event, extras, diagnosis });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [event, extras]);
  if (!event) return null;
  if (full && full.event === event && full.extras === extras) return { diagnosis: full.diagnosis, settled: true };
  return { diagnosis: provisionalOf(event), settled: false };
}

/** What the worker concluded at capture, as a Diagnosis with nothing it did not store. */
function provisionalOf(event: RefusalEvent): Diagnosis {
  return {
    cause: event.cause,
    category: event.category,
    vendor: event.vendor,
    confidence: 0,
    evidence: [],
    reference: null,
    fixes: [],
    retryAfterSeconds: retryAfterSeconds(event.headers, event.time),
    summary: '',
    developerNote: '',
  };
}
