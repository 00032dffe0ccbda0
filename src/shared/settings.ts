import { watchedStatuses } from '../engine/precheck';
import { browser } from './browser';
import type { MessageKey } from './i18n';

/**
 * What the user can change, kept in storage.sync under `settings` (storage.local where sync is
 * unavailable). Stored values are normalised on every read: a missing or malformed field takes its
 * default, so an old or hand-edited value never breaks the worker.
 */
export interface Settings {
  /** Statuses the user does not want recorded; every refusal status the engine knows counts by default. */
  ignoredStatuses: number[];
  /** Network errors the user does not want recorded, by name (e.g. "ERR_BLOCKED_BY_CLIENT"). */
  ignoredErrors: string[];
  /** Show the count of refusals on the toolbar button. */
  badge: boolean;
  /** Keep refusals in the local history (storage.local, never sent anywhere). */
  history: boolean;
  /** Days of history to keep. */
  historyDays: number;
  /** Tell the user, by a notification, how an automatic retry went when the popup is closed. */
  notifications: boolean;
  /**
   * Read the response headers of every request, not only of pages: every refused image or fetch
   * then shows its vendor and reference id, at a cost to every page's speed (BENCHMARKS.md).
   */
  allHeaders: boolean;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  ignoredStatuses: [],
  ignoredErrors: [],
  badge: true,
  history: true,
  historyDays: 30,
  notifications: true,
  allHeaders: false,
});

/**
 * The statuses and errors the options page offers to switch off: every status the engine's
 * pre-check records, so a status a new signature watches can be switched off too.
 */
export const STATUS_CHOICES: readonly number[] = watchedStatuses();
/** A status's words; test/locales.test.ts checks every choice has them (the list is known only at run time). */
export const statusWordKey = (status: number): MessageKey => `status_${status}` as MessageKey;
export const ERROR_CHOICES = ['ERR_BLOCKED_BY_CLIENT', 'ERR_BLOCKED_BY_ADMINISTRATOR', 'ERR_BLOCKED_BY_RESPONSE'] as const;
export const HISTORY_DAY_CHOICES: readonly number[] = [1, 7, 30, 90];

export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const bool = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
  const days = typeof r.historyDays === 'number' && Number.isInteger(r.historyDays) ? r.historyDays : DEFAULT_SETTINGS.historyDays;
  return {
    ignoredStatuses: Array.isArray(r.ignoredStatuses)
      ? r.ignoredStatuses.filter((s): s is number => Number.isInteger(s) && s >= 100 && s <= 999).slice(0, 50)
      : [],
    ignoredErrors: Array.isArray(r.ignoredErrors)
      ? r.ignoredErrors.filter((e): e is string => typeof e === 'string' && /^[A-Z_]{3,64}$/.test(e)).slice(0, 20)
      : [],
    badge: bool(r.badge, DEFAULT_SETTINGS.badge),
    history: bool(r.history, DEFAULT_SETTINGS.history),
    historyDays: Math.max(1, Math.min(365, days)),
    notifications: bool(r.notifications, DEFAULT_SETTINGS.notifications),
    allHeaders: bool(r.allHeaders, DEFAULT_SETTINGS.allHeaders),
  };
}

/**
 * Should a refusal with this status (0 for a network error) and error be recorded? The worker asks
 * this after the engine's pre-check said "refusal".
 */
export function isCounted(settings: Settings, status: number, error?: string): boolean {
  if (status !== 0) return !settings.ignoredStatuses.includes(status);
  return !error || !settings.ignoredErrors.some((name) => error.includes(name));
}

type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

/** storage.sync when the browser has it working, else storage.local (e.g. sync disabled by policy). */
async function withArea<T>(run: (area: Area) => Promise<T>): Promise<T> {
  try {
    return await run(browser.storage.sync as Area);
  } catch {
    return run(browser.storage.local as Area);
  }
}

export async function readSettings(): Promise<Settings> {
  try {
    return await withArea(async (area) => normalizeSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Merges `change` into the stored settings and returns what was stored. */
export async function writeSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await readSettings()), ...change });
  await withArea((area) => area.set({ [SETTINGS_KEY]: next }));
  return next;
}

/** Calls `listener` with the new settings whenever they change (in any area). Returns an unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[SETTINGS_KEY];
    if (change && (area === 'sync' || area === 'local')) listener(normalizeSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
