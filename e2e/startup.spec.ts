import { startLab } from './lab/server';
import { test, expect } from './support/fixtures';
import { launchDriver, type Driver } from './support/driver';
import { eventsOf, visit } from './support/extension';

/**
 * Issue 10, finding 1: a refusal the browser reports right after the extension starts must be
 * recorded. No warm-up here (launchWatching would hide the window): the block page is opened as
 * soon as the browser hands the extension over (Chromium: its service worker exists; Firefox: the
 * install returned).
 */
let own: Driver | undefined;
test.afterEach(async () => {
  await own?.close();
  own = undefined;
});

test('a block page opened at once at start-up is recorded', async ({ driverName }) => {
  test.setTimeout(60_000);
  const lab = await startLab();
  try {
    const url = lab.route('/at-once', {
      status: 403,
      headers: { server: 'cloudflare', 'cf-ray': '8f00aa11bb22cc44-FRA', 'content-type': 'text/html' },
      body: '<!doctype html><title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>',
    });
    own = await launchDriver(driverName);
    const { tabId } = await visit(own, url);
    const driver = own;
    await expect.poll(async () => (await eventsOf(driver, tabId)).map((e) => `${e.status} ${e.headers['cf-ray']}`)).toEqual(['403 8f00aa11bb22cc44-FRA']);
  } finally {
    await lab.close();
  }
});
