/**
 * Where the worker's time goes during page loads: a CPU profile of Why Blocked's service worker
 * (CDP Profiler, 100 µs sampling) over several loads of the bench page, summed by function.
 * Not part of `npm run bench` (it measures no budget). Chromium only.
 *
 *   npx tsx bench/profile-worker.ts [--loads N] [--floor]
 *
 * Builds the extension unminified into .tmp/bench/chrome-profile so the names are readable;
 * `--floor` profiles the floor extension (one empty onCompleted listener) instead.
 */
import { BenchBrowser } from './browsers';
import { buildWhyBlocked, writeListenerExtension, removeGeneratedExtensions } from './extensions';
import { waitIdle } from './proc';
import { startServer } from './server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) || 6;
const floor = args.includes('--floor');
const extension = floor ? writeListenerExtension('chrome', { event: 'onCompleted' }) : await buildWhyBlocked('chrome', 'profile', false);
const server = await startServer();
const b = await BenchBrowser.launch('chromium', { label: floor ? 'floor' : 'Why Blocked', extension, whyBlocked: !floor });
try {
  await b.load(`${server.origin}/load?run=profile-warm-${Date.now()}`);
  await waitIdle(b.pid);
  const session = await b.workerSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  for (let i = 0; i < loads; i++) {
    await b.load(`${server.origin}/load?run=profile-${i}-${Date.now()}`);
    await waitIdle(b.pid);
  }
  const { profile } = (await session.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const busy = [...self].filter(([key]) => !key.startsWith('(idle)')).reduce((sum, [, us]) => sum + us, 0);
  console.log(`${floor ? 'floor' : 'Why Blocked'}: worker busy ${(busy / 1000).toFixed(1)} ms over ${loads} loads (${(busy / 1000 / loads).toFixed(1)} ms per load)`);
  console.log('Self time by function (native API calls show under a nearby native name, e.g. storage writes as "setAccessLevel"):');
  for (const [key, us] of [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, c) => c[1] - a[1]).slice(0, 25)) {
    console.log(`${(us / 1000).toFixed(2).padStart(9)} ms  ${key}`);
  }
} finally {
  await b.close();
  await server.close();
  removeGeneratedExtensions();
}
