import { test, expect } from './support/fixtures';
import type { ExtensionApi } from './support/driver';

/**
 * Neither browser lets a test click a context-menu item, so check that the worker created it:
 * `contextMenus.update` rejects for an id that does not exist. Runs in the extension page.
 */
async function menuItemExists(api: ExtensionApi, id: string): Promise<boolean> {
  try {
    await api.contextMenus.update(id, {});
    return true;
  } catch {
    return false;
  }
}

test('the "Why blocked?" context menu item exists', async ({ driver }) => {
  await expect.poll(() => driver.evalInExtension(menuItemExists, 'why-blocked')).toBe(true);
  // The check itself can fail.
  expect(await driver.evalInExtension(menuItemExists, 'no-such-item')).toBe(false);
});
