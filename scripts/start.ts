/**
 * `npm start`: builds the extension, starts the block lab and shows the extension at work.
 * With a display: Chromium opens on the lab's index page with the extension loaded; browse away.
 * Without one: visits every lab scenario headless and prints what the extension concluded.
 */
import { spawnSync } from 'node:child_process';
import { SCENARIOS } from '../e2e/lab/scenarios';
import { startLab } from '../e2e/lab/server';
import { launchChromium } from '../e2e/support/chromium-driver';
import { launchWatching } from '../e2e/support/ready';
import { matchesExpectation, visitScenario } from '../e2e/support/tour';

function build(): void {
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; nothing to load.');
    process.exit(result.status ?? 1);
  }
}

async function interactive(): Promise<void> {
  const lab = await startLab();
  const driver = await launchChromium({ headful: true });
  await driver.openPage(lab.url('/'));
  console.log(`\nBlock lab: ${lab.url('/')} (also as ${lab.url('/', 'b')}, a second site)`);
  console.log('Chromium is open with Why Blocked loaded. Close the window or press Ctrl+C to stop.\n');
  const stop = async (): Promise<void> => {
    await driver.close();
    await lab.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await driver.closed;
  await lab.close();
}

async function tour(): Promise<void> {
  const lab = await startLab();
  const driver = await launchWatching('chromium', () => launchChromium());
  console.log(`\nNo display: visiting every block-lab scenario headless (${lab.origin}).\n`);
  let mismatches = 0;
  try {
    for (const scenario of SCENARIOS) {
      const v = await visitScenario(driver, lab, scenario);
      const ok = matchesExpectation(v);
      if (!ok) mismatches++;
      const expected = scenario.expected.category === null ? 'clean' : `${scenario.expected.category}${scenario.expected.vendor ? ` (${scenario.expected.vendor})` : ''}`;
      const got = v.finding.clean ? 'clean' : `${v.finding.category ?? '?'}${v.finding.vendor ? ` (${v.finding.vendor})` : ''}`;
      console.log(`${ok ? '\u2713' : '\u2717'} ${scenario.title}`);
      console.log(`    ${lab.url(scenario.path)}`);
      for (const e of v.events) {
        console.log(`    worker recorded: ${e.status || e.error} ${e.type} ${e.url.replace(lab.origin, '')} -> ${e.cause} [${e.category}${e.vendor ? `, ${e.vendor}` : ''}]`);
      }
      if (v.events.length === 0) console.log('    worker recorded: nothing');
      console.log(`    popup concluded: ${got}${v.finding.headline ? ` \u2014 "${v.finding.headline}"` : ''}`);
      if (v.finding.reference) console.log(`    reference: ${v.finding.reference}`);
      if (!ok) console.log(`    expected: ${expected}`);
      await driver.closePages();
    }
  } finally {
    await driver.close();
    await lab.close();
  }
  console.log(`\n${SCENARIOS.length - mismatches} of ${SCENARIOS.length} scenarios explained as expected.`);
  if (mismatches > 0) process.exitCode = 1;
}

build();
if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) await interactive();
else await tour();
