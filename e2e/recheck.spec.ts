import type { IncomingMessage } from 'node:http';
import { scenario } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { attributeOf, countOf, textOf, textsOf } from './support/dom';
import { eventsOf, openSettledPopup, visit } from './support/extension';
import { axeViolations } from './support/pages';

/**
 * "Check this request" (issue 12, part 2): a refused fetch is recorded by its status only; one
 * click asks it again from the extension, with the site's cookies, and reads who refused it.
 */

const RAY = '8f3c2b1a4d5e6f71';

test('a fetch refused with a Cloudflare challenge: one click names Cloudflare, the challenge and the Ray ID', async ({ driver, lab }) => {
  const challenge = scenario('cloudflare-challenge').routes['/cloudflare/challenge'];
  if (!challenge || typeof challenge === 'function') throw new Error('the scenario lost its route');
  const cookiesSeen: (string | undefined)[] = [];
  lab.route('/api/data', (req: IncomingMessage) => {
    cookiesSeen.push(req.headers.cookie);
    return challenge;
  });
  const url = lab.route('/app', {
    status: 200,
    headers: { 'content-type': 'text/html; charset=UTF-8', 'set-cookie': 'app_session=s1; Path=/' },
    body: '<!doctype html><title>App</title><h1>App</h1><script>fetch("/api/data").catch(() => {})</script>',
  });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const [event] = await eventsOf(driver, tabId);
  expect(event?.noHeaders).toBe(true);

  const popup = await openSettledPopup(driver, tabId);
  // By its status alone, nobody is named.
  expect(await attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('');
  await popup.click('[data-testid=recheck-button]');
  await expect.poll(() => attributeOf(popup, '[data-testid=recheck-result]', 'data-vendor')).toBe('cloudflare');
  expect(await attributeOf(popup, '[data-testid=recheck-result]', 'data-category')).toBe('security-challenge');
  expect(await textOf(popup, '[data-testid=recheck-reference]')).toContain(RAY);
  expect(await textOf(popup, '[data-testid=recheck-result]')).toMatch(/Cloudflare/);
  expect(await countOf(popup, '[data-testid=recheck-time]')).toBe(1);
  // Same status as the page got: nothing "differs".
  expect(await countOf(popup, '[data-testid=recheck-differs]')).toBe(0);
  // One request per click, with the site's cookies.
  expect(lab.hits('/api/data')).toBe(2);
  expect(cookiesSeen[1]).toContain('app_session=s1');
  expect(await axeViolations(popup)).toEqual([]);
});

test('a re-check that now gets 200 says so', async ({ driver, lab }) => {
  lab.route('/api/flaky', (_req, hits) => (hits === 1 ? { status: 403, body: 'Forbidden' } : { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }));
  const url = lab.route('/flaky-app', { status: 200, body: '<!doctype html><title>App</title><script>fetch("/api/flaky").catch(() => {})</script>' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openSettledPopup(driver, tabId);
  // By keyboard: a native button, focused and pressed with Enter.
  await popup.evaluate(() => (document.querySelector('[data-testid=recheck-button]') as HTMLButtonElement).focus(), undefined);
  await popup.press('Enter');
  await expect.poll(() => attributeOf(popup, '[data-testid=recheck-result]', 'data-status')).toBe('200');
  expect(await textOf(popup, '[data-testid=recheck-differs]')).toContain('200');
});

test('a refused POST offers no re-check', async ({ driver, lab }) => {
  lab.route('/api/submit', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' });
  const url = lab.route('/form-app', { status: 200, body: '<!doctype html><title>Form</title><script>fetch("/api/submit", { method: "POST", body: "x=1" }).catch(() => {})</script>' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  expect((await eventsOf(driver, tabId))[0]?.method).toBe('POST');
  const popup = await openSettledPopup(driver, tabId);
  expect(await countOf(popup, '[data-testid=recheck-button]')).toBe(0);
  // Reloading with headers read stays the way to learn more about it.
  expect(await countOf(popup, '[data-testid=read-headers]')).toBe(1);
  // Nor in the developer details.
  await popup.click('details.developer > summary');
  await expect.poll(() => countOf(popup, '[data-testid=dev-row]')).toBe(1);
  expect(await countOf(popup, '[data-testid=recheck-button]')).toBe(0);
  expect(lab.hits('/api/submit')).toBe(1);
  expect((await textsOf(popup, '[data-testid=dev-row]')).join()).toContain('POST');
});
