import { browser } from '../shared/browser';
import { HEADER_TABS_KEY, MAX_HEADER_TABS, type HeaderTabs } from '../shared/log';
import { originOf } from '../shared/platform';

/**
 * Where the worker reads the response headers of images, scripts, fetches and other subresources.
 *
 * Asking webRequest for `responseHeaders` makes the browser copy every matching response's headers
 * to the worker, and no filter selects by status: in Chromium that copy cost more than the rest of
 * the listener together (BENCHMARKS.md, "What each listener option costs"). So documents are always
 * read with their headers (one per page; they carry the "Forbidden" page), every response's status
 * is read without headers, and a subresource's headers are read only
 * - in a tab whose user asked for them (the popup's "Reload and read headers"), until the tab
 *   leaves that site or closes, or
 * - everywhere, when the user turned on "Read the headers of every request" in the options.
 *
 * In such a tab a refused subresource reaches two listeners: the status-only one, which comes
 * first or second, and the one with headers. `whenNoHeaders`/`headersArrived` make it one event:
 * the version with headers wins, and the status-only one is recorded only if no headers arrive.
 */
type Handler = (details: never) => void;

const FALLBACK_DELAY_MS = 1000;

let handler: Handler = () => {};
const tabs = new Map<number, { origin: string; listener: Handler }>();
let everywhere: Handler | null = null;
const restoring: Promise<void> = restore();

/** The handler for responses with headers (capture's onResponse); set once at startup. */
export function setHeaderHandler(next: Handler): void {
  handler = next;
}

/** Are this tab's subresource headers being read? */
export function headersWanted(tabId: number): boolean {
  return everywhere !== null || tabs.has(tabId);
}

/** Tabs reading headers, with the site they were asked for (for the popup and tests). */
export function headerTabs(): HeaderTabs {
  const out: HeaderTabs = {};
  for (const [tabId, { origin }] of tabs) out[tabId] = origin;
  return out;
}

/** Start reading subresource headers in `tabId` while it shows pages of `origin`. */
export async function readHeadersIn(tabId: number, origin: string): Promise<void> {
  await restoring;
  add(tabId, origin);
  if (tabs.size > MAX_HEADER_TABS) remove(tabs.keys().next().value as number);
  await save();
}

export async function stopReadingHeaders(tabId: number): Promise<void> {
  await restoring;
  if (!tabs.has(tabId)) return;
  remove(tabId);
  await save();
}

/** The tab shows a new document: leaving the site ends what was asked for that site. */
export function onTabDocument(tabId: number, url: string): void {
  const entry = tabs.get(tabId);
  if (entry && originOf(url) !== entry.origin) void stopReadingHeaders(tabId);
}

export function setReadEverywhere(on: boolean): void {
  if (on === (everywhere !== null)) return;
  if (everywhere) {
    browser.webRequest.onHeadersReceived.removeListener(everywhere as never);
    everywhere = null;
    return;
  }
  const listener: Handler = (details) => handler(details);
  if (register(listener, { urls: ['<all_urls>'] })) everywhere = listener;
}

function add(tabId: number, origin: string): void {
  const existing = tabs.get(tabId);
  if (existing) {
    existing.origin = origin;
    return;
  }
  // One function per tab: a filter holds a single tabId, and a function is registered once.
  const listener: Handler = (details) => handler(details);
  if (register(listener, { urls: ['<all_urls>'], tabId })) tabs.set(tabId, { origin, listener });
}

function remove(tabId: number): void {
  const entry = tabs.get(tabId);
  if (!entry) return;
  browser.webRequest.onHeadersReceived.removeListener(entry.listener as never);
  tabs.delete(tabId);
}

function register(listener: Handler, filter: { urls: string[]; tabId?: number }): boolean {
  try {
    browser.webRequest.onHeadersReceived.addListener(listener as never, filter, ['responseHeaders']);
    return true;
  } catch (error) {
    console.warn('Why Blocked: could not read headers', error);
    return false;
  }
}

async function save(): Promise<void> {
  try {
    await browser.storage.session.set({ [HEADER_TABS_KEY]: headerTabs() });
  } catch (error) {
    console.warn('Why Blocked: could not store the tabs reading headers', error);
  }
}

/** A restarted worker reads headers again where it did before it stopped. */
async function restore(): Promise<void> {
  try {
    const stored = (await browser.storage.session.get(HEADER_TABS_KEY))[HEADER_TABS_KEY];
    if (typeof stored !== 'object' || stored === null) return;
    for (const [key, origin] of Object.entries(stored as Record<string, unknown>).slice(0, MAX_HEADER_TABS)) {
      const tabId = Number(key);
      if (Number.isInteger(tabId) && tabId >= 0 && typeof origin === 'string' && !tabs.has(tabId)) add(tabId, origin);
    }
  } catch (error) {
    console.warn('Why Blocked: could not restore the tabs reading headers', error);
  }
}

// --- One event per request where both listeners see it -------------------------------------------

/** requestId -> record it without headers (the status-only listener came first). */
const awaiting = new Map<string, () => void>();
/** requestIds the listener with headers has already handled (it came first), this sweep and the last. */
let answered = new Set<string>();
let answeredBefore = new Set<string>();
let sweepTimer: ReturnType<typeof setTimeout> | undefined;

/** The status-only listener saw a refusal the header listener should also see. */
export function whenNoHeaders(requestId: string, recordWithoutHeaders: () => void): void {
  if (answered.delete(requestId) || answeredBefore.delete(requestId)) return;
  awaiting.set(requestId, recordWithoutHeaders);
  scheduleSweep();
}

/** The header listener handled a response the status-only listener may also have seen. */
export function headersArrived(requestId: string): void {
  if (awaiting.delete(requestId)) return;
  answered.add(requestId);
  scheduleSweep();
}

function scheduleSweep(): void {
  sweepTimer ??= setTimeout(sweep, FALLBACK_DELAY_MS);
}

/** Headers that never came (the tab stopped reading them, or the listener was not in place yet). */
function sweep(): void {
  sweepTimer = undefined;
  const late = [...awaiting.values()];
  awaiting.clear();
  answeredBefore = answered;
  answered = new Set();
  if (answeredBefore.size) scheduleSweep();
  for (const recordWithoutHeaders of late) {
    try {
      recordWithoutHeaders();
    } catch (error) {
      // One bad event must not cost the others their record.
      console.warn('Why Blocked: could not record a response', error);
    }
  }
}
