import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page, type Target, type WebWorker } from 'puppeteer-core';
import { GECKO_ID, HELPER_PAGE } from './extensions';

export type Engine = 'chromium' | 'firefox';

const ENV: Record<Engine, string> = { chromium: 'WHY_BLOCKED_CHROMIUM', firefox: 'WHY_BLOCKED_FIREFOX' };
const SYSTEM: Record<Engine, readonly string[]> = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

/** The browser executable: $WHY_BLOCKED_CHROMIUM / $WHY_BLOCKED_FIREFOX, else the system's. */
export function findExecutable(engine: Engine): string {
  const fromEnv = process.env[ENV[engine]];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${ENV[engine]}=${fromEnv}: no such file.`);
    return fromEnv;
  }
  const found = SYSTEM[engine].find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No ${engine} found (looked at $${ENV[engine]} and ${SYSTEM[engine].join(', ')}). ` +
      `Set ${ENV[engine]} to the browser's executable, or install it (Debian: apt-get install -y ${engine === 'chromium' ? 'chromium' : 'firefox-esr'}). ` +
      `To skip it: npm run bench -- --only ${engine === 'chromium' ? 'firefox,engine,bundle' : 'chromium,listener,popup,flood,engine,bundle'}`,
  );
}

/** Fixed so Why Blocked's pages are at a known moz-extension:// address. */
const FIREFOX_UUID = '0b7e3a52-6c1d-4f4e-9a8b-5d2c1e0f9a17';

export interface LaunchOptions {
  label: string;
  /** Unpacked extension to load, if any. */
  extension?: string;
  /** The extension is Why Blocked (has the bench helper page, a known gecko id). */
  whyBlocked?: boolean;
}

/** One running browser with one tab (`page`) that the bench navigates. */
export class BenchBrowser {
  private helper: Page | null = null;

  constructor(
    readonly label: string,
    readonly engine: Engine,
    readonly browser: Browser,
    readonly pid: number,
    public page: Page,
    readonly extensionBase: string | null,
    private readonly worker: { target: Target; worker: WebWorker } | null,
    private readonly profile: string | null,
  ) {}

  static async launch(engine: Engine, options: LaunchOptions): Promise<BenchBrowser> {
    return engine === 'chromium' ? launchChromium(options) : launchFirefox(options);
  }

  /** Navigates the bench tab and returns what the page's `window.__bench` promise resolves to. */
  async load<R = { ms: number }>(url: string): Promise<R> {
    await this.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    return (await this.page.evaluate('window.__bench')) as R;
  }

  /**
   * Runs JavaScript source where the extension API is: Chromium's service worker, or Firefox's
   * helper page. `source` is an expression (it may be an async IIFE); `api` is `chrome`/`browser`.
   */
  async evalExtension<R>(source: string): Promise<R> {
    const expression = `(async (api) => (${source}))(globalThis.browser ?? globalThis.chrome)`;
    if (this.worker) return (await this.worker.worker.evaluate(expression)) as R;
    if (!this.helper) {
      if (!this.extensionBase) throw new Error(`${this.label} has no extension`);
      this.helper = await openExtensionPage(this.browser, this.extensionBase + HELPER_PAGE);
    }
    return (await this.helper.evaluate(expression)) as R;
  }

  /** Opens the helper page now (Firefox: before loads, so the bench tab stays the active one). */
  async prepareHelper(): Promise<void> {
    if (this.engine === 'firefox' && this.extensionBase) await this.evalExtension('1');
  }

  /** DevTools session on the extension's service worker (Chromium). */
  async workerSession(): Promise<CDPSession> {
    if (!this.worker) throw new Error(`${this.label} has no service worker`);
    return this.worker.target.createCDPSession();
  }

  /** The bench tab's id, as the extension API knows it. */
  async benchTabId(origin: string): Promise<number> {
    for (let i = 0; i < 50; i++) {
      const id = await this.evalExtension<number | null>(
        `(await api.tabs.query({})).find((t) => (t.url || '').startsWith(${JSON.stringify(origin)}))?.id ?? null`,
      );
      if (typeof id === 'number') return id;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${this.label}: no tab showing ${origin}`);
  }

  async newPage(): Promise<Page> {
    return this.browser.newPage();
  }

  async openExtensionPage(path: string): Promise<Page> {
    if (!this.extensionBase) throw new Error(`${this.label} has no extension`);
    return openExtensionPage(this.browser, this.extensionBase + path);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }
}

async function launchChromium(options: LaunchOptions): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'why-blocked-bench-chromium-'));
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--disable-component-update',
    '--disable-background-networking',
    // Chromium's own look-ups (safe browsing, variations...) stay off the network and the measure.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (options.extension) args.push(`--disable-extensions-except=${options.extension}`, `--load-extension=${options.extension}`);
  const browser = await puppeteer.launch({
    executablePath: findExecutable('chromium'),
    headless: true,
    pipe: true,
    userDataDir: profile,
    // No CDP network or issue events: they would add per-request work to every variant.
    networkEnabled: false,
    issuesEnabled: false,
    // Every variant runs with the same flags; only --load-extension differs.
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
  });
  try {
    let worker: { target: Target; worker: WebWorker } | null = null;
    let extensionBase: string | null = null;
    if (options.extension) {
      const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
      extensionBase = `chrome-extension://${new URL(target.url()).host}/`;
      const w = await target.worker();
      if (!w) throw new Error('no service worker');
      worker = { target, worker: w };
    }
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    return new BenchBrowser(options.label, 'chromium', browser, browser.process()?.pid ?? -1, page, extensionBase, worker, profile);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function launchFirefox(options: LaunchOptions): Promise<BenchBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findExecutable('firefox'),
    headless: true,
    networkEnabled: false,
    issuesEnabled: false,
    // Lets the bench open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) },
  });
  try {
    let extensionBase: string | null = null;
    if (options.extension) {
      await browser.installExtension(options.extension);
      if (options.whyBlocked) extensionBase = `moz-extension://${FIREFOX_UUID}/`;
    }
    const instance = new BenchBrowser(options.label, 'firefox', browser, browser.process()?.pid ?? -1, null as unknown as Page, extensionBase, null, null);
    await instance.prepareHelper();
    // The bench tab is opened last so it is the active one.
    const page = await browser.newPage();
    instance.page = page;
    return instance;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Firefox over BiDi loads a moz-extension:// page but `goto` never resolves: start it and poll.
 * Chromium's goto resolves; the same polling works for both.
 */
async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.goto(url).catch(() => undefined);
  for (let i = 0; i < 200; i++) {
    const ready = await page.evaluate('location.href + " " + document.readyState').catch(() => '');
    if (ready === `${url} complete`) return page;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not load`);
}
