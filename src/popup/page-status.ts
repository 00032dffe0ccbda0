import { browser } from '../shared/browser';

/**
 * The status the tab's document was answered with, from Navigation Timing's `responseStatus` in the
 * page (https://developer.mozilla.org/docs/Web/API/PerformanceResourceTiming/responseStatus); 200
 * where the browser does not tell it or the page cannot be scripted: the document did load.
 */
export async function readPageStatus(tabId: number): Promise<number> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => {
        const [navigation] = performance.getEntriesByType('navigation') as (PerformanceEntry & { responseStatus?: unknown })[];
        return navigation?.responseStatus;
      },
    });
    const status = result?.result;
    return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status < 1000 ? status : 200;
  } catch {
    return 200;
  }
}
