import { HOSTILE, scenario } from './lab/scenarios';
import { test, expect } from './support/fixtures';
import { attributeOf, countOf, textOf, textsOf } from './support/dom';
import { eventsOf, openPopup, visit } from './support/extension';

test('a hostile block page renders as text in the popup and runs nothing', async ({ driver, lab }) => {
  const { tabId } = await visit(driver, lab.url(scenario('hostile').path));
  await expect.poll(() => eventsOf(driver, tabId)).toHaveLength(1);
  const [event] = await eventsOf(driver, tabId);
  // Stored as the server sent it (truncated at most): text, not markup to be cleaned.
  expect(event?.headers['x-block-reason']).toBe(HOSTILE.header);

  const popup = await openPopup(driver, tabId);
  // Wait until the page's title and text were read and the finding sharpened.
  await expect.poll(() => attributeOf(popup, '[data-testid=cause]', 'data-vendor')).toBe('cloudflare');
  // The cf-ray header and the Ray ID show as the characters the server sent.
  await expect.poll(async () => (await textsOf(popup, '[data-testid=evidence]')).join('\n')).toContain(HOSTILE.ray);
  expect(await textOf(popup, '[data-testid=reference]')).toContain(HOSTILE.ray.slice(0, 40));

  // Nothing ran and nothing was parsed into elements.
  expect(await attributeOf(popup, 'html', 'data-pwned')).toBeNull();
  expect(await countOf(popup, 'main img, main svg, main script, [onerror], [onload]')).toBe(0);
});
