import type { FixResult } from './messages';

/**
 * A retry waiting for a rate limit to pass. The worker owns it: it writes it when it accepts a
 * `schedule-retry` message, runs it from an alarm, and writes the outcome back; the popup only
 * reads it (storage.session, key `retryKey(tabId)`), so a countdown survives the popup closing.
 */
export interface ScheduledRetry {
  tabId: number;
  /** The page to reload (the tab's URL when the retry was scheduled). */
  url: string;
  /** When the retry runs, ms since the epoch. */
  at: number;
  state: 'scheduled' | 'done';
  /** Once done: what the reload found, as for a one-click retry. */
  result?: FixResult;
}

export const retryKey = (tabId: number): string => `retry:${tabId}`;

/** Alarm names carry the tab: `retry:<tabId>`. */
export const retryAlarmName = retryKey;

export function tabIdOfRetryAlarm(name: string): number | null {
  const match = /^retry:(\d{1,10})$/.exec(name);
  return match ? Number(match[1]) : null;
}

export function isScheduledRetry(value: unknown): value is ScheduledRetry {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as ScheduledRetry;
  return typeof r.tabId === 'number' && typeof r.url === 'string' && typeof r.at === 'number' && (r.state === 'scheduled' || r.state === 'done');
}
