/**
 * Records what Chromium's DevTools gives an extension for the block lab's DevTools page:
 * `devtools.network.getHAR()` with each entry's body from `getContent()` put in
 * `response.content` (as DevTools' own "Export HAR with content" does), into
 * test/fixtures/har/devtools-lab-chromium.har. Run again when the lab changes:
 *
 *   npx tsx test/devtools/record-lab-har.ts
 *
 * The extension loaded is a throwaway one with an empty devtools page: recording needs only
 * DevTools' API, not Why Blocked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab } from '../../e2e/lab/server';
import { ROOT } from '../../e2e/support/dist';
import { launchWithDevtools } from './chromium-devtools';
import { DEVTOOLS_LAB_PATH, devtoolsLabRoutes } from './lab-page';

const OUT = join(ROOT, 'test/fixtures/har/devtools-lab-chromium.har');

const extensionDir = mkdtempSync(join(tmpdir(), 'why-blocked-recorder-'));
writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'HAR recorder', version: '1', devtools_page: 'recorder.html' }));
writeFileSync(join(extensionDir, 'recorder.html'), '<!doctype html><title>recorder</title>');

const lab = await startLab(devtoolsLabRoutes());
const session = await launchWithDevtools({ extensionDir });
try {
  const devtools = await session.devtoolsPage('recorder.html');
  await session.inspected.goto(lab.url(DEVTOOLS_LAB_PATH), { waitUntil: 'load' });
  await session.inspected.evaluate('window.labDone');
  // DevTools hears of the last fetches a moment after the page does.
  await new Promise((r) => setTimeout(r, 1500));
  const har = await devtools.evaluate(
    () =>
      new Promise((resolve) => {
        const network = (globalThis as unknown as { chrome: { devtools: { network: { getHAR(cb: (log: { entries: unknown[] }) => void): void } } } }).chrome.devtools.network;
        network.getHAR((log) => {
          type Entry = { response: { content: Record<string, unknown> }; getContent(cb: (content: string | null, encoding: string) => void): void };
          const entries = log.entries as Entry[];
          void Promise.all(
            entries.map(
              (entry) =>
                new Promise<void>((done) => {
                  // An entry DevTools keeps no body for (a fetch whose body the page never read) never calls back.
                  setTimeout(done, 3000);
                  entry.getContent((content, encoding) => {
                    if (content) entry.response.content.text = content;
                    if (encoding) entry.response.content.encoding = encoding;
                    done();
                  });
                }),
            ),
          ).then(() => resolve(JSON.parse(JSON.stringify({ log }))));
        });
      }),
  );
  writeFileSync(OUT, `${JSON.stringify(har, null, 2)}\n`);
  const entries = (har as { log: { entries: { request: { method: string; url: string }; response: { status: number } }[] } }).log.entries;
  for (const e of entries) console.log(e.response.status, e.request.method, e.request.url);
  console.log(`${entries.length} entries -> ${OUT}`);
} finally {
  await session.close();
  await lab.close();
  rmSync(extensionDir, { recursive: true, force: true });
}
