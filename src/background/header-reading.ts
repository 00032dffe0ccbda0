import { browser } from '../shared/browser';
import { HEADER_TABS_KEY, MAX_HEADER_TABS, type HeaderTabs } from '../shared/log';
import { originOf } from '../shared/platform';
import { readStartMirror, writeStartMirror } from './start-mirror';

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
 * In such a tab a refused subresource reaches two listeners, in either order and at any distance:
 * the status-only one and the one with headers. They are one event by the request's id: the
 * first records it, the second upgrades it (tab-log.ts, issue 10).
 */
type Handler = (details: never) => void;

let handler: Handler = () => {};
const tabs = new Map<number, { origin: string; listener: Handler }>();
let everywhere: Handler | null = null;
/** While the restore runs: the latest document of each tab, so a tab that left its site is not restored. */
let documentsMeanwhile: Map<number, string> | null = new Map();
const TABS_MIRROR = 'header-tabs';
const EVERYWHERE_MIRROR = 'all-headers';
/** Tabs registered from the start mirror, to be confirmed by storage.session. */
const fromMirror = new Set<number>();
startFromMirror();
const restoring: Promise<void> = restore();

/** Settles once the tabs that read headers before the worker stopped read them again. */
export function headerTabsRestored(): Promise<void> {
  return restoring;
}

/** The handler for responses with headers (capture's onResponse); set once at startup. */
export function setHeaderHandler(next: Handler): void {
  handler = next;
}

/** Are this tab's subresource headers being read? */
export function headersWanted(tabId: number): boolean {
  return everywhere !== null || tabs.has(tabId);
}

/** Tabs reading headers, with the site they were asked for, as stored under HEADER_TABS_KEY. */
function headerTabs(): HeaderTabs {
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
  documentsMeanwhile?.set(tabId, url);
  const entry = tabs.get(tabId);
  if (entry && originOf(url) !== entry.origin) void stopReadingHeaders(tabId);
}

export function setReadEverywhere(on: boolean): void {
  if (on === (everywhere !== null)) return;
  writeStartMirror(EVERYWHERE_MIRROR, on);
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
  writeStartMirror(TABS_MIRROR, headerTabs());
  try {
    await browser.storage.session.set({ [HEADER_TABS_KEY]: headerTabs() });
  } catch (error) {
    console.warn('Why Blocked: could not store the tabs reading headers', error);
  }
}

/** Registers, while the worker's script first runs, what the start mirror remembers (Firefox). */
function startFromMirror(): void {
  const mirrored = readStartMirror(TABS_MIRROR);
  if (typeof mirrored === 'object' && mirrored !== null) {
    for (const [key, origin] of Object.entries(mirrored as Record<string, unknown>).slice(0, MAX_HEADER_TABS)) {
      const tabId = Number(key);
      if (!Number.isInteger(tabId) || tabId < 0 || typeof origin !== 'string') continue;
      add(tabId, origin);
      fromMirror.add(tabId);
    }
  }
  if (readStartMirror(EVERYWHERE_MIRROR) === true) setReadEverywhere(true);
}

/** A restarted worker reads headers again where it did before it stopped. */
async function restore(): Promise<void> {
  let changed = false;
  try {
    const found = (await browser.storage.session.get(HEADER_TABS_KEY))[HEADER_TABS_KEY];
    const stored = typeof found === 'object' && found !== null ? found : {};
    // The mirror outlives a browser restart (new tab ids); storage.session does not.
    for (const tabId of fromMirror) {
      if (!(tabId in stored) && tabs.has(tabId)) {
        remove(tabId);
        changed = true;
      }
    }
    for (const [key, origin] of Object.entries(stored as Record<string, unknown>).slice(0, MAX_HEADER_TABS)) {
      const tabId = Number(key);
      if (!Number.isInteger(tabId) || tabId < 0 || typeof origin !== 'string' || tabs.has(tabId)) continue;
      const since = documentsMeanwhile?.get(tabId);
      if (since === undefined || originOf(since) === origin) add(tabId, origin);
      else changed = true;
    }
  } catch (error) {
    console.warn('Why Blocked: could not restore the tabs reading headers', error);
  } finally {
    documentsMeanwhile = null;
  }
  // A tab that left its site while the restore ran: store that it no longer reads headers.
  if (changed) await save();
}
