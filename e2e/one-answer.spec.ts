import { CF_RAY, scenario } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { countOf, textsOf } from './support/dom';
import type { Driver } from './support/driver';
import { eventsOf, visit } from './support/extension';
import { message } from './support/pages';

/**
 * One answer everywhere (issue 12, part 4): a refused page is read once it has loaded, so the
 * history and the badge's tooltip name its source even if the popup is never opened.
 */

interface StoredEntry {
  url: string;
  cause: string;
  category: string;
  vendor: string | null;
  reference?: string;
}

function historyEntry(driver: Driver, url: string): Promise<StoredEntry | null> {
  return driver.evalInExtension(async (api, wanted) => {
    const all = await api.storage.local.get(null);
    const entries = Object.entries(all)
      .filter(([key]) => key.startsWith('history:'))
      .flatMap(([, day]) => (day as { entries?: StoredEntry[] }).entries ?? []);
    return entries.find((e) => e.url === wanted) ?? null;
  }, url);
}

test('a Cloudflare block page never opened in the popup is a Cloudflare block, with its Ray ID, in the history and the tooltip', async ({ driver, lab }) => {
  const answer = scenario('cloudflare-block').routes['/cloudflare/block'];
  if (!answer) throw new Error('the scenario lost its route');
  const url = lab.route(`/members-${Date.now().toString(36)}`, answer);
  const { tabId } = await visit(driver, url);
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);

  // The worker writes history in batches a couple of seconds after the refusal.
  await expect.poll(() => historyEntry(driver, url), { timeout: 15_000 }).toEqual(
    expect.objectContaining({ cause: 'cloudflare-block', category: 'security-block', vendor: 'cloudflare', reference: expect.stringContaining(CF_RAY.split('-')[0] as string) }),
  );
  const tooltip = await driver.evalInExtension((api, id) => api.action.getTitle({ tabId: id }), tabId);
  expect(tooltip).toContain('Cloudflare');
  expect(tooltip).toContain(await message(driver, 'headline_security_block'));

  const options = await driver.openExtensionPage('src/options/index.html');
  await expect.poll(() => countOf(options, '[data-testid=history-entry]')).toBeGreaterThan(0);
  const rows = await textsOf(options, '[data-testid=history-entry]');
  const row = rows.find((r) => r.includes(url));
  expect(row).toContain('Cloudflare');
  expect(row).toContain(CF_RAY.split('-')[0]);
  expect(row).toContain(await message(driver, 'headline_security_block'));
});
