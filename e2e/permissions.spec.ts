import { startLab } from './lab/server';
import { test, expect } from './support/fixtures';
import { launchDriver, type Driver } from './support/driver';
import { countOf, textOf } from './support/dom';
import { eventsOf, openPopup, openSettledPopup, visit } from './support/extension';
import { launchWatching } from './support/ready';

/** The popup checks host access to the tab's site when it opens, and asks for it when it is missing. */

test('with access to the site, the popup does not ask for it', async ({ driver, lab }) => {
  const url = lab.route('/granted', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'no' });
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const popup = await openSettledPopup(driver, tabId);
  // hasHostAccess answers within a few ms; give it ample time to (wrongly) show.
  await new Promise((r) => setTimeout(r, 500));
  expect(await countOf(popup, '[data-testid=host-access]')).toBe(0);
});

let own: Driver | undefined;
test.afterEach(async () => {
  await own?.close();
  own = undefined;
});

test('without access to the site, the popup says what is missing and offers to ask', async ({ driverName }) => {
  test.skip(
    driverName === 'chromium',
    'Chrome will not let an extension remove its required host access, and a test cannot set "site access: on click"',
  );
  own = await launchWatching(driverName, () => launchDriver(driverName));
  const driver = own;
  const lab = await startLab();
  try {
    const site = `http://${new URL(lab.origin).hostname}/*`;
    const granted = () => driver.evalInExtension((api, origin) => api.permissions.contains({ origins: [origin] }), site);
    expect(await granted()).toBe(true);
    await driver.evalInExtension((api) => api.permissions.remove({ origins: ['<all_urls>'] }), undefined);
    expect(await granted()).toBe(false);

    const url = lab.route('/withheld', { status: 403, headers: { 'content-type': 'text/plain' }, body: 'no' });
    // Without host access the browser hides the tab's address from the extension: open it from the extension.
    const tabId = await driver.evalInExtension(async (api, u) => (await api.tabs.create({ url: u })).id ?? -1, url);
    await expect.poll(() => lab.hits('/withheld')).toBe(1);
    const popup = await openPopup(driver, tabId);
    await expect.poll(() => countOf(popup, '[data-testid=host-access]')).toBe(1);
    // The browser now hides the tab's address from the extension, so the popup says "this site".
    expect(await textOf(popup, '[data-testid=host-access]')).not.toBe('');
    expect(await countOf(popup, '[data-testid=host-access-request]')).toBe(1);
    // This is why it matters: the refusal went unseen.
    expect(await eventsOf(driver, tabId)).toEqual([]);
  } finally {
    await lab.close();
  }
});
