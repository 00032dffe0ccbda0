import { browser } from '../shared/browser';
import { appendHistory, historyEntryOf, pruneHistory, type HistoryEntry } from '../shared/history';
import type { RefusalEvent } from '../shared/log';
import { settings } from './settings-cache';

/**
 * Appends refusals to the local history in batches. Nothing seen in a private window is ever
 * written: storage.local is on disk.
 */
const WRITE_DELAY_MS = 2000;
const MAX_QUEUED = 500;

const queue: { tabId: number; entry: HistoryEntry }[] = [];
/** Asked when a tab's first refusal is queued, while the tab surely exists. */
const privateTabs = new Map<number, Promise<boolean>>();
let timer: ReturnType<typeof setTimeout> | undefined;

export function queueHistory(tabId: number, event: Omit<RefusalEvent, 'seq'>, pageUrl: string, reference: string | undefined): void {
  if (!settings().history || queue.length >= MAX_QUEUED) return;
  if (!privateTabs.has(tabId)) privateTabs.set(tabId, isPrivateOrGone(tabId));
  queue.push({ tabId, entry: historyEntryOf({ ...event, seq: 0 }, pageUrl, reference) });
  timer ??= setTimeout(() => {
    timer = undefined;
    void writeQueued();
  }, WRITE_DELAY_MS);
}

async function writeQueued(): Promise<void> {
  const batch = queue.splice(0, queue.length);
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
