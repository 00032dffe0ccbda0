import { startLab } from '../lab/server';
import { launchDriver, waitFor, type BrowserName, type Driver } from './driver';
import { eventsOf, visit } from './extension';

/**
 * Launches a browser and returns once the extension is watching. A just-installed extension's
 * listeners go live a moment after its worker starts, so the first navigation can pass unseen;
 * probe with a refused page until the worker records one.
 */
export async function launchWatching(name: BrowserName, launch: () => Promise<Driver> = () => launchDriver(name)): Promise<Driver> {
  const driver = await launch();
  const lab = await startLab();
  try {
    await waitFor(
      `the extension in ${name} to record a refused request`,
      async () => {
        const { tabId } = await visit(driver, lab.route(`/warm-up/${Date.now()}`, { status: 403, body: 'warm-up' }));
        const seen = await waitFor('the warm-up refusal', async () => (await eventsOf(driver, tabId)).length > 0, 1500).catch(() => false);
        await driver.closePages();
        return seen;
      },
      20_000,
    );
    return driver;
  } catch (error) {
    await driver.close();
    throw error;
  } finally {
    await lab.close();
  }
}
