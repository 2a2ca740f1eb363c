import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { africaTopology } from './build/africa-topology.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * `vite build` writes the bundle where the API serves it (services/api/public). `vite` (npm run
 * dev) serves the sources with hot reload and forwards /graphql, WebSocket included, to a
 * running API: FAMWATCH_API_URL, default http://127.0.0.1:4000.
 */
export default defineConfig({
  root: here('.'),
  // Relative asset URLs: the bundle works wherever the API mounts it.
  base: './',
  plugins: [africaTopology(here('./data/iso-numeric-to-alpha2.json'))],
  build: {
    outDir: here('../api/public'),
    emptyOutDir: true,
    target: 'es2022',
    // No module-preload polyfill: every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/graphql': { target: process.env['FAMWATCH_API_URL'] ?? 'http://127.0.0.1:4000', ws: true },
    },
  },
});
