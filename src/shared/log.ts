import type { Category } from '../engine/types';

/**
 * What the worker keeps per tab in storage.session (key `tab:<id>`), and the popup reads directly.
 * Bounded: at most MAX_EVENTS events of at most ~MAX_EVENT_HEADER_BYTES header text each.
 */
export const MAX_EVENTS = 30;
export const MAX_EVENT_HEADER_BYTES = 1200;
export const MAX_HEADER_VALUE = 256;
export const MAX_URL = 600;

/**
 * How much a refusal matters, by what was refused: the page itself, a part the page may need (a
 * frame, script, fetch or stylesheet), or something minor (an image, media, other). The badge's
 * colour, the popup's main finding and its headline's class follow it. Stored as the number, so a
 * worse refusal compares greater.
 */
export const SEVERITY = { minor: 0, part: 1, page: 2 } as const;
export type SeverityName = keyof typeof SEVERITY;
export type Severity = (typeof SEVERITY)[SeverityName];
/** No refusal yet: below every severity. */
export const NO_SEVERITY = -1;

const PARTS = new Set(['sub_frame', 'script', 'xmlhttprequest', 'stylesheet']);

export function severityOf(type: string): Severity {
  if (type === 'main_frame') return SEVERITY.page;
  return PARTS.has(type) ? SEVERITY.part : SEVERITY.minor;
}

/** The name of a severity, for class names and colour tables. */
export function severityName(severity: Severity): SeverityName {
  return severity === SEVERITY.page ? 'page' : severity === SEVERITY.part ? 'part' : 'minor';
}

/** One refused request, as recorded by the worker. Page-controlled strings are truncated. */
export interface RefusalEvent {
  /** Monotonic per tab; stable key for lists. */
  seq: number;
  /**
   * The browser's id of the request: the same request seen again (with its headers, by its error,
   * after a redirect or an auth retry) upgrades this event instead of adding one (issue 10).
   */
  requestId?: string;
  time: number;
  url: string;
  method: string;
  type: string;
  status: number;
  error?: string;
  frameId: number;
  /** URL of the document that made the request (Chrome: initiator origin; Firefox: documentUrl). */
  initiator?: string;
  /** Response headers, lower-case names; Set-Cookie reduced to cookie names. */
  headers: Record<string, string>;
  /**
   * The headers were not read: a subresource's are read only where the user asked for them (see
   * src/background/header-reading.ts). Absent when they were read, even if there were none.
   */
  noHeaders?: true;
  /** Diagnosis made at capture (without page text or cookies); the popup refines it. */
  cause: string;
  category: Category;
  vendor: string | null;
  severity: Severity;
}

export interface TabLog {
  tabId: number;
  /** URL of the document the log belongs to. */
  documentUrl: string;
  /** Newest last. */
  events: RefusalEvent[];
  /** Refusals seen on this document, including those dropped from `events`. */
  total: number;
  /** How many older events were dropped to keep the log bounded. */
  dropped: number;
  /** The worst severity among all refusals on this document (NO_SEVERITY when none). */
  worst: Severity | typeof NO_SEVERITY;
  nextSeq: number;
}

/** storage.session: tab id -> origin of the tabs whose subresource headers are read on request. */
export const HEADER_TABS_KEY = 'headers:tabs';
export const MAX_HEADER_TABS = 8;
export type HeaderTabs = Record<number, string>;

export const tabKey = (tabId: number): string => `tab:${tabId}`;

export function emptyLog(tabId: number, documentUrl: string): TabLog {
  return { tabId, documentUrl, events: [], total: 0, dropped: 0, worst: NO_SEVERITY, nextSeq: 1 };
}

/** Appends, keeping the newest MAX_EVENTS. Returns the same object (mutated). */
export function appendEvent(log: TabLog, event: Omit<RefusalEvent, 'seq'>): TabLog {
  const stored: RefusalEvent = { ...event, url: event.url.slice(0, MAX_URL), seq: log.nextSeq++ };
  if (event.initiator !== undefined) stored.initiator = event.initiator.slice(0, MAX_URL);
  log.events.push(stored);
  log.total++;
  if (event.severity > log.worst) log.worst = event.severity;
  if (log.events.length > MAX_EVENTS) {
    // Drop the oldest event, but never the page's own refusal: it is the main finding.
    const victim = log.events.findIndex((e) => e.severity !== SEVERITY.page);
    log.events.splice(victim < 0 ? 0 : victim, 1);
    log.dropped++;
  }
  return log;
}

/** The resource the user chose in the context menu, for the popup to open on (storage.session). */
export const focusKey = (tabId: number): string => `focus:${tabId}`;
