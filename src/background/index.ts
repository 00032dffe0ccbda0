import { browser } from '../shared/browser';
import { forgetBadge, showBadge } from './badge';
import { onError, onResponse, onStatus, onUnseenDocument, type ResponseDetails } from './capture';
import { bridgeHeadersUntil } from './header-bridge';
import { headersWanted, headerTabsRestored, setHeaderHandler, setReadEverywhere, stopReadingHeaders } from './header-reading';
import { forgetPrivacy, pruneNow, writeQueued } from './history-writer';
import { createMenus, onMenuClicked } from './menu';
import { onMessage } from './messages';
import { forgetLoadedPage, refineLoadedPage } from './page-refine';
import { cancelRetry, onAlarm, onNotificationClicked } from './scheduled-retries';
import { onSettingsChanged, settingsLoaded } from './settings-cache';
import { documentStatus } from './unseen-page';
import { allLogs, flush, forgetTab, logOf, onDocumentCommitted, setFlushListener } from './tab-log';

// Every listener is registered synchronously at the top level so a restarted worker gets the
// event that woke it. Headers are asked for documents only (and for subresources where the user
// asks, header-reading.ts); no `extraHeaders`. Both slow every request of every page (BENCHMARKS.md).
const ALL_URLS = { urls: ['<all_urls>'] };
const DOCUMENTS = { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame'] as ('main_frame' | 'sub_frame')[] };
const PRUNE_ALARM = 'history-prune';
type HeadersListener = Parameters<typeof browser.webRequest.onHeadersReceived.addListener>[0];

browser.webRequest.onHeadersReceived.addListener(onResponse as unknown as HeadersListener, DOCUMENTS, ['responseHeaders']);
browser.webRequest.onHeadersReceived.addListener(onStatus as unknown as HeadersListener, ALL_URLS);
setHeaderHandler(onResponse);
// Until the worker knows where headers are read, it reads them everywhere (header-bridge.ts).
bridgeHeadersUntil(Promise.all([headerTabsRestored(), settingsLoaded]), (details: ResponseDetails) => {
  if (headersWanted(details.tabId)) onResponse(details);
});
browser.webRequest.onErrorOccurred.addListener(
  onError as unknown as Parameters<typeof browser.webRequest.onErrorOccurred.addListener>[0],
  ALL_URLS,
);
// Back/forward-cache restores make no request: the commit is the only sign of a new document.
// Chromium also clears a tab's badge on commit, which can come after the refusal was badged.
browser.webNavigation.onCommitted.addListener((details) => {
  if (details.frameId !== 0) return;
  // The browser reset the badge: nothing of it is shown any more.
  forgetBadge(details.tabId);
  forgetLoadedPage(details.tabId);
  void checkDocument(details.tabId, details.url, details.timeStamp);
});
/** A document whose answer no listener saw is asked its status; the badge is shown again. */
async function checkDocument(tabId: number, url: string, time: number): Promise<void> {
  if (await onDocumentCommitted(tabId, url)) {
    const status = await documentStatus(tabId, url);
    if (status !== null) onUnseenDocument(tabId, url, status, time);
  }
  const log = logOf(tabId);
  if (log && log.total > 0) void showBadge(log);
}
/** Pages loaded before the listeners were live: restored at launch, or loading during an install or update. */
async function checkOpenTabs(): Promise<void> {
  for (const tab of await browser.tabs.query({}).catch(() => [])) {
    if (tab.id !== undefined && tab.url && /^https?:/.test(tab.url) && !logOf(tab.id)) void checkDocument(tab.id, tab.url, Date.now());
  }
}
// A refused page that has loaded is read once, so the badge and the history carry its final cause
// (issue 12). One event per page load, not per request; pages that loaded fine are not read.
browser.webNavigation.onCompleted.addListener((details) => {
  if (details.frameId === 0) void refineLoadedPage(details.tabId, details.url);
});
browser.runtime.onStartup.addListener(() => void checkOpenTabs());
browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  forgetBadge(tabId);
  forgetLoadedPage(tabId);
  forgetPrivacy(tabId);
  void stopReadingHeaders(tabId);
  void cancelRetry(tabId).catch(() => undefined);
});
browser.runtime.onInstalled.addListener(() => {
  void checkOpenTabs();
  createMenus();
  void browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60 });
  void pruneNow();
});
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
browser.runtime.onMessage.addListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === PRUNE_ALARM) void pruneNow();
  else onAlarm(alarm);
});
browser.notifications.onClicked.addListener(onNotificationClicked);
// Firefox says when it is about to suspend its event page: write the batches now. Chromium stops
// an idle worker without a word, but only after 30 s without events, well past any batch.
// https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/runtime/onSuspend
browser.runtime.onSuspend?.addListener(() => {
  void flush();
  void writeQueued();
});

setFlushListener((logs) => {
  for (const log of logs) void showBadge(log);
});
onSettingsChanged((next, previous) => {
  if (next.badge !== previous.badge) for (const log of allLogs()) void showBadge(log);
  if (next.historyDays !== previous.historyDays) void pruneNow();
  setReadEverywhere(next.allHeaders);
});
