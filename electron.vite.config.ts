import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(__dirname, 'shared') };

/**
 * One build for the three hosts: `out/main` holds the Electron main process and the Node entries that share the
 * Electron-free core (the `chainsight` CLI, which also runs `serve`, and worker threads); `out/preload` the one bridge
 * object; `out/renderer` the React app served over IPC (app:// protocol) or the loopback server.
 */
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          'import-worker': resolve(__dirname, 'electron/core/ingest/import.worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // fonts and icons stay files (no data: URIs) so the CSP can keep font-src/img-src to 'self'
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
