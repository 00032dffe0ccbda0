import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenario } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { ROOT } from './support/dist';
import { countOf, textOf } from './support/dom';
import { launchDriver, type Driver, type DriverPage } from './support/driver';
import { eventsOf, openPopup, openSettledPopup, visit } from './support/extension';
import { launchWatching } from './support/ready';

/**
 * The popup and the options page in German and Spanish: each browser is started in that language
 * (Chromium: --lang and LANGUAGE; Firefox: intl.locale.requested, which needs the language pack,
 * e.g. Debian's firefox-esr-l10n-de and firefox-esr-l10n-es-es) and every visible string comes
 * from that language's messages, with no message key left showing.
 */

type Messages = Record<string, { message: string }>;
const messagesOf = (locale: string): Messages =>
  JSON.parse(readFileSync(resolve(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const english = messagesOf('en');
const KEYS = Object.keys(english);

/** Visible text nodes that are a bare message key, or look like one (t() shows the key when a message is missing). */
function rawKeysShown(page: DriverPage): Promise<string[]> {
  return page.evaluate((keys) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (!text) continue;
      if (keys.includes(text) || /\b(headline|fix|confidence|status|error|cause|category|days|col|history|setting|har|dev)_[a-z0-9_]+/i.test(text)) {
        found.push(text);
      }
    }
    for (const attr of ['aria-label', 'title', 'placeholder']) {
      for (const el of document.querySelectorAll(`[${attr}]`)) {
        const value = el.getAttribute(attr) ?? '';
        if (keys.includes(value)) found.push(`${attr}=${value}`);
      }
    }
    return found;
  }, KEYS);
}

for (const locale of ['de', 'es'] as const) {
  test.describe(`in ${locale === 'de' ? 'German' : 'Spanish'}`, () => {
    const own = messagesOf(locale);
    const m = (key: string): string => own[key]?.message ?? `(missing ${locale} message ${key})`;
    let driver: Driver;

    test.beforeAll(async ({ driverName }) => {
      test.setTimeout(90_000);
      driver = await launchWatching(driverName, () => launchDriver(driverName, { locale }));
      const ui = await driver.evalInExtension((api) => api.i18n.getMessage('locale'), undefined);
      if (ui !== locale) {
        await driver.close();
        throw new Error(
          `${driverName} did not switch its language to ${locale} (the extension shows "${ui}")` +
            (driverName === 'firefox' ? `: install Firefox's language pack, e.g. apt-get install firefox-esr-l10n-${locale === 'es' ? 'es-es' : locale}` : ''),
        );
      }
    });
    test.afterAll(async () => {
      await driver?.close();
    });
    test.afterEach(async () => {
      await driver.closePages();
    });

    test('the popup speaks the language', async ({ lab }) => {
      const { tabId } = await visit(driver, lab.url(scenario('cloudflare-block').path));
      await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
      const popup = await openSettledPopup(driver, tabId);

      expect(await popup.evaluate(() => document.documentElement.lang, undefined)).toBe(locale);
      expect(await textOf(popup, '#headline')).toBe(m('headline_security_block'));
      expect(await textOf(popup, '#fixes-h')).toBe(m('fixesHeading'));
      expect(await textOf(popup, '[data-testid=copy-report]')).toBe(m('copyReport'));
      expect(await textOf(popup, '#more-h')).toBe(m('moreWaysHeading'));
      expect(await textOf(popup, '[data-testid=fix-archive]')).toBe(m('archivedCopy'));
      expect(await textOf(popup, '#hint-private')).toBe(m('privateNotAllowed'));
      const body = (await textOf(popup, 'body')) ?? '';
      expect(body).not.toContain(english.fixesHeading?.message);
      expect(body).not.toContain(english.copyReport?.message);
      expect(await rawKeysShown(popup)).toEqual([]);

      // The developer details, loaded on demand, too.
      await popup.click('details.developer > summary');
      await expect.poll(() => countOf(popup, '[data-testid=dev-row]')).toBe(1);
      expect(await textOf(popup, '[data-testid=copy-har]')).toBe(m('copyHar'));
      expect(await rawKeysShown(popup)).toEqual([]);

      const clean = await visit(driver, lab.url(scenario('clean').path));
      const cleanPopup = await openPopup(driver, clean.tabId);
      await expect.poll(() => textOf(cleanPopup, '#clean-h')).toBe(m('cleanTitle'));
      expect(await rawKeysShown(cleanPopup)).toEqual([]);
    });

    test('the options page speaks the language', async () => {
      const page = await driver.openExtensionPage('src/options/index.html');
      await expect.poll(() => countOf(page, '[data-testid=setting-badge]')).toBe(1);

      expect(await page.evaluate(() => [document.documentElement.lang, document.title], undefined)).toEqual([locale, m('optionsTitle')]);
      expect(await textOf(page, 'h1')).toBe(m('optionsTitle'));
      expect(await textOf(page, '#history-h')).toBe(m('historyHeading'));
      expect(await textOf(page, '#settings-h')).toBe(m('settingsHeading'));
      expect(await textOf(page, '#har-h')).toBe(m('harHeading'));
      expect(await textOf(page, '[data-testid=setting-status-403] ~ .muted')).toBe(m('status_403'));
      const body = (await textOf(page, 'body')) ?? '';
      expect(body).not.toContain(english.settingsHeading?.message);
      expect(await rawKeysShown(page)).toEqual([]);

      await page.setInputFiles('[data-testid=har-input]', resolve(ROOT, 'test/fixtures/har/mixed.har'));
      await expect.poll(() => countOf(page, '[data-testid=har-finding]')).toBeGreaterThan(0);
      expect(await rawKeysShown(page)).toEqual([]);
    });
  });
}
