import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

/**
 * One manifest for both browsers; each build keeps only the keys its browser understands
 * (Chrome warns on `browser_specific_settings`, Firefox MV3 has no service workers).
 */
function manifestFor(target: Target): ManifestV3Export {
  const { background, browser_specific_settings, ...rest } = structuredClone(baseManifest);
  const common = { ...rest, version: pkg.version };
  if (target === 'firefox') {
    return {
      ...common,
      background: { scripts: background.scripts, type: 'module' },
      browser_specific_settings,
    } as unknown as ManifestV3Export;
  }
  return {
    ...common,
    background: { service_worker: background.service_worker, type: 'module' },
  } as unknown as ManifestV3Export;
}

/**
 * Bench builds (WHY_BLOCKED_BENCH=1) import bench/worker-probe.ts ahead of the worker's entry, to
 * time its webRequest handlers; the worker's code knows nothing of it (test/dist.test.ts).
 */
function benchProbe(): Plugin {
  const probe = fileURLToPath(new URL('./bench/worker-probe.ts', import.meta.url));
  return {
    name: 'why-blocked-bench-probe',
    enforce: 'pre',
    transform(code, id) {
      return id.endsWith('/src/background/index.ts') ? `import ${JSON.stringify(probe)};\n${code}` : null;
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: manifestFor(target), browser: target }), ...(process.env.WHY_BLOCKED_BENCH === '1' ? [benchProbe()] : [])],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox142' : 'chrome120',
      sourcemap: false,
      minify: true,
      // Pages no manifest key names: the DevTools panel (the devtools page adds it at run time).
      rollupOptions: { input: { devtoolsPanel: 'src/devtools/panel.html' } },
    },
    server: { port: 5173, strictPort: true },
  };
});
