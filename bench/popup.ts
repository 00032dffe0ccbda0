import type { Page } from 'puppeteer-core';
import type { BenchBrowser } from './browsers';

/** Installed before the popup's own scripts: resolves with performance.now() at the first frame that shows the finding. */
const SHOWN_PROBE = `window.__popupShown = new Promise(function (resolve) {
  function check() {
    var el = document.querySelector('[data-testid=main-finding]');
    if (!el || el.getBoundingClientRect().height <= 0) return;
    observer.disconnect();
    requestAnimationFrame(function () { resolve(performance.now()); });
  }
  var observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
});`;

export interface PopupOpen {
  /** From navigation start of the popup page to the frame showing [data-testid=main-finding]. */
  ms: number;
  /** The same seen from the bench (includes DevTools round trips). */
  wallMs: number;
  page: Page;
}

/** Opens src/popup/index.html?tabId=N in a new tab and times it to content (Chromium). */
export async function openPopup(b: BenchBrowser, tabId: number): Promise<PopupOpen> {
  const page = await b.newPage();
  await page.evaluateOnNewDocument(SHOWN_PROBE);
  const start = Date.now();
  await page.goto(`${b.extensionBase}src/popup/index.html?tabId=${tabId}`, { waitUntil: 'domcontentloaded' });
  const ms = (await page.evaluate('Promise.race([window.__popupShown, new Promise(function (r) { setTimeout(function () { r(-1); }, 10000); })])')) as number;
  if (ms < 0) throw new Error(`the popup for tab ${tabId} showed no [data-testid=main-finding] within 10 s`);
  return { ms, wallMs: Date.now() - start, page };
}

export async function waitForTotal(b: BenchBrowser, tabId: number, wanted: number, timeoutMs = 15_000): Promise<number> {
  const key = JSON.stringify(`tab:${tabId}`);
  const deadline = Date.now() + timeoutMs;
  let total = 0;
  while (Date.now() < deadline) {
    total = await b.evalExtension<number>(`(await api.storage.session.get(${key}))[${key}]?.total ?? 0`);
    if (total >= wanted) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return total;
}

export interface PopupResult {
  ms: import('./stats').Spread;
  firstMs: number;
  wallMs: import('./stats').Spread;
  refusalsLogged: number;
}

/** Section 4: `runs` opens of the popup for a tab with `refusals` refusals logged. */
export async function benchPopup(
  launch: () => Promise<BenchBrowser>,
  origin: string,
  runs: number,
  refusals: number,
  progress: (line: string) => void,
): Promise<PopupResult> {
  const { spread } = await import('./stats');
  const b = await launch();
  try {
    await b.load(`${origin}/refused?n=${refusals}&run=popup-${Date.now()}`);
    const tabId = await b.benchTabId(origin);
    const logged = await waitForTotal(b, tabId, refusals);
    const times: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < runs; i++) {
      const open = await openPopup(b, tabId);
      times.push(open.ms);
      wall.push(open.wallMs);
      await open.page.close();
      progress(`popup: open ${i + 1}/${runs}: ${open.ms.toFixed(1)} ms`);
    }
    return { ms: spread(times), firstMs: times[0] ?? Number.NaN, wallMs: spread(wall), refusalsLogged: logged };
  } finally {
    await b.close();
  }
}
