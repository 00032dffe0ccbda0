import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';
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

/**
 * The DevTools panel's page, built on its own after the extension into the same directory: as a
 * third entry of the main build it split the chunks the worker and the popup share, which cost
 * them 556 and 281 gzipped bytes (bench, bundle). Its own copy of Preact and the engine costs
 * only DevTools, when open. The devtools page (manifest `devtools_page`) stays in the main build.
 */
function devtoolsPanel(target: Target): Plugin {
  let outDir = '';
  return {
    name: 'why-blocked-devtools-panel',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [preact()],
        build: {
          outDir,
          emptyOutDir: false,
          target: target === 'firefox' ? 'firefox142' : 'chrome120',
          sourcemap: false,
          minify: true,
          rollupOptions: { input: { devtoolsPanel: fileURLToPath(new URL('./src/devtools/panel.html', import.meta.url)) }, output: { entryFileNames: 'assets/devtools-[name]-[hash].js', chunkFileNames: 'assets/devtools-[name]-[hash].js', assetFileNames: 'assets/devtools-[name]-[hash][extname]' } },
        },
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: manifestFor(target), browser: target }), devtoolsPanel(target), ...(process.env.WHY_BLOCKED_BENCH === '1' ? [benchProbe()] : [])],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox142' : 'chrome120',
      sourcemap: false,
      minify: true,
      // Both targets preload modules natively (Chrome 66, Firefox 115): the polyfill only cost
      // the popup bytes, as a chunk of its own once the devtools page made a third HTML entry.
      modulePreload: { polyfill: false },
    },
    server: { port: 5173, strictPort: true },
  };
});
