import type { IncomingMessage } from 'node:http';
import { test, expect } from './support/fixtures';
import { countOf, textOf } from './support/dom';
import { cookieList, eventsOf, openPopup, visit } from './support/extension';

const cookiePage = (name: string) => ({
  status: 200,
  headers: { 'set-cookie': [`${name}=1; Path=/; SameSite=Lax`, `${name}_pref=dark; Path=/; Max-Age=3600`] },
  body: '<!doctype html><title>Signed in</title>',
});

test('Clear this site\u2019s cookies removes that site\u2019s cookies and leaves another site\u2019s alone', async ({ driver, lab }) => {
  const name = `lab_${Date.now().toString(36)}`;
  lab.route('/login', cookiePage(name));
  // Two sites on one server: 127.0.0.1 is refused below, localhost must keep its cookies.
  await visit(driver, lab.url('/login', 'a'));
  await visit(driver, lab.url('/login', 'b'));
  const ours = async () => (await cookieList(driver)).filter((c) => c.includes(name));
  await expect.poll(ours).toEqual([`127.0.0.1 ${name}=1`, `127.0.0.1 ${name}_pref=dark`, `localhost ${name}=1`, `localhost ${name}_pref=dark`]);

  const { tabId } = await visit(driver, lab.route('/dashboard', { status: 403, body: '<title>Forbidden</title>Session rejected' }));
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await popup.click('[data-testid=fix-clear-cookies]');

  await expect.poll(() => textOf(popup, '#out-fix-clear-cookies')).toMatch(/\S/);
  await expect.poll(ours).toEqual([`localhost ${name}=1`, `localhost ${name}_pref=dark`]);
});

test('Retry reloads the refused tab', async ({ driver, lab }) => {
  // The site lets the second attempt through, as a passing rate limit would.
  const url = lab.route('/report', (_req: IncomingMessage, hits: number) =>
    hits === 1 ? { status: 429, headers: { 'content-type': 'text/plain' }, body: 'Slow down' } : { status: 200, body: '<title>Report</title>ok' },
  );
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await popup.click('[data-testid=fix-retry]');

  await expect.poll(() => lab.hits('/report')).toBe(2);
  // The page now loads: its refusal is gone from the log and the popup says the page is clean.
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(0);
  await expect.poll(() => countOf(popup, '[data-testid=clean]')).toBe(1);
});

test('Retry says when the page is still refused', async ({ driver, lab }) => {
  const url = lab.route('/still', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Still no' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await popup.click('[data-testid=fix-retry]');

  await expect.poll(() => lab.hits('/still')).toBe(2);
  await expect.poll(() => textOf(popup, '#out-fix-retry')).toContain('403');
});

test('Clear cache asks first where it cannot be limited to one site, then reloads', async ({ driver, lab }) => {
  const url = lab.route('/app', { status: 403, body: '<title>Forbidden</title>stale' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openPopup(driver, tabId);
  await popup.click('[data-testid=fix-clear-cache]');

  if (driver.name === 'firefox') {
    // Firefox clears the whole cache or nothing: the popup must say so before doing it.
    await expect.poll(() => countOf(popup, '[data-testid=confirm]')).toBe(1);
    expect(lab.hits('/app')).toBe(1);
    await popup.click('[data-testid=confirm]');
  } else {
    expect(await countOf(popup, '[data-testid=confirm]')).toBe(0);
  }
  await expect.poll(() => textOf(popup, '#out-fix-clear-cache')).toMatch(/\S/);
  await expect.poll(() => lab.hits('/app')).toBe(2);
});
