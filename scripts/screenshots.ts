/**
 * `npm run screenshots`: the popup on a few block-lab scenarios, as PNGs in docs/screenshots/ for
 * the README. Builds first unless `--no-build` is given.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scenario } from '../e2e/lab/scenarios';
import { startLab } from '../e2e/lab/server';
import { launchChromium } from '../e2e/support/chromium-driver';
import { ROOT } from '../e2e/support/dist';
import { launchWatching } from '../e2e/support/ready';
import { matchesExpectation, visitScenario } from '../e2e/support/tour';

const SHOTS = ['cloudflare-block', 'cloudflare-challenge', 'rate-limit', 'image-forbidden', 'clean'];
const OUT = join(ROOT, 'docs', 'screenshots');
/** About the size of the real popup. */
const WIDTH = 420;
const HEIGHT = 600;

if (!process.argv.includes('--no-build')) {
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

mkdirSync(OUT, { recursive: true });
const lab = await startLab();
const driver = await launchWatching('chromium', () => launchChromium());
try {
  for (const id of SHOTS) {
    const v = await visitScenario(driver, lab, scenario(id));
    await v.popup.setViewport(WIDTH, HEIGHT);
    // Let the layout settle at the new width (and fonts load) before the picture.
    await v.popup.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), undefined);
    const file = join(OUT, `popup-${id}.png`);
    await v.popup.screenshot(file);
    console.log(`${matchesExpectation(v) ? '' : '(unexpected finding) '}${file}`);
    await driver.closePages();
  }
} finally {
  await driver.close();
  await lab.close();
}
