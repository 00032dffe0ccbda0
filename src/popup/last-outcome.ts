import { useEffect, useState } from 'preact/hooks';

/**
 * The outcome of the last fix this popup ran that reloads the page (Retry, or a clear-then-retry).
 * When the reload works, the tab's log empties and the popup switches to its clean view, which
 * unmounts the fix that held the outcome: this keeps it for the clean view to show.
 */
export interface LastOutcome {
  ok: boolean;
  text: string;
  /** When it arrived, ms since the epoch: the clean view shows the newer of this and a scheduled retry. */
  at: number;
}

let last: LastOutcome | null = null;
const listeners = new Set<(outcome: LastOutcome | null) => void>();

export function rememberOutcome(outcome: { ok: boolean; text: string }): void {
  last = { ok: outcome.ok, text: outcome.text, at: Date.now() };
  for (const listener of listeners) listener(last);
}

/** The last remembered outcome, followed while mounted (it may arrive after the view switched). */
export function useLastOutcome(): LastOutcome | null {
  const [outcome, setOutcome] = useState(last);
  useEffect(() => {
    listeners.add(setOutcome);
    setOutcome(last);
    return () => {
      listeners.delete(setOutcome);
    };
  }, []);
  return outcome;
}
