import { BrowserWindow, type WebPreferences } from 'electron';
import { INDEX_URL } from './app-url';

/**
 * The renderer is a sandboxed web page that reaches the backend only through the preload's one bridge object.
 * DevTools exist in development builds only.
 */
export function hardenedWebPreferences(preloadPath: string, dev: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: dev,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  dev: boolean;
}

export function createMainWindow({ preloadPath, dev }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: '链察 Chainsight',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preloadPath, dev),
  });
  window.once('ready-to-show', () => window.show());
  // A failed load leaves an empty window; the protocol handler serves only local files, so there is no retry.
  window.loadURL(INDEX_URL).catch((error: unknown) => {
    console.error('chainsight: could not load the app page', error);
  });
  return window;
}
