import { browser } from '../shared/browser';

const STARTED = Date.now();
/** How long after the worker starts a page's unseen answer is asked of the page itself. */
const WINDOW_MS = 10_000;

/**
 * The status a tab's document was answered with, read in the page from Navigation Timing's
 * `responseStatus` (https://developer.mozilla.org/docs/Web/API/PerformanceResourceTiming/responseStatus),
 * or null where the browser does not tell it, the page cannot be scripted, or the tab moved on.
 * For documents whose answer webRequest never reported: a freshly installed extension's listeners
 * go live a moment after its worker starts (issue 10), and a page can load in that moment.
 */
export async function documentStatus(tabId: number, url: string): Promise<number | null> {
  // Only while the listeners may have been late: reading every page would cost every page a script.
  if (Date.now() - STARTED > WINDOW_MS) return null;
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => {
        const [navigation] = performance.getEntriesByType('navigation') as (PerformanceEntry & { responseStatus?: number })[];
        return { href: location.href, status: navigation?.responseStatus ?? null };
      },
    });
    const value = result?.result as { href?: unknown; status?: unknown } | undefined;
    if (value?.href !== url || typeof value.status !== 'number' || value.status <= 0) return null;
    return value.status;
  } catch {
    return null;
  }
}
