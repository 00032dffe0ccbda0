import { resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { scenario } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { ROOT } from './support/dist';
import { countOf, textOf } from './support/dom';
import type { DriverPage } from './support/driver';
import { eventsOf, openPopup, openSettledPopup, visit } from './support/extension';
import { axeViolations, setClipboard } from './support/pages';

/**
 * Accessibility, in both browsers: axe-core (WCAG 2.2 A/AA and best practices) finds nothing on
 * the popup (clean, with a finding, with the developer details open), the context menu's
 * explanation page and the options page; the keyboard reaches every control with a visible
 * focus ring, and Enter and Space carry out a fix.
 */

/** Violations as readable lines, so a failure says what and where. */
async function axeReport(page: DriverPage): Promise<string[]> {
  return (await axeViolations(page)).map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(' | ')}`);
}

test('axe finds nothing on the popup: clean, with a finding, and with the developer details open', async ({ driver, lab }) => {
  const clean = await visit(driver, lab.url(scenario('clean').path));
  const cleanPopup = await openPopup(driver, clean.tabId);
  await expect.poll(() => countOf(cleanPopup, '[data-testid=clean]')).toBe(1);
  expect(await axeReport(cleanPopup)).toEqual([]);

  // A page refused with a reference id, evidence and a rate limit elsewhere on the page.
  const blocked = await visit(driver, lab.url(scenario('cloudflare-block').path));
  await expect.poll(() => eventsOf(driver, blocked.tabId)).toHaveLength(1);
  const popup = await openSettledPopup(driver, blocked.tabId);
  await expect.poll(() => countOf(popup, '#hint-private:not(:empty)')).toBe(1);
  expect(await axeReport(popup)).toEqual([]);

  await popup.click('details.developer > summary');
  await expect.poll(() => countOf(popup, '[data-testid=dev-row]')).toBe(1);
  expect(await axeReport(popup)).toEqual([]);

  // After a fix ran: its outcome and the report shown for copying by hand.
  await setClipboard(popup, '');
  await popup.click('[data-testid=copy-report]');
  await expect.poll(() => textOf(popup, '#out-copy-report')).toMatch(/\S/);
  expect(await axeReport(popup)).toEqual([]);
});

test('axe finds nothing on a rate-limit countdown and on the explanation page for a chosen image', async ({ driver, lab }) => {
  const url = lab.route('/api-page', (_req: IncomingMessage, hits: number) =>
    hits === 1 ? { status: 429, headers: { 'retry-after': '600', 'content-type': 'text/plain' }, body: 'Too Many Requests' } : { status: 200, body: 'ok' },
  );
  const limited = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, limited.tabId)).toHaveLength(1);
  const popup = await openPopup(driver, limited.tabId);
  await expect.poll(() => countOf(popup, '[role=timer]')).toBe(1);
  expect(await axeReport(popup)).toEqual([]);
  await popup.click('[data-testid=fix-wait]');

  const image = lab.route('/img/x.png', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
  const page = lab.route('/pics', { status: 200, body: `<!doctype html><title>Pics</title><img src="${image}" alt="x">` });
  const { tabId } = await visit(driver, page);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const explanation = await driver.openExtensionPage(`src/popup/index.html?${new URLSearchParams({ tabId: String(tabId), focus: image })}`);
  await expect.poll(() => countOf(explanation, '[data-testid=main-finding]')).toBe(1);
  expect(await axeReport(explanation)).toEqual([]);
});

test('axe finds nothing on the options page, with history and a HAR file explained', async ({ driver, lab }) => {
  await visit(driver, lab.route('/acct', { status: 403, body: 'no' }));
  await expect
    .poll(
      () => driver.evalInExtension(async (api) => Object.keys(await api.storage.local.get(null)).some((k) => k.startsWith('history:')), undefined),
      { timeout: 15_000 },
    )
    .toBe(true);
  const page = await driver.openExtensionPage('src/options/index.html');
  await expect.poll(() => countOf(page, '[data-testid=history-entry]')).toBeGreaterThan(0);
  expect(await axeReport(page)).toEqual([]);

  await page.setInputFiles('[data-testid=har-input]', resolve(ROOT, 'test/fixtures/har/mixed.har'));
  await expect.poll(() => countOf(page, '[data-testid=har-finding]')).toBeGreaterThan(0);
  await page.click('[data-testid=history-delete]');
  await expect.poll(() => countOf(page, '[data-testid=history-delete-confirm]')).toBe(1);
  expect(await axeReport(page)).toEqual([]);
});

interface Stop {
  key: string;
  focusVisible: boolean;
  outline: string;
}

/**
 * Tabs through the page and returns where focus stopped and the page's controls. Earlier tests'
 * history is written in batches seconds later and the options page shows it as it lands; a walk
 * during which the controls changed is walked again on the settled page (at most three times).
 */
async function walkControls(page: DriverPage): Promise<{ stops: Stop[]; controls: string[] }> {
  for (let attempt = 1; ; attempt++) {
    const before = await controls(page);
    const stops = await tabThrough(page);
    const after = await controls(page);
    if (JSON.stringify(before) === JSON.stringify(after) || attempt === 3) return { stops, controls: after };
  }
}

/** Tabs through the page until focus comes back round, noting each control and its focus style. */
async function tabThrough(page: DriverPage, max = 80): Promise<Stop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.focus();
  }, undefined);
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const key = el.getAttribute('data-testid') ?? el.id ?? '';
      return {
        // Digits out: a history entry written late by an earlier test changes a count, not the control.
        key: `${el.tagName.toLowerCase()}${key ? `#${key}` : ''}:${(el.textContent ?? '').trim().replace(/\d+/g, '#').slice(0, 40)}`,
        focusVisible: el.matches(':focus-visible'),
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
      };
    }, undefined);
    if (!stop) {
      if (stops.length > 0) break;
      continue;
    }
    if (stops.some((s) => s.key === stop.key)) break;
    stops.push(stop);
  }
  return stops;
}

/** Every control a keyboard user should reach: enabled buttons, links, form fields, summaries. */
function controls(page: DriverPage): Promise<string[]> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('button, a[href], select, input, textarea, summary, [tabindex]')];
    return all
      .filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0)
      .map((el) => {
        const key = el.getAttribute('data-testid') ?? el.id ?? '';
        return `${el.tagName.toLowerCase()}${key ? `#${key}` : ''}:${(el.textContent ?? '').trim().replace(/\d+/g, '#').slice(0, 40)}`;
      });
  }, undefined);
}

test('the keyboard reaches every control of the popup with a visible focus ring', async ({ driver, lab }) => {
  const { tabId } = await visit(driver, lab.url(scenario('cloudflare-block').path));
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openSettledPopup(driver, tabId);
  await expect.poll(() => countOf(popup, '#hint-private:not(:empty)')).toBe(1);

  const { stops, controls: all } = await walkControls(popup);
  expect(stops.map((s) => s.key)).toEqual(all);
  for (const stop of stops) {
    expect(stop, stop.key).toMatchObject({ focusVisible: true });
    expect(stop.outline, stop.key).toMatch(/^(solid|auto|dotted|dashed|double) [1-9]/);
  }
});

test('the keyboard reaches every control of the options page with a visible focus ring', async ({ driver }) => {
  const page = await driver.openExtensionPage('src/options/index.html');
  await expect.poll(() => countOf(page, '[data-testid=har-input]')).toBe(1);
  await expect.poll(() => countOf(page, '[data-testid=setting-badge]')).toBe(1);

  const { stops, controls: all } = await walkControls(page);
  expect(stops.map((s) => s.key)).toEqual(all);
  for (const stop of stops) {
    expect(stop, stop.key).toMatchObject({ focusVisible: true });
    expect(stop.outline, stop.key).toMatch(/^(solid|auto|dotted|dashed|double) [1-9]/);
  }
});

test('Enter and Space carry out a fix', async ({ driver, lab }) => {
  const url = lab.route('/kbd', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'no' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openSettledPopup(driver, tabId);
  await setClipboard(popup, '');

  /** Tabs from the top of the page until `selector` has focus. */
  const tabTo = async (selector: string): Promise<void> => {
    // Start the keyboard's path at the top: focus <main> (focusable by script only), then Tab.
    await popup.evaluate(() => {
      const main = document.querySelector('main');
      if (main) main.tabIndex = -1;
      main?.focus();
    }, undefined);
    for (let i = 0; i < 40; i++) {
      if (await popup.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      await popup.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  };

  await tabTo('[data-testid=fix-retry]');
  await popup.press(' ');
  await expect.poll(() => lab.hits('/kbd')).toBe(2);
  await expect.poll(() => textOf(popup, '#out-fix-retry')).toContain('403');

  await tabTo('[data-testid=copy-report]');
  await popup.press('Enter');
  await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText(), undefined)).toContain(url);
});
