import { CF_RAY, scenario } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { attributeOf, countOf, textOf, textsOf } from './support/dom';
import { eventsOf, openPopup, openSettledPopup, visit } from './support/extension';

test('the popup names Cloudflare\u2019s block, its evidence and the Ray ID', async ({ driver, lab }) => {
  const { tabId } = await visit(driver, lab.url(scenario('cloudflare-block').path));
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);

  const popup = await openPopup(driver, tabId);
  // The first paint rests on headers alone; the block page's text sharpens it a moment later.
  await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-category')).toBe('security-block');
  expect(await attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('cloudflare');
  expect(await textOf(popup, '[data-testid=main-finding]')).toMatch(/Cloudflare/);

  const evidence = (await textsOf(popup, '[data-testid=evidence]')).join('\n');
  expect(evidence).toContain('403');
  expect(evidence.toLowerCase()).toContain('you have been blocked');
  expect(evidence).toContain('cf-ray');
  expect(await textOf(popup, '[data-testid=reference]')).toContain(CF_RAY.split('-')[0]);
});

test('the popup tells a rate limit from a block and shows the wait', async ({ driver, lab }) => {
  const url = lab.route('/api/feed', { status: 429, headers: { 'retry-after': '120', 'content-type': 'text/plain' }, body: 'Too Many Requests' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);

  const popup = await openPopup(driver, tabId);
  await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-category')).toBe('rate-limit');
  expect(await attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('');
  const evidence = (await textsOf(popup, '[data-testid=evidence]')).join('\n');
  expect(evidence).toContain('429');
  expect(evidence.toLowerCase()).toContain('retry-after');
});

test('the popup explains a refused image on a page that loaded', async ({ driver, lab }) => {
  const image = lab.route('/img/photo.jpg', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
  const url = lab.route('/gallery', { status: 200, body: `<!doctype html><title>Gallery</title><img src="${image}">` });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);

  const popup = await openSettledPopup(driver, tabId);
  expect(await textOf(popup, '[data-testid=main-finding]')).toContain(image);
  expect((await textsOf(popup, '[data-testid=evidence]')).join('\n')).toContain('403');
});

test('the popup says a clean page is clean', async ({ driver, lab }) => {
  const { tabId } = await visit(driver, lab.url(scenario('clean').path));
  const popup = await openPopup(driver, tabId);
  await expect.poll(() => countOf(popup, '[data-testid=clean]')).toBe(1);
  expect(await countOf(popup, '[data-testid=main-finding]')).toBe(0);
});
