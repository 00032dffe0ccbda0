import { browser } from './browser';
import type { PageExtras } from './observation';

/** How much of a refused document's text is read: enough for every known block-page marker. */
export const PAGE_TEXT_LIMIT = 64 * 1024;

/**
 * Reads a refused document's title and the start of its text from the tab, and the names (never
 * values) of the cookies the site has. Each part is optional: a missing permission or a page the
 * browser will not script (its own error pages) simply yields less evidence.
 */
export async function readPage(tabId: number, url: string): Promise<PageExtras> {
  const [page, cookies] = await Promise.all([readText(tabId), cookieNames(url)]);
  return { ...page, cookies };
}

async function readText(tabId: number): Promise<Pick<PageExtras, 'pageTitle' | 'pageText'>> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: (limit: number) => ({
        title: String(document.title).slice(0, 1024),
        // documentElement.textContent keeps script/style text, where challenge markers live.
        text: String(document.documentElement?.outerHTML ?? '').slice(0, limit),
      }),
      args: [PAGE_TEXT_LIMIT],
    });
    const value = result?.result as { title?: unknown; text?: unknown } | undefined;
    return {
      pageTitle: typeof value?.title === 'string' ? value.title : undefined,
      pageText: typeof value?.text === 'string' ? value.text.slice(0, PAGE_TEXT_LIMIT) : undefined,
    };
  } catch {
    return {};
  }
}

async function cookieNames(url: string): Promise<string[]> {
  try {
    const cookies = await browser.cookies.getAll({ url });
    return cookies.slice(0, 200).map((c) => c.name.slice(0, 64));
  } catch {
    return [];
  }
}
