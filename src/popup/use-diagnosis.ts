import { useEffect, useState } from 'preact/hooks';
import { retryAfterSeconds } from '../engine/retry-after';
import type { Diagnosis } from '../engine/types';
import type { RefusalEvent } from '../shared/log';
import { observationOf, type PageExtras } from '../shared/observation';

type Engine = typeof import('../engine/diagnose');
let engine: Promise<Engine> | null = null;

/**
 * The engine (every signature) is most of the popup's weight, so it loads after the first paint:
 * until it arrives the popup shows what the worker stored with the event (cause, category, vendor),
 * which is enough for the headline and the fix buttons.
 */
export function loadEngine(): Promise<Engine> {
  engine ??= import('../engine/diagnose');
  return engine;
}

export interface DiagnosisState {
  diagnosis: Diagnosis;
  /** False while only the worker's capture-time finding is known (no confidence, no evidence yet). */
  settled: boolean;
}

export function useDiagnosis(event: RefusalEvent | null, extras: PageExtras): DiagnosisState | null {
  const [full, setFull] = useState<{ event: RefusalEvent; extras: PageExtras; diagnosis: Diagnosis } | null>(null);
  useEffect(() => {
    if (!event) return;
    let live = true;
    void loadEngine().then(({ diagnose }) => {
      if (live) setFull({ event, extras, diagnosis: diagnose(observationOf(event, extras)) });
    });
    return () => {
      live = false;
    };
  }, [event, extras]);
  if (!event) return null;
  if (full && full.event === event) return { diagnosis: full.diagnosis, settled: true };
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
