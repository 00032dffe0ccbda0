import { browser } from './browser';

/**
 * Host access can be withheld by the user (Firefox asks separately; Chrome allows "on click").
 * Without it the worker sees no responses of that site and the popup cannot read the page.
 */
export const ALL_SITES = { origins: ['<all_urls>'] };

export async function hasHostAccess(url: string): Promise<boolean> {
  let origin: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
    origin = `${parsed.origin}/*`;
  } catch {
    return true;
  }
  try {
    return await browser.permissions.contains({ origins: [origin] });
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
