import { browser } from './browser';

/**
 * What the page says of its own load: its address and the status its document was answered with,
 * from Navigation Timing's `responseStatus`
 * (https://developer.mozilla.org/docs/Web/API/PerformanceResourceTiming/responseStatus). Null
 * where the page cannot be scripted; `status` null where the browser does not tell it.
 */
export async function navigationOf(tabId: number): Promise<{ href: string; status: number | null } | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => {
        const [navigation] = performance.getEntriesByType('navigation') as (PerformanceEntry & { responseStatus?: unknown })[];
        return { href: location.href, status: navigation?.responseStatus };
      },
    });
    const value = result?.result as { href?: unknown; status?: unknown } | undefined;
    if (typeof value?.href !== 'string') return null;
    const status = value.status;
    return { href: value.href, status: typeof status === 'number' && Number.isInteger(status) && status >= 100 && status < 1000 ? status : null };
  } catch {
    return null;
  }
}
