/**
 * `npm run screenshots`: the popup on a few block-lab scenarios (and two in the dark theme), the
 * options page with its history and an explained HAR file, and the DevTools panel (in DevTools
 * really open, light and dark), as PNGs in docs/screenshots/ for the README. Builds first unless
 * `--no-build` is given; `--devtools-only` takes the DevTools panel's pictures alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scenario } from '../e2e/lab/scenarios';
import { startLab } from '../e2e/lab/server';
import { launchChromium } from '../e2e/support/chromium-driver';
import { ROOT } from '../e2e/support/dist';
import { waitFor, type Driver, type DriverPage } from '../e2e/support/driver';
import type { Lab } from '../e2e/lab/server';
import { launchWatching } from '../e2e/support/ready';
import { matchesExpectation, visitScenario } from '../e2e/support/tour';
import { distDir } from '../e2e/support/dist';
import { launchWithDevtools } from '../test/devtools/chromium-devtools';
import { DEVTOOLS_LAB_PATH, devtoolsLabRoutes } from '../test/devtools/lab-page';

const SHOTS = ['cloudflare-block', 'cloudflare-challenge', 'rate-limit', 'image-forbidden', 'f5-block-200', 'clean'];
const DARK_SHOTS = ['cloudflare-block', 'rate-limit'];
const OUT = join(ROOT, 'docs', 'screenshots');
/** About the size of the real popup. */
const WIDTH = 420;
const HEIGHT = 600;

if (!process.argv.includes('--no-build')) {
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Lets the layout settle at a new size (and fonts load) before the picture. */
const settle = (page: DriverPage) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), undefined);

async function popupShots(driver: Driver, lab: Lab, ids: readonly string[], prefix: string): Promise<void> {
  for (const id of ids) {
    const v = await visitScenario(driver, lab, scenario(id));
    await v.popup.setViewport(WIDTH, HEIGHT);
    await settle(v.popup);
    const file = join(OUT, `${prefix}-${id}.png`);
    await v.popup.screenshot(file);
    console.log(`${matchesExpectation(v) ? '' : '(unexpected finding) '}${file}`);
    await driver.closePages();
  }
}

/** A page whose fetch was refused, after "Check this request" named Cloudflare's challenge. */
async function recheckShot(driver: Driver, lab: Lab, file: string): Promise<void> {
  const challenge = scenario('cloudflare-challenge').routes['/cloudflare/challenge'];
  if (!challenge || typeof challenge === 'function') throw new Error('the challenge scenario lost its route');
  lab.route('/api/orders', challenge);
  const url = lab.route('/shop', { status: 200, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: '<!doctype html><title>Shop</title><script>fetch("/api/orders").catch(() => {})</script>' });
  const page = await driver.openPage(url);
  const tabId = await driver.tabIdOf(url);
  void page;
  const popup = await driver.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
  await popup.setViewport(WIDTH, HEIGHT);
  await waitFor('the refused fetch', () => popup.evaluate(() => document.querySelector('[data-testid=recheck-button]') !== null, undefined));
  await popup.click('[data-testid=recheck-button]');
  await waitFor('the re-check', () => popup.evaluate(() => document.querySelector('[data-testid=recheck-result]')?.getAttribute('data-vendor') === 'cloudflare', undefined));
  await settle(popup);
  await popup.screenshot(file);
  console.log(file);
  await driver.closePages();
}

/** The options page with a few refusals in its history and a HAR file explained. */
async function optionsShot(driver: Driver, lab: Lab, file: string): Promise<void> {
  // The worker writes history in batches and leaves out tabs closed before then: keep them open.
  for (const id of ['cloudflare-block', 'rate-limit', 'api-forbidden']) await driver.openPage(lab.url(scenario(id).path));
  await driver.openPage(lab.url(scenario('cloudflare-block').path, 'b'));
  await waitFor('the refusals in the history', () =>
    driver.evalInExtension(async (api) => JSON.stringify(await api.storage.local.get(null)).includes('"site":"localhost"'), undefined),
  );
  const page = await driver.openExtensionPage('src/options/index.html');
  await page.setViewport(1000, 800);
  await waitFor('the history', () => page.evaluate(() => document.querySelector('[data-testid=history-entry]') !== null, undefined));
  await page.setInputFiles('[data-testid=har-input]', join(ROOT, 'test/fixtures/har/mixed.har'));
  await waitFor('the HAR findings', () => page.evaluate(() => document.querySelector('[data-testid=har-finding]') !== null, undefined));
  await settle(page);
  await page.screenshot(file);
  console.log(file);
  await driver.closePages();
}

/** The DevTools panel, in DevTools really open on the block lab's DevTools page (headless Chromium). */
async function devtoolsShot(file: string, dark: boolean): Promise<void> {
  const devLab = await startLab(devtoolsLabRoutes());
  const session = await launchWithDevtools({ extensionDir: distDir('chromium'), dark });
  try {
    await session.inspected.goto(devLab.url(DEVTOOLS_LAB_PATH), { waitUntil: 'load' });
    await session.inspected.evaluate('window.labDone');
    const panel = await session.showPanel('Why Blocked', 'src/devtools/panel.html');
    await waitFor('the panel\'s findings', () => panel.evaluate(() => document.querySelectorAll('[data-testid=devtools-finding]').length >= 9));
    await session.frontend.setViewport({ width: 1100, height: 760 });
    // The panel is a frame in another process: let it lay out and paint at the new size (500 ms
    // gave a blank panel once).
    await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await new Promise((r) => setTimeout(r, 1500));
    // DevTools is docked to the right of a page it does not draw: keep the DevTools part only.
    const panelWidth = await panel.evaluate(() => window.innerWidth);
    const x = Math.max(0, 1100 - panelWidth - 12);
    await session.frontend.screenshot({ path: file as `${string}.png`, clip: { x, y: 0, width: 1100 - x, height: 760 } });
    console.log(file);
  } finally {
    await session.close();
    await devLab.close();
  }
}

mkdirSync(OUT, { recursive: true });
await devtoolsShot(join(OUT, 'devtools-panel.png'), false);
await devtoolsShot(join(OUT, 'devtools-panel-dark.png'), true);
if (process.argv.includes('--devtools-only')) process.exit(0);
const lab = await startLab();
try {
  const light = await launchWatching('chromium', () => launchChromium());
  try {
    await popupShots(light, lab, SHOTS, 'popup');
    await recheckShot(light, lab, join(OUT, 'popup-recheck.png'));
    await optionsShot(light, lab, join(OUT, 'options.png'));
  } finally {
    await light.close();
  }
  const dark = await launchWatching('chromium', () => launchChromium({ colorScheme: 'dark' }));
  try {
    await popupShots(dark, lab, DARK_SHOTS, 'popup-dark');
    await optionsShot(dark, lab, join(OUT, 'options-dark.png'));
  } finally {
    await dark.close();
  }
} finally {
  await lab.close();
}
