import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import type { BrowserName } from './executables';

export type { BrowserName, ExtensionApi };

/**
 * One tab, in either browser. Everything beyond navigation goes through `evaluate`, so a test
 * reads the same in Chromium (Playwright) and Firefox (puppeteer over WebDriver BiDi).
 */
export interface DriverPage {
  url(): Promise<string>;
  /** Runs `fn(arg)` in the page. `fn` is sent as source: it may use only its argument. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A trusted click on the first element matching `selector`. */
  click(selector: string): Promise<void>;
  reload(): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Presses a key as the keyboard would ('Tab', 'Shift+Tab', 'Enter', ' '), on the focused element. */
  press(key: string): Promise<void>;
  /**
   * Evaluates script source in the page as the test harness does, so the page's CSP does not stop
   * it (an extension page forbids eval): for injecting a library such as axe-core.
   */
  evaluateSource(source: string): Promise<unknown>;
  /** Sets a file input's file as a user picking it would (fires input and change). */
  setInputFiles(selector: string, path: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  name: BrowserName;
  /** chrome-extension://ID/ or moz-extension://UUID/ */
  extensionBase: string;
  /** Opens a new tab on `url` and waits for it to load (whatever the status). */
  openPage(url: string): Promise<DriverPage>;
  /** Opens an extension page in a new tab, e.g. 'src/popup/index.html?tabId=3'. */
  openExtensionPage(path: string): Promise<DriverPage>;
  /** Runs `fn(api, arg)` in an extension page, with the promise-based `browser`/`chrome` API. */
  evalInExtension<A, R>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The id of the tab showing `url` (polls until the browser reports it). */
  tabIdOf(url: string): Promise<number>;
  /** Settles when the browser goes away (closed by the user or by `close`). */
  closed: Promise<void>;
  /** Screenshots every open test tab into `dir` (for failed tests); returns the files. */
  snapshot(dir: string): Promise<string[]>;
  /** Closes every tab opened since the last call (the helper page stays). */
  closePages(): Promise<void>;
  /**
   * Stops the extension's background and returns once it is gone; the next event starts it again.
   * Chromium stops the service worker over CDP. Firefox has no such command: its event page
   * suspends itself when idle, so this waits for that (launch with `backgroundIdleMs`).
   */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Source text that calls `fn` with `args`, for both engines' string evaluation. esbuild-based
 * loaders (tsx) wrap functions in `__name(...)`, which the page does not have: define it.
 */
export function callExpression(fn: (...args: never[]) => unknown, args: readonly unknown[]): string {
  const list = args.map((a) => (a === undefined ? 'undefined' : JSON.stringify(a))).join(', ');
  return `(globalThis.__name ??= (f) => f, (${fn.toString()})(${list}))`;
}

/** The extension API as the page sees it: `browser` in Firefox, `chrome` (promise-based) in Chromium. */
export function extensionCall<A, R>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg: A): string {
  const list = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(globalThis.__name ??= (f) => f, (${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${list}))`;
}

export interface LaunchOptions {
  /** The browser's UI language, e.g. 'de' or 'es' (Chromium: --lang and LANGUAGE; Firefox: intl.locale.requested, needs its language pack). */
  locale?: string;
  /** Firefox: suspend the idle event page after this long (pref extensions.background.idle.timeout). */
  backgroundIdleMs?: number;
  /** Firefox: more preferences. */
  firefoxPrefs?: Record<string, unknown>;
  /**
   * Open this page the moment the extension is there (Chromium: its worker exists; Firefox: the
   * install returned), before the driver's own set-up: a page loading while the extension starts.
   */
  openAtOnce?: string;
  /**
   * Open this page first, then install the extension (Chromium: CDP Extensions.loadUnpacked;
   * Firefox: installExtension): a page that loaded before the extension's listeners existed.
   */
  openBeforeInstall?: string;
  /** Firefox: every window private (permanent private browsing), with the extension allowed in them. */
  privateBrowsing?: boolean;
}

export async function launchDriver(name: BrowserName, options: LaunchOptions = {}): Promise<Driver> {
  if (name === 'chromium') return (await import('./chromium-driver')).launchChromium({ locale: options.locale, openAtOnce: options.openAtOnce, openBeforeInstall: options.openBeforeInstall });
  return (await import('./firefox-driver')).launchFirefox(options);
}

/** The id of the extension's running background context, or null while it is stopped. */
export async function backgroundContextId(driver: Driver): Promise<string | null> {
  return driver.evalInExtension(async (api) => {
    const runtime = api.runtime as unknown as { getContexts(filter: object): Promise<{ contextId: string }[]> };
    const [background] = await runtime.getContexts({ contextTypes: ['BACKGROUND'] });
    return background?.contextId ?? null;
  }, undefined);
}

/** Polls `fn` until it returns a value other than undefined/null/false. */
export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      const value = await fn();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** Navigation errors a refused request may cause; anything else (a timeout, a crash) is rethrown. */
export function tolerateNavigationError(error: unknown): void {
  const message = String(error);
  if (/ERR_INVALID_AUTH_CREDENTIALS|ERR_ABORTED|NS_BINDING_ABORTED|NS_ERROR_/.test(message)) return;
  throw error;
}

/** Waits for `promise` at most `ms`, ignoring its outcome: for clean-ups that must not hang a run. */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

/** The newest tab showing `url` (ids grow within a session), should an older one show it too. */
export function newestTabShowing(driver: Pick<Driver, 'evalInExtension'>, url: string): Promise<number> {
  return waitFor(`a tab showing ${url}`, () =>
    driver
      .evalInExtension(async (api, wanted) => Math.max(...(await api.tabs.query({})).filter((t) => t.url === wanted).map((t) => t.id ?? -1), -1), url)
      .then((id) => (id >= 0 ? id : null)),
  );
}

interface ClosablePage {
  screenshot(options: { path: `${string}.png` }): Promise<unknown>;
  close(): Promise<unknown>;
}

/** A PNG of every page a test opened, for the failure report; a hung page is skipped, not waited on. */
export async function screenshotAll(pages: Iterable<ClosablePage>, dir: string): Promise<string[]> {
  const files: string[] = [];
  mkdirSync(dir, { recursive: true });
  for (const [i, page] of [...pages].entries()) {
    const file = join(dir, `tab-${i + 1}.png`) as `${string}.png`;
    await settleWithin(page.screenshot({ path: file }).then(() => files.push(file)), 5000);
  }
  return files;
}

export async function closeAll(pages: Set<ClosablePage>): Promise<void> {
  const list = [...pages];
  pages.clear();
  await Promise.all(list.map((p) => settleWithin(p.close(), 5000)));
}
