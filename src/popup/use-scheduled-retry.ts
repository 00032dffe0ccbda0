import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { isScheduledRetry, retryKey, type ScheduledRetry } from '../shared/scheduled-retry';

/** The tab's scheduled retry as the worker keeps it in storage.session, followed while open. */
export function useScheduledRetry(tabId: number | null): ScheduledRetry | null {
  const [record, setRecord] = useState<ScheduledRetry | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    const key = retryKey(tabId);
    let live = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      const change = changes[key];
      if (area === 'session' && change) setRecord(isScheduledRetry(change.newValue) ? change.newValue : null);
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.storage.session.get(key).then(
      (stored) => {
        if (live && isScheduledRetry(stored[key])) setRecord(stored[key] as ScheduledRetry);
      },
      () => {},
    );
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return record;
}

/** Ticks every second while `active`, returning the current time. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
