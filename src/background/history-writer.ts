import { browser } from '../shared/browser';
import { appendHistory, historyEntryOf, pruneHistory, refineStoredEntry, type HistoryEntry } from '../shared/history';
import type { RefusalEvent } from '../shared/log';
import { settings } from './settings-cache';

/**
 * Appends refusals to the local history in batches. Nothing seen in a private window is ever
 * written: storage.local is on disk.
 */
const WRITE_DELAY_MS = 2000;
const MAX_QUEUED = 500;

interface Queued {
  tabId: number;
  entry: HistoryEntry;
  requestId?: string;
}
const queue: Queued[] = [];
const queuedById = new Map<string, Queued>();
/** Requests whose entry was written: a later version of one must not add it again. Bounded. */
const written = new Set<string>();
const MAX_WRITTEN = 2048;
/** Asked when a tab's first refusal is queued, while the tab surely exists. */
const privateTabs = new Map<number, Promise<boolean>>();
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Queues a refusal's entry. `prior` is the version of the same request recorded before (status
 * only, or the page read from itself): its entry, queued or written, is replaced, never doubled.
 */
export function queueHistory(tabId: number, event: Omit<RefusalEvent, 'seq'>, pageUrl: string, reference: string | undefined, prior?: RefusalEvent): void {
  if (!settings().history) return;
  const { requestId } = event;
  const entryOf = (): HistoryEntry => historyEntryOf({ ...event, seq: 0 }, pageUrl, reference);
  // One request, one entry: a later version (with headers, with its error) replaces a queued one.
  if (requestId !== undefined) {
    if (written.has(requestId)) {
      // Written already: the stored entry of the earlier version takes what this one tells.
      if (prior) refineHistory(prior, { cause: event.cause, category: event.category, vendor: event.vendor }, pageUrl, reference);
      return;
    }
    const queued = queuedById.get(requestId);
    if (queued) {
      queued.entry = { ...entryOf(), first: queued.entry.first, last: queued.entry.last };
      return;
    }
  }
  if (queue.length >= MAX_QUEUED) return;
  const entry = entryOf();
  if (!privateTabs.has(tabId)) privateTabs.set(tabId, isPrivateOrGone(tabId));
  const queued: Queued = { tabId, entry, requestId };
  queue.push(queued);
  if (requestId !== undefined) queuedById.set(requestId, queued);
  timer ??= setTimeout(() => {
    timer = undefined;
    void writeQueued();
  }, WRITE_DELAY_MS);
}

/** A request now known by another id (tab-log.ts adoptPageRead): its entry follows it. */
export function renameQueued(before: string, requestId: string): void {
  const queued = queuedById.get(before);
  if (queued) {
    queuedById.delete(before);
    queuedById.set(requestId, queued);
    queued.requestId = requestId;
  }
  if (written.has(before)) written.add(requestId);
}

/** The batch being written, if any: a refinement of a written entry waits for it to land. */
let writing: Promise<void> = Promise.resolve();

/** Writes what waits now: on the timer, and when the background is about to be stopped. */
export function writeQueued(): Promise<void> {
  const batch = writeBatch();
  writing = writing.then(() => batch, () => batch);
  return batch;
}

/**
 * The page's text told more than its headers (issue 12): the entry of this request, queued or
 * written already, takes the final cause, category, vendor and reference. Private tabs and a
 * history switched off were never written, so there is nothing to refine for them.
 */
export function refineHistory(event: RefusalEvent, refined: Pick<HistoryEntry, 'cause' | 'category' | 'vendor'>, pageUrl: string, reference: string | undefined): void {
  const { requestId } = event;
  if (requestId === undefined) return;
  const queued = queuedById.get(requestId);
  if (queued) {
    queued.entry = { ...queued.entry, ...refined, ...(reference ? { reference: reference.slice(0, 200) } : {}) };
    return;
  }
  if (!written.has(requestId) || !settings().history) return;
  const before = historyEntryOf(event, pageUrl);
  writing = writing
    .then(() => refineStoredEntry(before, refined, reference))
    .catch((error: unknown) => console.warn('Why Blocked: could not refine history', error));
}

async function writeBatch(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  const batch = queue.splice(0, queue.length);
  queuedById.clear();
  for (const { requestId } of batch) {
    if (requestId === undefined) continue;
    written.add(requestId);
    if (written.size > MAX_WRITTEN) written.delete(written.values().next().value as string);
  }
  // History was switched off while these waited: the user's latest word wins.
  if (!settings().history) return;
  const entries: HistoryEntry[] = [];
  for (const { tabId, entry } of batch) {
    if (!(await (privateTabs.get(tabId) ?? isPrivateOrGone(tabId)))) entries.push(entry);
  }
  try {
    await appendHistory(entries);
  } catch (error) {
    console.warn('Why Blocked: could not write history', error);
  }
}

/** The tab closed: its answer is no longer needed once its refusals are written. */
export function forgetPrivacy(tabId: number): void {
  setTimeout(() => privateTabs.delete(tabId), WRITE_DELAY_MS * 2);
}

/** A tab that is gone can no longer be checked: leave its refusals out rather than guess. */
async function isPrivateOrGone(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).incognito;
  } catch {
    return true;
  }
}

export async function pruneNow(): Promise<void> {
  try {
    await pruneHistory(settings().historyDays);
  } catch (error) {
    console.warn('Why Blocked: could not prune history', error);
  }
}
