import { basename } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startLab, type Lab } from '../lab/server';
import type { BrowserName, Driver } from './driver';
import { launchWatching } from './ready';

/**
 * `driver`: the browser with the built extension, one per worker (launching costs 1.5 s in
 * Chromium, 4 s in Firefox); tabs a test opens are closed after it. `lab`: a fresh block lab per
 * test, so each test declares its routes beside its assertions.
 */
export const test = base.extend<{ driver: Driver; lab: Lab }, { driverName: BrowserName; session: Driver }>({
  driverName: ['chromium', { option: true, scope: 'worker' }],
  session: [
    async ({ driverName }, use) => {
      const driver = await launchWatching(driverName);
      await use(driver);
      await driver.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  driver: async ({ session }, use, testInfo) => {
    await use(session);
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const path of await session.snapshot(testInfo.outputDir)) {
        await testInfo.attach(basename(path), { path, contentType: 'image/png' });
      }
    }
    await session.closePages();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; the lab has none.
  lab: async ({}, use) => {
    const lab = await startLab();
    await use(lab);
    await lab.close();
  },
});

export { expect };
