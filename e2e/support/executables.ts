import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Where the browsers are: an environment variable naming the executable, then Playwright's own
 * download, then the system's. No browser is a failure with instructions, never a silent skip.
 */
export type BrowserName = 'chromium' | 'firefox';

const SYSTEM: Record<BrowserName, readonly string[]> = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

const ENV: Record<BrowserName, string> = {
  chromium: 'WHY_BLOCKED_CHROMIUM',
  firefox: 'WHY_BLOCKED_FIREFOX',
};

export function findBrowser(name: BrowserName): string {
  const fromEnv = process.env[ENV[name]];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${ENV[name]}=${fromEnv} does not exist: fix the path or unset it to use the system ${name}.`);
    return fromEnv;
  }
  if (name === 'chromium') {
    const own = playwrightChromium();
    if (own) return own;
  }
  const system = SYSTEM[name].find((path) => existsSync(path));
  if (system) return system;
  throw new Error(
    `No ${name} executable found (looked at $${ENV[name]}, ${name === 'chromium' ? "Playwright's download, " : ''}` +
      `${SYSTEM[name].join(', ')}). Install one with "sudo apt-get install -y chromium firefox-esr" ` +
      `or point ${ENV[name]} at the executable.`,
  );
}

function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
