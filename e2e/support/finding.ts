import { waitFor, type DriverPage } from './driver';

/** What the popup concluded, read from its DOM contract (data-testid attributes). */
export interface PopupFinding {
  clean: boolean;
  category: string | null;
  vendor: string | null;
  cause: string | null;
  headline: string | null;
  reference: string | null;
}

export function readFinding(popup: DriverPage): Promise<PopupFinding> {
  return popup.evaluate(() => {
    const cause = document.querySelector('[data-testid=cause]');
    const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? null;
    return {
      clean: document.querySelector('[data-testid=clean]') !== null,
      category: cause?.getAttribute('data-category') ?? null,
      vendor: cause?.getAttribute('data-vendor') || null,
      cause: cause?.getAttribute('data-cause') ?? null,
      headline: text('[data-testid=main-finding] h1') ?? text('[data-testid=main-finding]'),
      reference: text('[data-testid=reference]'),
    };
  }, undefined);
}

/**
 * The popup's finding once it has settled: it paints from headers first and sharpens when the
 * page's text arrives, so wait for `expected` a while, then take what is shown.
 */
export async function settledFinding(popup: DriverPage, expected: string | null, settleMs = 3000): Promise<PopupFinding> {
  await waitFor('the popup to show a finding', async () => {
    const f = await readFinding(popup);
    return f.clean || f.category !== null;
  });
  try {
    return await waitFor(`the popup to conclude ${expected ?? 'clean'}`, async () => {
      const f = await readFinding(popup);
      return (expected === null ? f.clean : f.category === expected) ? f : null;
    }, settleMs);
  } catch {
    return readFinding(popup);
  }
}
