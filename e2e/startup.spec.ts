import { startLab } from './lab/server';
import { test, expect } from './support/fixtures';
import { launchDriver, type Driver, type LaunchOptions } from './support/driver';
import { eventsOf } from './support/extension';

/**
 * Issue 10, finding 1: a refused page loading while the extension starts must be recorded. No
 * warm-up here (launchWatching would hide the window). Chromium often reports such a page to no
 * listener at all (seen with a bare listener beside ours), so the worker asks the page for its
 * status when a document commits unseen, or is open when it is installed or the browser starts
 * (unseen-page.ts): recorded by its status then, with its headers when the listener saw them.
 */
let own: Driver | undefined;
test.afterEach(async () => {
  await own?.close();
  own = undefined;
});

const WHEN: [string, keyof LaunchOptions][] = [
  ['opened the moment the extension is there (its worker exists / its install returned)', 'openAtOnce'],
  ['already open when the extension is installed (as at an update, or tabs restored at launch)', 'openBeforeInstall'],
];

for (const [when, option] of WHEN) {
  test(`a block page ${when} is recorded`, async ({ driverName }) => {
    test.setTimeout(60_000);
    const lab = await startLab();
    try {
      const url = lab.route('/at-once', {
        status: 403,
        headers: { server: 'cloudflare', 'cf-ray': '8f00aa11bb22cc44-FRA', 'content-type': 'text/html' },
        body: '<!doctype html><title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>',
      });
      own = await launchDriver(driverName, { [option]: url });
      const driver = own;
      const tabId = await driver.tabIdOf(url);
      await expect.poll(async () => (await eventsOf(driver, tabId)).map((e) => `${e.type} ${e.status}`)).toEqual(['main_frame 403']);
    } finally {
      await lab.close();
    }
  });
}
