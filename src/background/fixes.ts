import { specOf, type FixAction } from '../engine/fixes';
import { browser } from '../shared/browser';
import type { FixResult } from '../shared/messages';
import { isGecko, websiteUrlOf } from '../shared/platform';
import { readHeadersIn, stopReadingHeaders } from './header-reading';
import { waitForMainFrame } from './main-frame-waiters';

const RETRY_TIMEOUT_MS = 15_000;

/** What each one-click fix does to the site (tsc asks for one per FixAction); the retry comes after. */
const RUNNERS: Record<FixAction, (site: URL | null) => Promise<FixResult>> = {
  retry: async () => ({ ok: true, message: 'fixDoneRetry' }),
  'clear-cookies': async (site) => ({ ok: true, message: 'fixDoneCookies', detail: String(site ? await clearCookies(site) : 0) }),
  'clear-cache': async (site) => {
    if (site) await clearCache(site);
    return { ok: true, message: isGecko() ? 'fixDoneCacheAll' : 'fixDoneCache' };
  },
};

/** Carries out one fix; every failure comes back as a message key, never as a throw. */
export async function carryOutFix(action: FixAction, tabId: number, url: string, thenRetry: boolean): Promise<FixResult> {
  let tabUrl: string | undefined;
  try {
    tabUrl = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, message: 'fixErrorTabClosed' };
  }
  const site = websiteUrlOf(url);
  // The tab must show a website too: browsers hide the URL of about:, data: and other non-site pages
  // from us (host access covers websites only), and no site's data is cleared from such a tab.
  const showsSite = tabUrl !== undefined && websiteUrlOf(tabUrl) !== null;
  if ((!site || !showsSite) && specOf(action).needsSite) return { ok: false, message: 'fixErrorNotWebsite' };
  try {
    const result = await RUNNERS[action](site);
    // A retry is the fix itself: it always reloads.
    return thenRetry || action === 'retry' ? { ...result, retry: await reloadAndCheck(tabId) } : result;
  } catch (error) {
    return { ok: false, message: 'fixErrorFailed', detail: String((error as Error)?.message ?? error).slice(0, 200) };
  }
}

/** Chrome's RemovalOptions has `origins` and DataTypeSet `cacheStorage`; the polyfill types lack them. */
type RemovalOptions = { origins?: string[]; hostnames?: string[]; since?: number };
type DataTypes = { cookies?: boolean; cache?: boolean; cacheStorage?: boolean };
const removeData = (options: RemovalOptions, types: DataTypes): Promise<void> =>
  (browser.browsingData.remove as (o: RemovalOptions, t: DataTypes) => Promise<void>)(options, types);

/**
 * browsingData scoped to the site (Chrome: origins; Firefox: hostnames), then the cookies API for
 * any cookie still sent to the page (a parent domain's, which Firefox's hostnames miss).
 * Returns how many cookies the page was sending.
 */
async function clearCookies(site: URL): Promise<number> {
  const before = await browser.cookies.getAll({ url: site.href });
  await removeData(isGecko() ? { hostnames: [site.hostname] } : { origins: [site.origin] }, { cookies: true });
  const left = await browser.cookies.getAll({ url: site.href });
  await Promise.all(
    left.map((cookie) =>
      browser.cookies.remove({ url: `${site.protocol}//${cookie.domain.replace(/^\./, '')}${cookie.path}`, name: cookie.name, storeId: cookie.storeId }),
    ),
  );
  return before.length;
}

async function clearCache(site: URL): Promise<void> {
  if (isGecko()) {
    // Firefox cannot clear one site's cache; the popup said so and the user confirmed.
    await browser.browsingData.removeCache({});
    return;
  }
  await removeData({ origins: [site.origin] }, { cache: true, cacheStorage: true });
}

export async function reloadAndCheck(tabId: number): Promise<{ refused: boolean; status: number | null }> {
  const outcome = waitForMainFrame(tabId, RETRY_TIMEOUT_MS);
  await browser.tabs.reload(tabId, { bypassCache: true });
  return outcome;
}

/**
 * Reads every response's headers in the tab while it stays on its site, and reloads it so the
 * refused images, scripts and fetches come again with their headers; or stops reading them.
 */
export async function readHeadersAndReload(tabId: number, on: boolean): Promise<FixResult> {
  if (!on) {
    await stopReadingHeaders(tabId);
    return { ok: true, message: 'headersStopped' };
  }
  let tabUrl: string | undefined;
  try {
    tabUrl = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, message: 'fixErrorTabClosed' };
  }
  const site = tabUrl ? websiteUrlOf(tabUrl) : null;
  if (!site) return { ok: false, message: 'fixErrorNotWebsite' };
  try {
    await readHeadersIn(tabId, site.origin);
    await browser.tabs.reload(tabId);
    return { ok: true, message: 'headersReading', detail: site.host };
  } catch (error) {
    return { ok: false, message: 'fixErrorFailed', detail: String((error as Error)?.message ?? error).slice(0, 200) };
  }
}
