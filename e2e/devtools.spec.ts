import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame } from 'puppeteer-core';
import { HOSTILE } from './lab/scenarios';
import { startLab } from './lab/server';
import { distDir, ROOT } from './support/dist';
import { countOf, textOf, textsOf } from './support/dom';
import type { DriverPage } from './support/driver';
import { test, expect } from './support/fixtures';
import { axeViolations, clipboardText, setClipboard } from './support/pages';
import { launchWithDevtools } from '../test/devtools/chromium-devtools';
import { DEVTOOLS_LAB_PATH, devtoolsLabRoutes, F5_SUPPORT_ID } from '../test/devtools/lab-page';

/**
 * The DevTools panel. In Chromium, for real: DevTools open on a block-lab page, the panel chosen
 * in it, reading DevTools' own log (getHAR, then onRequestFinished with getContent). In both
 * browsers, the panel page opened as an ordinary extension page, where it has no DevTools API and
 * explains a HAR file instead: fed the entries Chromium's DevTools recorded for the same lab page
 * (test/fixtures/har/devtools-lab-chromium.har), it must show what it shows inside DevTools.
 */

const PANEL = 'src/devtools/panel.html';
const RECORDED = resolve(ROOT, 'test/fixtures/har/devtools-lab-chromium.har');
const CAUSES_OF_THE_LAB_PAGE = [
  'cloudflare-block',
  'cloudflare-block',
  'cloudflare-challenge',
  'f5-asm-block',
  'insufficient-permissions',
  'insufficient-permissions-api',
  'insufficient-permissions-api',
  'insufficient-permissions-api',
  'rate-limit',
];
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

test.describe('inside DevTools (Chromium)', () => {
  test.skip(({ driverName }) => driverName !== 'chromium', 'Firefox: headless Firefox opens its toolbox with --devtools and loads the devtools page, but this test cannot choose a panel inside the toolbox over WebDriver BiDi; the panel page is tested below');

  test('lists every refused request of the inspected tab, before and after the panel opened, and exports them', async () => {
    const lab = await startLab({
      ...devtoolsLabRoutes(),
      '/api/late': { status: 403, headers: { 'content-type': 'text/html', server: 'cloudflare', 'cf-ray': '8f3c2b1a4d5e6f79-FRA' }, body: '<title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>' },
    });
    const session = await launchWithDevtools({ extensionDir: distDir('chromium') });
    const downloads = mkdtempSync(join(tmpdir(), 'why-blocked-downloads-'));
    try {
      // The page loads with DevTools open but the panel not yet chosen: getHAR brings these in.
      await session.inspected.goto(lab.url(DEVTOOLS_LAB_PATH), { waitUntil: 'load' });
      await session.inspected.evaluate('window.labDone');
      const panel = await session.showPanel('Why Blocked', PANEL);
      await expect.poll(() => causes(panel)).toEqual(CAUSES_OF_THE_LAB_PAGE);

      await expect.poll(() => panel.evaluate(() => [...document.querySelectorAll('[data-testid=devtools-group]')].map((g) => g.getAttribute('data-category')))).toEqual([
        'security-block',
        'security-challenge',
        'rate-limit',
        'insufficient-permissions',
      ]);
      const text = await panel.evaluate(() => document.body.innerText);
      expect(text).toContain('Cloudflare Ray ID: 8f3c2b1a4d5e6f70-FRA');
      expect(text).toContain(`F5 support ID: ${F5_SUPPORT_ID}`);
      expect(text).toContain('Refused by F5 BIG-IP');
      // The site's own 403 passed on by Cloudflare: Cloudflare in front, not the one refusing.
      expect(await panel.evaluate(() => [...document.querySelectorAll('[data-testid=devtools-in-front]')].map((e) => e.textContent))).toEqual(['In front, passed it on: Cloudflare']);
      expect(await panel.evaluate(() => document.querySelector('[data-testid=devtools-summary]')?.textContent)).toBe('9 of 12 requests were refused.');

      // Page-controlled text stays text: the hostile page's Ray ID is shown, nothing of it runs.
      expect(text).toContain(HOSTILE.ray);
      expect(await panel.evaluate(() => document.documentElement.dataset.pwned ?? null)).toBeNull();

      // A request after the panel opened: onRequestFinished, its body through getContent.
      await session.inspected.evaluate(`fetch('/api/late').then((r) => r.text())`);
      await expect.poll(() => causes(panel)).toEqual([...CAUSES_OF_THE_LAB_PAGE, 'cloudflare-block'].sort());

      expect(await frameAxe(panel)).toEqual([]);

      // Export refused as HAR: a download of the ten refused entries, which explain as they did.
      const cdp = await session.browser.target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await panel.click('[data-testid=devtools-export]');
      const file = await expect
        .poll(() => readdirSync(downloads).find((name) => name.endsWith('.har') && !name.endsWith('.crdownload')) ?? null, { timeout: 15_000 })
        .not.toBeNull()
        .then(() => readdirSync(downloads).find((name) => name.endsWith('.har')) as string);
      expect(file).toMatch(/^why-blocked-127\.0\.0\.1-.*\.har$/);
      const har = JSON.parse(readFileSync(join(downloads, file), 'utf8')) as { log: { entries: { request: { url: string } }[] } };
      expect(har.log.entries).toHaveLength(10);
      expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).not.toContain('/ok');
      expect(await panel.evaluate(() => document.querySelector('[data-testid=devtools-notice]')?.textContent)).toBe(`Saved 10 refused requests as ${file}.`);

      // Copy report: Chromium's DevTools lets its extension frames write the clipboard.
      await panel.click('[data-testid=devtools-copy-report]');
      await expect.poll(() => panel.evaluate(() => document.querySelector('[data-testid=devtools-copy-status]')?.textContent ?? '')).toBe('Report copied.');
    } finally {
      await session.close();
      await lab.close();
      rmSync(downloads, { recursive: true, force: true });
    }
  });
});

test.describe('the panel page outside DevTools', () => {
  test('explains the entries Chromium’s DevTools recorded as it does inside DevTools', async ({ driver }) => {
    const page = await driver.openExtensionPage(PANEL);
    await expect.poll(() => countOf(page, '[data-testid=devtools-har-input]')).toBe(1);
    expect(await axeViolationsOf(page)).toEqual([]);

    await page.setInputFiles('[data-testid=devtools-har-input]', RECORDED);
    await expect.poll(() => pageCauses(page)).toEqual(CAUSES_OF_THE_LAB_PAGE);
    expect(await textOf(page, '[data-testid=devtools-summary]')).toBe('9 of 12 requests were refused.');
    expect(await textsOf(page, '[data-testid=devtools-in-front]')).toEqual(['In front, passed it on: Cloudflare']);
    const text = await page.evaluate(() => document.body.innerText, undefined);
    expect(text).toContain('Cloudflare Ray ID: 8f3c2b1a4d5e6f70-FRA');
    expect(text).toContain(`F5 support ID: ${F5_SUPPORT_ID}`);
    expect(text).toContain(HOSTILE.ray);
    expect(await page.evaluate(() => document.documentElement.dataset.pwned ?? null, undefined)).toBeNull();

    // Open every disclosure, so axe sees the evidence and the developer notes too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)), undefined);
    expect(await axeViolationsOf(page)).toEqual([]);

    await setClipboard(page, '');
    await page.click('[data-testid=devtools-copy-report]');
    await expect.poll(() => textOf(page, '[data-testid=devtools-copy-status]')).toBe('Report copied.');
    const report = await clipboardText(page);
    expect(report).toContain('Cloudflare Ray ID: 8f3c2b1a4d5e6f70-FRA');
    expect(report).toContain('Refused by: Cloudflare');
  });

  test('the keyboard reaches every control with a visible focus ring, and Enter copies a report', async ({ driver }) => {
    const page = await driver.openExtensionPage(PANEL);
    await expect.poll(() => countOf(page, '[data-testid=devtools-har-input]')).toBe(1);
    await page.setInputFiles('[data-testid=devtools-har-input]', RECORDED);
    await expect.poll(() => countOf(page, '[data-testid=devtools-finding]')).toBe(9);
    // From the top of the page (<main>, focusable by script only), Tab to the first Copy report; Enter.
    await page.evaluate(() => {
      const main = document.querySelector('main');
      if (main) main.tabIndex = -1;
      main?.focus();
    }, undefined);
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.matches('[data-testid=devtools-copy-report]') ?? false, undefined)); i++) await page.press('Tab');
    await page.press('Enter');
    await expect.poll(() => textOf(page, '[data-testid=devtools-copy-status]')).toBe('Report copied.');

    // Each control numbered, so that two alike (three findings of one cause) stay apart.
    await page.evaluate(() => {
      document.querySelectorAll('button, a[href], input, summary, textarea').forEach((el, i) => el.setAttribute('data-stop', String(i)));
      document.querySelector('main')?.focus();
    }, undefined);
    const stops: { key: string; focusVisible: boolean; outline: string }[] = [];
    for (let i = 0; i < 60; i++) {
      await page.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { key: `${el.getAttribute('data-stop') ?? ''} ${el.tagName.toLowerCase()}#${el.getAttribute('data-testid') ?? ''}`, focusVisible: el.matches(':focus-visible'), outline: `${style.outlineStyle} ${style.outlineWidth}` };
      }, undefined);
      if (!stop) {
        if (stops.length > 0) break;
        continue;
      }
      if (stops.some((s) => s.key === stop.key)) break;
      stops.push(stop);
    }
    // The file input, Export, and per finding two disclosures and Copy report.
    expect(stops.length).toBe(2 + 9 * 3);
    for (const stop of stops) {
      expect(stop, stop.key).toMatchObject({ focusVisible: true });
      expect(stop.outline, stop.key).toMatch(/^(solid|auto|dotted|dashed|double) [1-9]/);
    }
  });

  test('says so when the file is not a HAR', async ({ driver }) => {
    const page = await driver.openExtensionPage(PANEL);
    await expect.poll(() => countOf(page, '[data-testid=devtools-har-input]')).toBe(1);
    await page.setInputFiles('[data-testid=devtools-har-input]', resolve(ROOT, 'test/fixtures/har/not-json.har'));
    await expect.poll(() => textOf(page, '[data-testid=devtools-notice]')).toContain('not-json.har');
    expect(await countOf(page, '[data-testid=devtools-finding]')).toBe(0);
    expect(existsSync(RECORDED)).toBe(true);
  });
});

function causes(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('[data-testid=devtools-finding]')].map((f) => f.getAttribute('data-cause') ?? '').sort());
}

function pageCauses(page: DriverPage): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('[data-testid=devtools-finding]')].map((f) => f.getAttribute('data-cause') ?? '').sort(), undefined);
}

async function axeViolationsOf(page: DriverPage): Promise<string[]> {
  return (await axeViolations(page)).map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(' | ')}`);
}

/** axe-core in a frame of DevTools, injected over CDP (the extension's CSP forbids eval, not CDP). */
async function frameAxe(frame: Frame): Promise<string[]> {
  await frame.evaluate(`if (!window.axe) { ${axeSource} }`);
  await frame.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  return frame.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
}
