import { defineConfig } from '@playwright/test';
import type { BrowserName } from './e2e/support/driver';

/**
 * Every e2e test runs in both browsers against the built extension (dist/). The `browserName`
 * option picks the driver: Playwright for Chromium, puppeteer-core over WebDriver BiDi for Firefox.
 */
export default defineConfig<{ driverName: BrowserName }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  // One browser per worker; two fit a 2-core machine.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'chromium', use: { driverName: 'chromium' } },
    { name: 'firefox', use: { driverName: 'firefox' } },
  ],
});
