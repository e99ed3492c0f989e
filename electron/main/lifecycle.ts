import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createBackend } from '../core/backend';
import type { Backend } from '../core/host';
import { createDialogs } from './dialogs';
import { registerIpc, sendEvent } from './ipc';
import { installMenu } from './menu';
import { guardWebContents, hardenSession } from './navigation';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createMainWindow } from './window';

export interface ShellPaths {
  /** built preload script (out/preload/index.js) */
  preloadPath: string;
  /** built renderer (out/renderer) — the only files app:// serves */
  rendererDir: string;
}

/** The Electron host: one instance, one backend, hardened windows on app://chainsight/. */
export function startApp({ preloadPath, rendererDir }: ShellPaths): void {
  app.enableSandbox();
  registerAppScheme();
  // Every webContents, whoever creates it, gets the same guards before it can load anything.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
    hardenSession(contents.session);
  });

  // One writer per case: a second launch focuses the running window instead of opening the case again.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const dev = !app.isPackaged;
  let backend: Backend | null = null;
  let closed = false;
  const openWindow = (): BrowserWindow => createMainWindow({ preloadPath, dev });

  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend !== null && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // The case database and its lock are released before the process goes.
  app.on('will-quit', (event) => {
    if (closed || backend === null) return;
    event.preventDefault();
    const closing = backend;
    void closing
      .close()
      .catch((error: unknown) => console.error('chainsight: closing the backend failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession);
      handleAppProtocol(rendererDir);
      backend = await createBackend({
        host: 'electron',
        dataDir: app.getPath('userData'),
        casesDir: join(app.getPath('documents'), 'Chainsight'),
        version: app.getVersion(),
        dialogs: createDialogs(),
      });
      registerIpc(backend);
      installMenu({
        dev,
        platform: process.platform,
        emit: (command, window) =>
          sendEvent({ name: 'menu.invoked', payload: { command } }, window ? [window.webContents] : undefined),
      });
      openWindow();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('链察无法启动 / Chainsight could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
