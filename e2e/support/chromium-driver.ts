import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { distDir, helperPagePath } from './dist';
import { findBrowser } from './executables';
import { backgroundContextId, callExpression, closeAll, newestTabShowing, screenshotAll, tolerateNavigationError, extensionCall, waitFor, type Driver, type DriverPage } from './driver';

export interface ChromiumOptions {
  /** Show the window (npm start with a display). */
  headful?: boolean;
  /** UI language, e.g. 'de': what chrome.i18n picks the extension's messages by. */
  locale?: string;
  /** A page to open the moment the service worker exists (see LaunchOptions). */
  openAtOnce?: string;
  /** A page to open before the extension is installed (see LaunchOptions). */
  openBeforeInstall?: string;
  /** prefers-color-scheme for every page (the screenshots' dark theme). */
  colorScheme?: 'light' | 'dark';
}

/** Chromium through Playwright: only a persistent context loads an unpacked extension. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<Driver> {
  const dist = distDir('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'why-blocked-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chromium'),
    headless: !options.headful,
    viewport: options.headful ? null : { width: 1000, height: 700 },
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    ...(options.locale ? { env: { ...process.env, LANGUAGE: options.locale }, locale: options.locale } : {}),
    // Installing later goes through CDP, which Chromium allows only with this switch.
    ...(options.openBeforeInstall ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(options.openBeforeInstall ? ['--enable-unsafe-extension-debugging'] : [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Keep Chromium's own look-ups off the network; only the lab answers.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  try {
    if (options.openBeforeInstall) {
      const page = await context.newPage();
      await page.goto(options.openBeforeInstall).catch((error: unknown) => tolerateNavigationError(error));
      // The Extensions domain lives on the browser target, not a page's.
      const browser = context.browser();
      if (!browser) throw new Error('No browser target to install the extension through');
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Extensions.loadUnpacked' as never, { path: dist } as never);
      await cdp.detach();
    }
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    if (options.openAtOnce) await (await context.newPage()).goto(options.openAtOnce).catch((error: unknown) => tolerateNavigationError(error));
    const extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
    // Tests read what a popup copied with navigator.clipboard.readText (Firefox lets extension pages).
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    return new ChromiumDriver(context, extensionBase, helperPagePath(dist), profile);
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

class ChromiumDriver implements Driver {
  readonly name = 'chromium' as const;
  private helper: Page | null = null;
  private readonly opened = new Set<Page>();
  readonly closed: Promise<void>;

  constructor(
    private readonly context: BrowserContext,
    readonly extensionBase: string,
    private readonly helperPath: string,
    private readonly profile: string,
  ) {
    this.closed = new Promise((resolve) => context.once('close', () => resolve()));
  }

  async openPage(url: string): Promise<DriverPage> {
    const page = await this.newPage();
    // A refused navigation can end in a browser error (a 401 with Basic auth and no credentials
    // does): the tab is there all the same, and the extension saw the response.
    await page.goto(url, { waitUntil: 'load' }).catch((error: unknown) => tolerateNavigationError(error));
    return wrap(page);
  }

  async openExtensionPage(path: string): Promise<DriverPage> {
    const page = await this.newPage();
    await page.goto(this.extensionBase + path.replace(/^\//, ''), { waitUntil: 'load' });
    return wrap(page);
  }

  async evalInExtension<A, R>(fn: (api: import('./driver').ExtensionApi, arg: A) => R | Promise<R>, arg: A): Promise<R> {
    if (!this.helper || this.helper.isClosed()) {
      this.helper = await this.context.newPage();
      await this.helper.goto(this.extensionBase + this.helperPath, { waitUntil: 'load' });
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
    const page = this.helper && !this.helper.isClosed() ? this.helper : await this.newPage();
    const life = await backgroundContextId(this);
    // Stopped, or already started again by an event that was on its way (a closing popup's last
    // message, a late request): either way the life that was running is over.
    const over = async (): Promise<boolean> => {
      const now = await backgroundContextId(this);
      return now === null || now !== life;
    };
    for (let attempt = 1; ; attempt++) {
      const cdp = await this.context.newCDPSession(page);
      try {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
      } finally {
        await cdp.detach().catch(() => undefined);
      }
      // Once in CI the same life still ran 15 s after the stop (why was not seen): asked again, 5 s each, at most three times.
      const stopped = await waitFor('the service worker to stop', over, 5000).catch((error: unknown) => {
        if (attempt === 3) throw error;
        return false;
      });
      if (stopped) return;
    }
  }

  closePages(): Promise<void> {
    return closeAll(this.opened);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.profile, { recursive: true, force: true });
  }

  private async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    this.opened.add(page);
    return page;
  }
}

function wrap(page: Page): DriverPage {
  return {
    url: async () => page.url(),
    evaluate: async (fn, arg) => page.evaluate(callExpression(fn as (...a: never[]) => unknown, [arg])),
    click: (selector) => page.locator(selector).first().click(),
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    press: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
    evaluateSource: (source) => page.evaluate(source),
    setInputFiles: (selector, path) => page.locator(selector).first().setInputFiles(path),
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: true });
    },
    close: () => page.close(),
  };
}
