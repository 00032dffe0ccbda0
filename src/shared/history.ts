import type { Category } from '../engine/types';
import { browser } from './browser';
import type { RefusalEvent } from './log';
import { withoutQuery } from './address';

/**
 * Refusals across tabs and days, kept only on this device (storage.local), one key per UTC day
 * (`history:YYYY-MM-DD`) so that retention is a matter of deleting whole keys. The worker appends
 * (appendHistory) and prunes (pruneHistory); the options page reads, searches and clears.
 * Query strings and fragments are never stored: signed URLs and tokens live there.
 */
export interface HistoryEntry {
  /** First and last time this request was refused that day; `count` times in all. */
  first: number;
  last: number;
  count: number;
  /** Host name of the page the refusal happened on: what the options page groups by. */
  site: string;
  /** The page (document) URL, without query or fragment. */
  page: string;
  /** The refused request's URL, without query or fragment. */
  url: string;
  method: string;
  type: string;
  /** 0 for a network error. */
  status: number;
  error?: string;
  cause: string;
  category: Category;
  vendor: string | null;
  /** The id a site owner asks for, when the engine found one, e.g. "Cloudflare Ray ID: 8a1b…". */
  reference?: string;
}

export interface HistoryDay {
  entries: HistoryEntry[];
  /** Entries not kept because the day was full. */
  dropped: number;
}

export const HISTORY_PREFIX = 'history:';
/** Bounds storage.local (10 MB in Chrome without unlimitedStorage): ~200 × ~0.5 KB × 90 days. */
export const MAX_ENTRIES_PER_DAY = 200;
const MAX_URL_CHARS = 300;

export function dayKeyOf(time: number): string {
  return HISTORY_PREFIX + new Date(time).toISOString().slice(0, 10);
}

function clippedAddress(url: string): string {
  return withoutQuery(url).slice(0, MAX_URL_CHARS);
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname || url.slice(0, 64);
  } catch {
    return url.slice(0, 64);
  }
}

/** The history entry for one recorded refusal on the page `pageUrl`. */
export function historyEntryOf(event: RefusalEvent, pageUrl: string, reference?: string): HistoryEntry {
  const page = pageUrl || event.initiator || event.url;
  const entry: HistoryEntry = {
    first: event.time,
    last: event.time,
    count: 1,
    site: hostnameOf(page),
    page: clippedAddress(page),
    url: clippedAddress(event.url),
    method: event.method,
    type: event.type,
    status: event.status,
    cause: event.cause,
    category: event.category,
    vendor: event.vendor,
  };
  if (event.error) entry.error = event.error;
  if (reference) entry.reference = reference.slice(0, 200);
  return entry;
}

const sameRequest = (a: HistoryEntry, b: HistoryEntry): boolean =>
  a.url === b.url && a.status === b.status && a.page === b.page && a.method === b.method && a.cause === b.cause;

/** Adds entries to a day, folding repeats of the same refusal into one with a count. Pure. */
export function mergeIntoDay(day: HistoryDay, entries: readonly HistoryEntry[]): HistoryDay {
  const next: HistoryDay = { entries: [...day.entries], dropped: day.dropped };
  for (const entry of entries) {
    const index = next.entries.findIndex((e) => sameRequest(e, entry));
    const known = index < 0 ? undefined : next.entries[index];
    if (known) {
      next.entries[index] = {
        ...known,
        count: known.count + entry.count,
        first: Math.min(known.first, entry.first),
        last: Math.max(known.last, entry.last),
        reference: entry.reference ?? known.reference,
      };
    } else if (next.entries.length < MAX_ENTRIES_PER_DAY) {
      next.entries.push(entry);
    } else {
      next.dropped += entry.count;
    }
  }
  return next;
}

/** Day keys older than `days` days before `now`. Pure. */
export function expiredDayKeys(keys: readonly string[], now: number, days: number): string[] {
  const oldest = dayKeyOf(now - (days - 1) * 86_400_000);
  return keys.filter((key) => key.startsWith(HISTORY_PREFIX) && key < oldest);
}

function isDay(value: unknown): value is HistoryDay {
  return typeof value === 'object' && value !== null && Array.isArray((value as HistoryDay).entries);
}

/** Appends entries (the worker batches them), each to the day of its time. */
export async function appendHistory(entries: readonly HistoryEntry[]): Promise<void> {
  const byDay = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const key = dayKeyOf(entry.last);
    byDay.set(key, [...(byDay.get(key) ?? []), entry]);
  }
  if (byDay.size === 0) return;
  const stored = await browser.storage.local.get([...byDay.keys()]);
  const update: Record<string, HistoryDay> = {};
  for (const [key, dayEntries] of byDay) {
    const day = isDay(stored[key]) ? (stored[key] as HistoryDay) : { entries: [], dropped: 0 };
    update[key] = mergeIntoDay(day, dayEntries);
  }
  await browser.storage.local.set(update);
}

/**
 * Gives the stored entry of `before` (same day, request and cause) the final cause, category,
 * vendor and reference; folds it into an entry that already has them (a page refused twice).
 */
export async function refineStoredEntry(before: HistoryEntry, refined: Pick<HistoryEntry, 'cause' | 'category' | 'vendor'>, reference?: string): Promise<void> {
  const key = dayKeyOf(before.last);
  const stored = (await browser.storage.local.get(key))[key];
  if (!isDay(stored)) return;
  const index = stored.entries.findIndex((e) => sameRequest(e, before));
  const found = stored.entries[index];
  if (!found) return;
  const next: HistoryEntry = { ...found, ...refined };
  if (reference) next.reference = reference.slice(0, 200);
  const rest = stored.entries.filter((_, i) => i !== index);
  await browser.storage.local.set({ [key]: mergeIntoDay({ entries: rest, dropped: stored.dropped }, [next]) });
}

/** Deletes the days past the retention. */
export async function pruneHistory(days: number, now: number = Date.now()): Promise<void> {
  const keys = Object.keys(await browser.storage.local.get(null));
  const expired = expiredDayKeys(keys, now, days);
  if (expired.length) await browser.storage.local.remove(expired);
}

/** Every stored entry, newest first. */
export async function readHistory(): Promise<{ entries: HistoryEntry[]; dropped: number }> {
  const all = await browser.storage.local.get(null);
  const entries: HistoryEntry[] = [];
  let dropped = 0;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(HISTORY_PREFIX) || !isDay(value)) continue;
    entries.push(...value.entries);
    dropped += Number(value.dropped) || 0;
  }
  entries.sort((a, b) => b.last - a.last);
  return { entries, dropped };
}

export async function clearHistory(): Promise<void> {
  const keys = Object.keys(await browser.storage.local.get(null)).filter((key) => key.startsWith(HISTORY_PREFIX));
  if (keys.length) await browser.storage.local.remove(keys);
}
