import { createRequire } from 'node:module';
import { expect } from './fixtures';
import { countOf } from './dom';
import type { Driver, DriverPage } from './driver';
import { eventsOf, openPopup } from './extension';

/** Helpers for driving the popup and the options page the same way in both browsers. */

/**
 * What the page last put on the clipboard. Both browsers let the extension's page read it back
 * (Chromium once the driver granted clipboard-read; Firefox lets extension pages).
 */
export function clipboardText(page: DriverPage): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText(), undefined);
}

/** Puts text on the clipboard, so a test can tell a fresh copy from what was there before. */
export function setClipboard(page: DriverPage, text: string): Promise<void> {
  return page.evaluate((value) => navigator.clipboard.writeText(value), text);
}

/** The extension's own message for the browser's language, as the page shows it. */
export function message(driver: Driver, key: string, substitutions: string[] = []): Promise<string> {
  return driver.evalInExtension((api, [name, subs]) => api.i18n.getMessage(name, subs), [key, substitutions] as const);
}

/** Sets a form control's value as typing or choosing would: `input` for text, `change` for selects. */
export function setValue(page: DriverPage, selector: string, value: string): Promise<void> {
  return page.evaluate(
    ([sel, next]) => {
      const el = document.querySelector(sel) as HTMLInputElement | HTMLSelectElement | null;
      if (!el) throw new Error(`No ${sel}`);
      el.value = next;
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    },
    [selector, value] as const,
  );
}

/** Back to the default settings (they persist across tests in one browser). */
export async function resetSettings(driver: Driver): Promise<void> {
  await driver.evalInExtension(async (api) => {
    await Promise.all([api.storage.sync.remove('settings').catch(() => undefined), api.storage.local.remove('settings')]);
  }, undefined);
}

/** The stored settings (sync, else local), as the worker reads them. */
export function storedSettings(driver: Driver): Promise<Record<string, unknown> | null> {
  return driver.evalInExtension(async (api) => {
    const sync = await api.storage.sync.get('settings').catch(() => ({}) as Record<string, unknown>);
    const local = await api.storage.local.get('settings');
    return ((sync as Record<string, unknown>).settings ?? local.settings ?? null) as Record<string, unknown> | null;
  }, undefined);
}

/** Is there an element matching the selector? */
export async function exists(page: DriverPage, selector: string): Promise<boolean> {
  return page.evaluate((sel) => document.querySelector(sel) !== null, selector);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const axeSource: string = (() => {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
})();

/**
 * Runs axe-core in the page (WCAG 2.x A and AA rules and axe's best practices) and returns its
 * violations, each with the selectors of the offending nodes. Injected through the harness, so
 * the extension page's CSP does not stop it.
 */
export async function axeViolations(page: DriverPage): Promise<AxeViolation[]> {
  await page.evaluateSource(`if (!window.axe) { ${axeSource} }`);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, undefined);
}

/**
 * Starts noting the extension's notifications as they close. Headless Firefox has no alert
 * service: a notification closes the moment it is created, so `getAll` alone would miss it.
 */
export function watchNotifications(driver: Driver): Promise<void> {
  return driver.evalInExtension((api) => {
    const g = globalThis as unknown as { __closedNotifications?: string[] };
    if (g.__closedNotifications) return;
    g.__closedNotifications = [];
    api.notifications.onClosed.addListener((id) => g.__closedNotifications?.push(id));
  }, undefined);
}

/** Ids of the notifications shown now or closed since `watchNotifications`. */
export function notificationsSeen(driver: Driver): Promise<string[]> {
  return driver.evalInExtension(async (api) => {
    const closed = (globalThis as unknown as { __closedNotifications?: string[] }).__closedNotifications ?? [];
    return [...new Set([...Object.keys(await api.notifications.getAll()), ...closed])];
  }, undefined);
}

/**
 * The user opens the popup on a rate-limited tab, sees the countdown start, and closes the popup:
 * the retry is then the worker's alone. Notifications are watched from here on.
 */
export async function leaveRetryScheduled(driver: Driver, tabId: number): Promise<void> {
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => countOf(popup, '[role=timer]')).toBe(1);
  await watchNotifications(driver);
  await popup.close();
}
