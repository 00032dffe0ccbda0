import { F5_SUPPORT_ID, IMPERVA_INCIDENT, scenario } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { attributeOf, countOf, textOf, textsOf } from './support/dom';
import { eventsOf, openPopup, visit } from './support/extension';
import { axeViolations } from './support/pages';

/**
 * Block and challenge pages that do not say 403 (issue 12, part 1): a page that loaded with 200 is
 * read when the popup opens on it, and judged as it is; a 503 with a vendor's marks is recorded.
 */

test('an F5 block page served with 200 is named, with its support ID, when the popup opens', async ({ driver, lab }) => {
  const { tabId } = await visit(driver, lab.url(scenario('f5-block-200').path));
  // Nothing is recorded while browsing: a 200's body is never read then.
  await new Promise((r) => setTimeout(r, 600));
  expect(await eventsOf(driver, tabId)).toHaveLength(0);

  const popup = await openPopup(driver, tabId);
  await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('f5');
  expect(await attributeOf(popup, '[data-testid=cause]', 'data-category')).toBe('security-block');
  expect(await countOf(popup, '[data-testid=clean]')).toBe(0);
  const said = await textOf(popup, '[data-testid=loaded-but]');
  expect(said).toContain('200');
  expect(said).toContain('F5');
  expect(await textOf(popup, '[data-testid=reference]')).toContain(F5_SUPPORT_ID);
  expect((await textsOf(popup, '[data-testid=evidence]')).join('\n').toLowerCase()).toContain('the requested url was rejected');
  expect(await axeViolations(popup)).toEqual([]);
});

test('"Why was I blocked?" on an F5 200 page explains it the same way', async ({ driver, lab }) => {
  const url = lab.url(scenario('f5-block-200').path);
  const { tabId } = await visit(driver, url);
  // What the menu opens where the browser will not open the popup: the explanation page, focused on the page.
  const page = await driver.openExtensionPage(`src/popup/index.html?tabId=${tabId}&focus=${encodeURIComponent(url)}`);
  await expect.poll(() => attributeOf(page, '[data-testid=cause]', 'data-vendor')).toBe('f5');
  expect(await textOf(page, '[data-testid=reference]')).toContain(F5_SUPPORT_ID);
});

test('a challenge page served with 200 is named as Cloudflare\u2019s challenge when the popup opens', async ({ driver, lab }) => {
  const { tabId } = await visit(driver, lab.url(scenario('cloudflare-challenge-200').path));
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-category')).toBe('security-challenge');
  expect(await attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('cloudflare');
  expect(await textOf(popup, '[data-testid=loaded-but]')).toContain('200');
  expect(await textOf(popup, '[data-testid=reference]')).toContain('8f3c2b1a4d5e6f71');
  // Found by reading the page on demand: nothing was recorded while it loaded.
  expect(await eventsOf(driver, tabId)).toHaveLength(0);
});

test('an Imperva 503 is recorded while browsing and explained with its incident ID', async ({ driver, lab }) => {
  const { tabId } = await visit(driver, lab.url(scenario('imperva-503').path));
  // Recorded like a 403 is: the page's own refusal, with the headers that name Imperva.
  await expect
    .poll(async () => (await eventsOf(driver, tabId)).some((e) => e.status === 503 && e.type === 'main_frame' && e.headers['x-iinfo'] !== undefined))
    .toBe(true);

  const popup = await openPopup(driver, tabId);
  await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('imperva');
  expect(await attributeOf(popup, '[data-testid=cause]', 'data-category')).toBe('security-block');
  expect(await textOf(popup, '[data-testid=reference]')).toContain(IMPERVA_INCIDENT);
});

test('a 200 article that only talks about "access denied" stays clean', async ({ driver, lab }) => {
  const { tabId } = await visit(driver, lab.url(scenario('article-access-denied').path));
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => countOf(popup, '[data-testid=clean]')).toBe(1);
  expect(await countOf(popup, '[data-testid=main-finding]')).toBe(0);
  expect(await countOf(popup, '[data-testid=loaded-but]')).toBe(0);
  expect(await eventsOf(driver, tabId)).toHaveLength(0);
});
