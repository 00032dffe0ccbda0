import { diagnoseCore } from '../engine/core';
import { isDocumentType } from '../engine/is-document-type';
import { hasMarkerHeader, isBlockingError, statusVerdict } from '../engine/precheck';
import { severityOf, type RefusalEvent } from '../shared/log';
import { compactHeaders, cookieNamesFrom, type RawHeader } from './headers';
import { queueHistory, renameQueued } from './history-writer';
import { settings } from './settings-cache';
import { isCounted } from '../shared/settings';
import { adoptPageRead, countRepeat, logOf, pageEventOf, pageReadId, priorVersion, record, startDocument } from './tab-log';
import { settleMainFrame } from './main-frame-waiters';
import { onTabDocument } from './header-reading';
import { onPageRecorded } from './page-refine';
import { isNews, mergeVersions, type RequestVersion } from './merge-versions';

/** The fields of webRequest details this module reads; both browsers provide them. */
export interface ResponseDetails {
  requestId: string;
  tabId: number;
  frameId: number;
  url: string;
  method: string;
  type: string;
  statusCode: number;
  responseHeaders?: RawHeader[];
  timeStamp: number;
  /** Chrome: origin of the document that made the request. */
  initiator?: string;
  /** Firefox: URL of the document that made the request. */
  documentUrl?: string;
  originUrl?: string;
  /** Chrome: "prerender" for a page loaded ahead of time that the user has not seen yet. */
  documentLifecycle?: string;
  /** Chrome: the document that made the request; a navigation of the tab has none yet. */
  documentId?: string;
}

export interface ErrorDetails {
  requestId: string;
  tabId: number;
  frameId: number;
  url: string;
  method: string;
  type: string;
  error: string;
  timeStamp: number;
  initiator?: string;
  documentUrl?: string;
  documentLifecycle?: string;
  documentId?: string;
}

/**
 * webRequest.onHeadersReceived with `responseHeaders`: every document (main_frame, sub_frame), and
 * subresources in the tabs where the user asked for headers (header-reading.ts). The status arrives
 * here first, before an image's load can end in net::ERR_ABORTED. Ordinary responses pay one table
 * read (and main frames one more compare).
 */
export function onResponse(details: ResponseDetails): void {
  const verdict = statusVerdict(details.statusCode, details.type);
  if (verdict === 0) {
    if (details.type === 'main_frame' && !notThisTabsDocument(details)) newDocument(details.tabId, details.url, details.statusCode, false, timeOf(details));
    return;
  }
  if (notThisTabsDocument(details)) return;
  const refused = verdict === 1 || hasMarkerHeader(details.statusCode, headerNames(details.responseHeaders));
  try {
    // The page may have been read from itself first (onUnseenDocument): this answer is that request.
    if (refused && details.type === 'main_frame') adoptPageAnswer(details.tabId, details.url, String(details.requestId));
    if (details.type === 'main_frame' && !(refused && isKnown(details))) newDocument(details.tabId, details.url, details.statusCode, refused, timeOf(details));
    if (!refused) return;
    capture(details, { status: details.statusCode, headers: compactHeaders(details.responseHeaders) }, initiatorOf(details));
  } catch (error) {
    // One bad event must never stop the listener.
    console.warn('Why Blocked: could not record a response', error);
  }
}

/**
 * webRequest.onHeadersReceived without headers, every response: a refused subresource's status.
 * Documents are left to onResponse. A status that is a refusal only with a marker header (202 +
 * x-amzn-waf-action...) cannot be judged here; it is caught where headers are read. In a tab that
 * reads headers (header-reading.ts) the same response also reaches onResponse, before or after
 * this: it is recorded at once, and whichever version comes second upgrades it (tab-log.ts).
 */
export function onStatus(details: ResponseDetails): void {
  if (statusVerdict(details.statusCode, details.type) !== 1 || isDocumentType(details.type) || notThisTabsDocument(details)) return;
  try {
    capture(details, { status: details.statusCode, headers: {}, noHeaders: true }, initiatorOf(details));
  } catch (error) {
    console.warn('Why Blocked: could not record a response', error);
  }
}

function initiatorOf(details: ResponseDetails): string | undefined {
  return details.initiator ?? details.documentUrl ?? details.originUrl;
}

/** webRequest.onErrorOccurred: only ERR_BLOCKED_BY_* errors are refusals. */
export function onError(details: ErrorDetails): void {
  if (!isBlockingError(details.error) || notThisTabsDocument(details)) return;
  try {
    // A page refused by its status and then blocked stays the one document it was.
    if (details.type === 'main_frame' && !isKnown(details)) newDocument(details.tabId, details.url, 0, true, timeOf(details));
    capture(details, { status: 0, headers: {}, error: details.error.slice(0, 120) }, details.initiator ?? details.documentUrl);
  } catch (error) {
    console.warn('Why Blocked: could not record an error', error);
  }
}

/**
 * A tab shows a document whose answer no listener saw (it loaded before they were live), and the
 * page says it was answered with `status`: recorded as the page's refusal, by its status only.
 */
export function onUnseenDocument(tabId: number, url: string, status: number, time: number): void {
  if (statusVerdict(status, 'main_frame') !== 1) return;
  // Firefox can report the commit before the answer: the listener may have recorded it meanwhile.
  if (pageEventOf(tabId, url)) return;
  const details = { requestId: pageReadId(tabId, time), tabId, frameId: 0, url, method: 'GET', type: 'main_frame', timeStamp: time };
  try {
    capture(details, { status, headers: {}, noHeaders: true }, undefined);
  } catch (error) {
    console.warn('Why Blocked: could not record a page', error);
  }
}

/**
 * Requests no document on screen is waiting for: no tab (a site's service worker), a prerendered
 * page not shown yet, or a page fetched ahead by speculation rules. Chromium 156 reports that
 * prefetch as the tab's main_frame with lifecycle "active", but with the documentId of the page
 * that asked for it, which a navigation of the tab never has.
 */
function notThisTabsDocument(details: { tabId: number; type: string; documentLifecycle?: string; documentId?: string }): boolean {
  return details.tabId < 0 || details.documentLifecycle === 'prerender' || (details.type === 'main_frame' && details.documentId !== undefined);
}

/** The tab gets a new document; its status (0 for a network error) settles a fix waiting to retry. */
function newDocument(tabId: number, url: string, status: number, refused: boolean, time: number): void {
  // Redirects also pass here; only the final answer matters to the retry waiter.
  if (status < 300 || status >= 400) settleMainFrame(tabId, status, refused);
  startDocument(tabId, url, time);
  onTabDocument(tabId, url);
}

function adoptPageAnswer(tabId: number, url: string, requestId: string): void {
  const before = adoptPageRead(tabId, url, requestId);
  if (before !== undefined) renameQueued(before, requestId);
}

/** Was this request recorded on the tab's current document already? */
function isKnown(details: { requestId: string; tabId: number }): boolean {
  return typeof priorVersion(details.tabId, String(details.requestId)) === 'object';
}

function timeOf(details: { timeStamp: number }): number {
  return Number.isFinite(details.timeStamp) ? Math.round(details.timeStamp) : Date.now();
}

function headerNames(headers: RawHeader[] | undefined): string[] {
  return Array.isArray(headers) ? headers.map((h) => h.name) : [];
}

function capture(
  details: { requestId: string; tabId: number; frameId: number; url: string; method: string; type: string; timeStamp: number },
  seen: RequestVersion,
  initiator: string | undefined,
): void {
  const requestId = String(details.requestId);
  // The same request seen before (other listener, its error, an earlier answer): one event.
  const prior = priorVersion(details.tabId, requestId);
  if (prior === 'counted') return;
  const version = prior ? mergeVersions(prior, seen) : seen;
  if (prior && !isNews(prior, version)) return;
  const { status, headers, error } = version;
  if (!isCounted(settings(), status, error)) return;
  // In a flood, a repeat of a refusal the log shows is counted, not diagnosed again.
  if (!prior && version.noHeaders && countRepeat(details.tabId, requestId, details.url, status, details.type)) return;
  // The engine bounds what it reads; the log clips what it stores (signed URLs are long).
  const url = String(details.url).slice(0, 8192);
  const time = timeOf(details);
  const diagnosis = diagnoseCore({
    url,
    method: details.method,
    type: details.type,
    status,
    headers,
    cookies: cookieNamesFrom(headers),
    error,
    initiator,
    time,
  });
  // The vendor's own expected answer (Cloudflare's challenge-platform 401) is not a refusal.
  if (diagnosis.expected) return;
  const event: Omit<RefusalEvent, 'seq'> = {
    requestId,
    time,
    url,
    method: String(details.method).slice(0, 16),
    type: details.type,
    status,
    frameId: details.frameId,
    headers,
    cause: diagnosis.cause,
    category: diagnosis.category,
    vendor: diagnosis.vendor,
    severity: severityOf(details.type),
  };
  if (error) event.error = error;
  if (version.noHeaders) event.noHeaders = true;
  if (initiator) event.initiator = String(initiator);
  const documentUrl = details.type === 'main_frame' ? url : undefined;
  record(details.tabId, documentUrl, event);
  if (documentUrl !== undefined) onPageRecorded(details.tabId);
  const reference = diagnosis.reference ? `${diagnosis.reference.label}: ${diagnosis.reference.value}` : undefined;
  queueHistory(details.tabId, event, documentUrl ?? logOf(details.tabId)?.documentUrl ?? '', reference, prior);
}
