import { browser } from './browser';

/**
 * Host access can be withheld by the user (Firefox asks separately; Chrome allows "on click").
 * Without it the worker sees no responses of that site and the popup cannot read the page.
 */
export const ALL_SITES = { origins: ['<all_urls>'] };

export async function hasHostAccess(url: string): Promise<boolean> {
  // The browser hides a tab's address from an extension without access to its site: then only
  // "all sites" can be checked (granted, and the tab shows no website).
  if (!url) return contains(ALL_SITES.origins);
  let origin: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
    // No port: Firefox's match patterns with a port match nothing, and Chrome's without one match every port.
    origin = `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return true;
  }
  return contains([origin]);
}

async function contains(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/** Must be called from a click handler: browsers only show the prompt for a user action. */
export async function requestHostAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request(ALL_SITES);
  } catch {
    return false;
  }
}
