import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { waitFor } from '../../e2e/support/driver';
import { findBrowser } from '../../e2e/support/executables';

/**
 * Chromium with DevTools really open, for the DevTools panel's end-to-end test and for recording
 * DevTools' own HAR from the block lab. Playwright's launch opens no DevTools (its
 * `--auto-open-devtools-for-tabs` did nothing here), so Chromium is started directly, headless,
 * with that switch, and puppeteer-core attaches over CDP: DevTools' front end is a page target,
 * the extension's devtools page and panel are frames inside it.
 */
export interface DevtoolsSession {
  browser: Browser;
  /** The tab DevTools inspects. */
  inspected: Page;
  /** DevTools' own front end (devtools://devtools/...). */
  frontend: Page;
  /** Selects the extension panel titled `title` in DevTools and returns its frame once loaded. */
  showPanel(title: string, path: string): Promise<Frame>;
  /** The frame of the extension's devtools page (`devtools_page`). */
  devtoolsPage(path: string): Promise<Frame>;
  close(): Promise<void>;
}

export interface DevtoolsLaunch {
  /** An unpacked extension with a `devtools_page`. */
  extensionDir: string;
  /** prefers-color-scheme for the screenshots' dark theme. */
  dark?: boolean;
  /** UI language, e.g. 'de'. */
  locale?: string;
}

export async function launchWithDevtools(options: DevtoolsLaunch): Promise<DevtoolsSession> {
  const profile = mkdtempSync(join(tmpdir(), 'why-blocked-devtools-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    `--user-data-dir=${profile}`,
    '--remote-debugging-port=0',
    `--disable-extensions-except=${options.extensionDir}`,
    `--load-extension=${options.extensionDir}`,
    // Opens DevTools for every new tab, the first one included: what a developer pressing F12 does.
    '--auto-open-devtools-for-tabs',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ...(options.dark ? ['--force-dark-mode', '--blink-settings=preferredColorScheme=0'] : []),
    ...(options.locale ? [`--lang=${options.locale}`] : []),
    'about:blank',
  ];
  const child: ChildProcess = spawn(findBrowser('chromium'), args, {
    stdio: 'ignore',
    env: options.locale ? { ...process.env, LANGUAGE: options.locale } : process.env,
  });
  const portFile = join(profile, 'DevToolsActivePort');
  try {
    const port = await waitFor('Chromium to open its debugging port', async () => (existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : null), 20_000);
    // Attaching to DevTools' front end before it has loaded the extension's devtools page left it
    // half started here (no extension frame, no settings): wait for that frame over HTTP first.
    await waitFor(
      "DevTools to load the extension's devtools page",
      async () => {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; url: string }[];
        return targets.some((t) => t.type === 'iframe' && t.url.startsWith('chrome-extension://'));
      },
      20_000,
    );
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
    const frontendTarget = await waitFor('DevTools to open', async () => browser.targets().find((t) => t.url().startsWith('devtools://')) ?? null, 20_000);
    const inspectedTarget = await waitFor('the inspected tab', async () => browser.targets().find((t) => t.type() === 'page' && t.url() === 'about:blank') ?? null);
    const frontend = await frontendTarget.asPage();
    const inspected = (await inspectedTarget.page()) as Page;
    const frameOf = (path: string): Promise<Frame> =>
      waitFor(`the frame of ${path}`, async () => frontend.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes(path)) ?? null, 20_000);
    return {
      browser,
      inspected,
      frontend,
      devtoolsPage: frameOf,
      async showPanel(title, path) {
        // DevTools' front end has no API for this; its InspectorView is what a click on the tab calls.
        // Sent as source: a test runner's transform must not touch the front end's own import().
        // The panel's id is the extension's origin and its title without spaces.
        const source = `(async (wanted) => {
          const legacy = await import('./ui/legacy/legacy.js');
          const view = legacy.InspectorView.InspectorView.instance();
          const id = view.tabbedPane.tabs.map((t) => t.id).find((i) => i.startsWith('chrome-extension://') && i.endsWith(wanted));
          if (!id) return false;
          await view.showPanel(id);
          return true;
        })(${JSON.stringify(title.replace(/\s/g, ''))})`;
        await waitFor(`the "${title}" panel in DevTools`, () => frontend.evaluate(source) as Promise<boolean>);
        return frameOf(path);
      },
      async close() {
        const exited = new Promise((r) => child.once('exit', r));
        await browser.close().catch(() => child.kill());
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    child.kill();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
