import { browser } from '../shared/browser';
import { withoutHash, withoutQuery } from '../shared/address';
import { appendEvent, emptyLog, MAX_EVENTS, MAX_URL, tabKey, type RefusalEvent, type TabLog } from '../shared/log';
import { mergeVersions } from './merge-versions';

/**
 * Per-tab refusal logs: kept in memory, written to storage.session in batches (never one write per
 * request), reloaded from storage.session when the worker starts again.
 *
 * Each write serialises the tab's whole log and updates its badge: a profile of the worker during
 * the bench's page load (50 refusals) put that at about a quarter of its time with 150 ms batches.
 * 400 ms keeps the badge and an open popup prompt while a page is still loading.
 */
const FLUSH_DELAY_MS = 400;

const logs = new Map<number, TabLog>();
/** requestId -> the log that counted it; bounded, oldest first out (ids are not reused). */
const requests = new Map<string, TabLog>();
const MAX_REQUESTS = 4096;

const dirty = new Set<number>();
const removed = new Set<number>();
/** Recently closed tabs (ids are not reused within a browser session). */
const closed = new Set<number>();
/** Tabs that started a new document since this worker started: their stored logs are stale. */
const newDocuments = new Set<number>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;
let onFlushed: (logs: TabLog[]) => void = () => {};

/** Resolves once the logs of a previous worker life are back in memory. */
const restored: Promise<void> = restore();

async function restore(): Promise<void> {
  try {
    const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith('tab:') || !isTabLog(value) || newDocuments.has(value.tabId) || closed.has(value.tabId)) continue;
      // What was recorded while the restore was under way joins the stored log: a version of a
      // stored request upgrades it, a new request goes after the stored ones.
      const early = logs.get(value.tabId);
      logs.set(value.tabId, value);
      for (const event of value.events) if (event.requestId) remember(event.requestId, value);
      for (const { seq: _seq, ...event } of early?.events ?? []) {
        if (event.requestId && requests.get(event.requestId) === early) requests.delete(event.requestId);
        record(value.tabId, undefined, event);
      }
      if (early) {
        value.total += early.total - early.events.length;
        value.dropped += early.dropped;
        markDirty(value.tabId);
      }
    }
  } catch (error) {
    console.warn('Why Blocked: could not restore tab logs', error);
  }
}

function isTabLog(value: unknown): value is TabLog {
  return typeof value === 'object' && value !== null && Array.isArray((value as TabLog).events) && typeof (value as TabLog).tabId === 'number';
}

export function setFlushListener(listener: (logs: TabLog[]) => void): void {
  onFlushed = listener;
}

/**
 * Records a refusal in the tab's log; a request recorded before (same requestId) is upgraded in
 * place instead: same place, same count. Versions that come after the tab moved on to another
 * document, or after the event left the bounded log, were counted already and change nothing.
 */
export function record(tabId: number, documentUrl: string | undefined, event: Omit<RefusalEvent, 'seq'>): void {
  // A request that finishes after its tab closed belongs to nothing on screen.
  if (closed.has(tabId)) return;
  const prior = event.requestId === undefined ? undefined : priorVersion(tabId, event.requestId);
  if (prior === 'counted') return;
  if (prior) {
    const { noHeaders: _n, error: _e, ...base } = earlierWins(prior, event) ? prior : event;
    const upgraded: RefusalEvent = { ...base, ...mergeVersions(prior, event), time: prior.time, seq: prior.seq };
    const log = logs.get(tabId) as TabLog;
    log.events[log.events.indexOf(prior)] = upgraded;
    markDirty(tabId);
    return;
  }
  let log = logs.get(tabId);
  if (!log) {
    log = emptyLog(tabId, documentUrl ?? '');
    logs.set(tabId, log);
  }
  appendEvent(log, event);
  if (event.requestId !== undefined) remember(event.requestId, log);
  markDirty(tabId);
}

/**
 * A flood (more refusals on the page than the log keeps) repeats the same refusal thousands of
 * times: one that matches a kept event by address (without its query), status and type is only
 * counted, without a diagnosis or a history entry of its own. Its request is remembered, so a
 * later version of it is not counted again. Returns whether it was counted so.
 */
export function countRepeat(tabId: number, requestId: string, url: string, status: number, type: string): boolean {
  const log = logs.get(tabId);
  if (!log || log.total < MAX_EVENTS || closed.has(tabId)) return false;
  const address = withoutQuery(url);
  if (!log.events.some((e) => e.status === status && e.type === type && withoutQuery(e.url) === address)) return false;
  log.total++;
  log.dropped++;
  remember(requestId, log);
  markDirty(tabId);
  return true;
}

/** The version with headers keeps its diagnosis (capture merges before it diagnoses; a restore cannot). */
function earlierWins(earlier: RefusalEvent, later: Omit<RefusalEvent, 'seq'>): boolean {
  return !earlier.noHeaders && later.noHeaders === true;
}

/**
 * The event this request already has in the tab's current log; 'counted' when it was recorded
 * on an earlier document of the tab or has been dropped from the bounded log; undefined if new.
 */
export function priorVersion(tabId: number, requestId: string): RefusalEvent | 'counted' | undefined {
  const owner = requests.get(requestId);
  if (!owner) return undefined;
  const log = logs.get(tabId);
  if (owner !== log) return 'counted';
  return log.events.find((e) => e.requestId === requestId) ?? 'counted';
}

function remember(requestId: string, log: TabLog): void {
  requests.set(requestId, log);
  if (requests.size > MAX_REQUESTS) requests.delete(requests.keys().next().value as string);
}

/** Requests ids of pages read from the page itself (capture.ts onUnseenDocument), not from webRequest. */
const PAGE_READ = 'page:';

export function pageReadId(tabId: number, time: number): string {
  return `${PAGE_READ}${tabId}:${Math.round(time)}`;
}

/**
 * The refusal of the tab's document, read from the page itself before the listener's answer for it
 * came (Firefox can tell the commit first, and a woken worker gets the two in either order), is
 * that answer's request: it takes the request's id, so the answer upgrades it in place (same place,
 * same count, same history entry). Returns the id it had, or undefined when there was none.
 */
export function adoptPageRead(tabId: number, url: string, requestId: string): string | undefined {
  const log = logs.get(tabId);
  const event = pageEventOf(tabId, url);
  if (!log || !event?.requestId?.startsWith(PAGE_READ)) return undefined;
  const before = event.requestId;
  log.events[log.events.indexOf(event)] = { ...event, requestId };
  requests.delete(before);
  remember(requestId, log);
  markDirty(tabId);
  return before;
}

/** The refusal of the tab's page itself at `url` (whatever its fragment), the latest if several. */
export function pageEventOf(tabId: number, url: string): RefusalEvent | undefined {
  const events = closed.has(tabId) ? [] : (logs.get(tabId)?.events ?? []);
  const page = withoutHash(url.slice(0, MAX_URL));
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type === 'main_frame' && withoutHash(e.url) === page) return e;
  }
  return undefined;
}

/** The tab is showing a new document: what was refused before belongs to the old one. */
export function startDocument(tabId: number, url: string, since?: number): void {
  if (closed.has(tabId)) return;
  const log = logs.get(tabId);
  if (log && log.total === 0 && log.documentUrl === url) return;
  // Keep nothing of the old document, but remember the tab so its (now empty) state is written.
  newDocuments.add(tabId);
  const next = emptyLog(tabId, url);
  logs.set(tabId, next);
  // A woken Firefox can hand over the new page's refused image before the page's own answer
  // (issue 10): what was answered after the page was, is the page's. Not a page event: the page
  // is recorded by its own answer.
  const carried = since === undefined ? [] : (log?.events ?? []).filter((e) => e.time >= since && e.type !== 'main_frame');
  for (const { seq: _seq, ...event } of carried) {
    if (event.requestId !== undefined) requests.delete(event.requestId);
    record(tabId, undefined, event);
  }
  markDirty(tabId);
}

export function forgetTab(tabId: number): void {
  closed.add(tabId);
  if (closed.size > 1000) closed.delete(closed.values().next().value as number);
  logs.delete(tabId);
  dirty.delete(tabId);
  removed.add(tabId);
  scheduleFlush();
}

export function logOf(tabId: number): TabLog | undefined {
  return logs.get(tabId);
}

export function allLogs(): TabLog[] {
  return [...logs.values()];
}

/**
 * A document committed in the tab. After a redirect chain it is the chain's last URL, which the log
 * already has; a different URL means the document came without a request the listener saw (the
 * back/forward cache), so the log is stale. Fragments don't make a new document.
 */
export async function onDocumentCommitted(tabId: number, url: string | undefined): Promise<boolean> {
  if (!url) return false;
  await restored;
  const log = logs.get(tabId);
  const unseen = !log || withoutHash(log.documentUrl) !== withoutHash(url);
  if (log && unseen) startDocument(tabId, url);
  // No answer seen for this document: the back/forward cache, or a page loaded before the listeners were live.
  return unseen;
}

function markDirty(tabId: number): void {
  dirty.add(tabId);
  removed.delete(tabId);
  scheduleFlush();
}

function scheduleFlush(): void {
  flushTimer ??= setTimeout(() => {
    flushTimer = undefined;
    void flush();
  }, FLUSH_DELAY_MS);
}

export async function flush(): Promise<void> {
  await restored;
  const toWrite: Record<string, TabLog> = {};
  const written: TabLog[] = [];
  const emptied: string[] = [];
  for (const tabId of dirty) {
    const log = logs.get(tabId);
    if (!log) continue;
    if (log.total === 0) emptied.push(tabKey(tabId));
    else toWrite[tabKey(tabId)] = log;
    written.push(log);
  }
  dirty.clear();
  const gone = [...removed].map(tabKey);
  removed.clear();
  try {
    if (Object.keys(toWrite).length) await browser.storage.session.set(toWrite);
    if (emptied.length || gone.length) await browser.storage.session.remove([...emptied, ...gone]);
  } catch (error) {
    console.warn('Why Blocked: could not store tab logs', error);
  }
  onFlushed(written);
}
