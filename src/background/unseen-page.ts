import { navigationOf } from '../shared/page-status';

const STARTED = Date.now();
/** How long after the worker starts a page's unseen answer is asked of the page itself. */
const WINDOW_MS = 10_000;

/**
 * The status a tab's document was answered with, as the page tells it (shared/page-status.ts), or
 * null where the browser does not tell it, the page cannot be scripted, or the tab moved on.
 * For documents whose answer webRequest never reported: a freshly installed extension's listeners
 * go live a moment after its worker starts (issue 10), and a page can load in that moment.
 */
export async function documentStatus(tabId: number, url: string): Promise<number | null> {
  // Only while the listeners may have been late: reading every page would cost every page a script.
  if (Date.now() - STARTED > WINDOW_MS) return null;
  const page = await navigationOf(tabId);
  return page?.href === url ? page.status : null;
}
