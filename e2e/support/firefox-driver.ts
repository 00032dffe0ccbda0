import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { distDir, GECKO_ID, helperPagePath } from './dist';
import { findBrowser } from './executables';
import { backgroundContextId, callExpression, closeAll, newestTabShowing, screenshotAll, tolerateNavigationError, extensionCall, waitFor, type Driver, type DriverPage, type ExtensionApi, type LaunchOptions } from './driver';

/** Fixed so extension URLs are known before install (moz-extension://UUID/). */
export const FIREFOX_EXTENSION_UUID = '5b0c9d2e-7f1a-4e3b-9c8d-2a6f4e1b7c30';

/** Firefox through puppeteer-core over WebDriver BiDi; the extension is installed temporarily. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<Driver> {
  const dist = distDir('firefox');
  const profile = options.privateBrowsing ? privateProfile() : undefined;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: true,
    // The flood test's page call runs as long as its 20,000 requests (~170 s, more under load).
    protocolTimeout: 420_000,
    userDataDir: profile,
    // Without it, navigating to moz-extension:// is refused.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      ...(options.locale ? { 'intl.locale.requested': options.locale } : {}),
      ...(options.backgroundIdleMs ? { 'extensions.background.idle.timeout': options.backgroundIdleMs } : {}),
      ...options.firefoxPrefs,
      ...(profile ? { 'browser.privatebrowsing.autostart': true } : {}),
    },
  });
  if (profile) browser.once('disconnected', () => rmSync(profile, { recursive: true, force: true }));
  try {
    if (options.openBeforeInstall) await (await browser.newPage()).goto(options.openBeforeInstall).catch((error: unknown) => tolerateNavigationError(error));
    await browser.installExtension(dist);
    if (options.openAtOnce) await (await browser.newPage()).goto(options.openAtOnce).catch((error: unknown) => tolerateNavigationError(error));
    return new FirefoxDriver(browser, `moz-extension://${FIREFOX_EXTENSION_UUID}/`, helperPagePath(dist));
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * A profile that lets the extension run in private windows, as the user's "Run in Private Windows"
 * switch does: Firefox keeps that grant in extension-preferences.json, and no pref or install
 * option sets it for a temporary add-on.
 */
function privateProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'why-blocked-firefox-private-'));
  writeFileSync(join(dir, 'extension-preferences.json'), JSON.stringify({ [GECKO_ID]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } }));
  return dir;
}

class FirefoxDriver implements Driver {
  readonly name = 'firefox' as const;
  private helper: Page | null = null;
  private readonly opened = new Set<Page>();
  readonly closed: Promise<void>;

  constructor(
    private readonly browser: Browser,
    readonly extensionBase: string,
    private readonly helperPath: string,
  ) {
    this.closed = new Promise((resolve) => browser.once('disconnected', () => resolve()));
  }

  async openPage(url: string): Promise<DriverPage> {
    const page = await this.newPage();
    await cancelAuthPrompts(page);
    // A refused navigation can end in a browser error (a 401 with Basic auth and no credentials
    // does): the tab is there all the same, and the extension saw the response.
    await page.goto(url, { waitUntil: 'load' }).catch((error: unknown) => tolerateNavigationError(error));
    return wrap(page);
  }

  async openExtensionPage(path: string): Promise<DriverPage> {
    const page = await this.newPage();
    await gotoExtensionPage(page, this.extensionBase + path.replace(/^\//, ''));
    return wrap(page);
  }

  async evalInExtension<A, R>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg: A): Promise<R> {
    if (!this.helper || this.helper.isClosed()) {
      this.helper = await this.browser.newPage();
      await gotoExtensionPage(this.helper, this.extensionBase + this.helperPath);
    }
    return (await this.helper.evaluate(extensionCall(fn, arg))) as R;
  }

  tabIdOf(url: string): Promise<number> {
    return newestTabShowing(this, url);
  }

  snapshot(dir: string): Promise<string[]> {
    return screenshotAll(this.opened, dir);
  }

  async stopBackground(): Promise<void> {
    // No command stops an event page; it suspends itself once idle for extensions.background.idle.timeout.
    await waitFor('the event page to suspend (launch with backgroundIdleMs)', async () => (await backgroundContextId(this)) === null, 30_000);
  }

  closePages(): Promise<void> {
    return closeAll(this.opened);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }

  private async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    this.opened.add(page);
    return page;
  }
}

/**
 * A 401 with `WWW-Authenticate: Basic` opens a login prompt that stalls the load forever in
 * headless Firefox. Answer it as a user pressing Cancel would: puppeteer cancels when its auth
 * interception is on and it holds no credentials, so turn the interception on, then drop them.
 */
async function cancelAuthPrompts(page: Page): Promise<void> {
  await page.authenticate({ username: '', password: '' });
  (page as unknown as { _credentials: unknown })._credentials = null;
}

/**
 * `page.goto` to a moz-extension:// page loads it but never resolves over BiDi: start it, then
 * poll until the document is there and loaded.
 */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => undefined);
  await waitFor(`${url} to load`, async () => {
    const state = (await page.evaluate('({ href: location.href, ready: document.readyState })')) as { href: string; ready: string };
    return state.href === url && state.ready === 'complete';
  });
}

function wrap(page: Page): DriverPage {
  return {
    url: async () => (await page.evaluate('location.href')) as string,
    evaluate: async (fn, arg) => page.evaluate(callExpression(fn as (...a: never[]) => unknown, [arg])) as never,
    click: async (selector) => {
      await page.locator(selector).click();
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    press: (key) => page.keyboard.press(key as KeyInput),
    evaluateSource: (source) => page.evaluate(source),
    setInputFiles: async (selector, path) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`No ${selector} to set a file on`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png`, fullPage: true });
    },
    close: () => page.close(),
  };
}
