import { browser } from '../shared/browser';
import { showBadge } from './badge';
import { onError, onResponse } from './capture';
import { createMenus, onMenuClicked } from './menu';
import { onMessage } from './messages';
import { forgetTab, onDocumentCommitted, setFlushListener } from './tab-log';

// Every listener is registered synchronously at the top level so a restarted worker gets the
// event that woke it. No `extraHeaders`: it slows every request of every page (see BENCHMARKS.md).
const ALL_URLS = { urls: ['<all_urls>'] };

browser.webRequest.onHeadersReceived.addListener(
  onResponse as unknown as Parameters<typeof browser.webRequest.onHeadersReceived.addListener>[0],
  ALL_URLS,
  ['responseHeaders'],
);
browser.webRequest.onErrorOccurred.addListener(
  onError as unknown as Parameters<typeof browser.webRequest.onErrorOccurred.addListener>[0],
  ALL_URLS,
);
browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
// Back/forward-cache restores make no request: the commit is the only sign of a new document.
browser.webNavigation.onCommitted.addListener((details) => {
  if (details.frameId === 0) void onDocumentCommitted(details.tabId, details.url);
});
browser.runtime.onInstalled.addListener(createMenus);
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
browser.runtime.onMessage.addListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

setFlushListener((logs) => {
  for (const log of logs) void showBadge(log);
});
