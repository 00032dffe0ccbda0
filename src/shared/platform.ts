import { browser } from './browser';

/**
 * Browser differences, found by feature and kept in one place.
 * Firefox's browsingData takes `hostnames` (cookies, storage) and cannot clear the cache of one site;
 * Chrome's takes `origins` for both. https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/browsingData/RemovalOptions
 */
export function isGecko(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

export function canClearCachePerSite(): boolean {
  return !isGecko();
}

/** http(s) pages only: there is no "site" to clear for about:, file:, data: or extension pages. */
export function websiteUrlOf(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The origin of a URL; a string that is not a URL stands for itself. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
