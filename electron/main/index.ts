import { join } from 'node:path';
import { startApp } from './lifecycle';

// Built layout (electron.vite.config.ts): out/main/index.js, out/preload/index.js, out/renderer/index.html.
startApp({
  preloadPath: join(__dirname, '../preload/index.js'),
  rendererDir: join(__dirname, '../renderer'),
});
