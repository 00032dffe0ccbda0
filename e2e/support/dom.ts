import type { DriverPage } from './driver';

/** DOM reads for either driver. Each runs in the page; selectors are CSS. */

export function textOf(page: DriverPage, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector);
}

export function textsOf(page: DriverPage, selector: string): Promise<string[]> {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => el.textContent ?? ''), selector);
}

export function attributeOf(page: DriverPage, selector: string, name: string): Promise<string | null> {
  return page.evaluate(([sel, attr]) => document.querySelector(sel)?.getAttribute(attr) ?? null, [selector, name] as const);
}

export function countOf(page: DriverPage, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}

/**
 * Starts a navigation as the page's own script would (`location.assign(url)`, or `history.back()`
 * for null), after the evaluation has answered: an evaluation that navigates can lose its answer
 * with the document it replaces ("Execution context was destroyed").
 */
export async function navigateFromPage(page: DriverPage, url: string | null): Promise<void> {
  await page.evaluate((target) => {
    setTimeout(() => (target === null ? history.back() : location.assign(target)), 0);
  }, url);
}
