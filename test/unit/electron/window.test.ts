import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronMock, state } from './electron-mock';
import { createMainWindow } from '../../../electron/main/window';

vi.mock('electron', () => import('./electron-mock'));

describe('main window', () => {
  beforeEach(() => resetElectronMock());

  it('is created with exactly the hardened webPreferences', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.js', dev: false });

    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]?.options.webPreferences).toStrictEqual({
      preload: '/app/out/preload/index.js',
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
      devTools: false,
    });
  });

  it('allows DevTools only in development', () => {
    createMainWindow({ preloadPath: '/p.js', dev: true });
    expect(state.windows[0]?.options.webPreferences?.devTools).toBe(true);
    expect(state.windows[0]?.options.webPreferences?.sandbox).toBe(true);
  });

  it('loads the app page from app://chainsight/ and shows when ready', () => {
    const window = createMainWindow({ preloadPath: '/p.js', dev: false });
    expect(window.loadURL).toHaveBeenCalledWith('app://chainsight/index.html');
    expect(state.windows[0]?.options.show).toBe(false);
    expect(state.windows[0]?.show).not.toHaveBeenCalled();
    state.windows[0]?.emit('ready-to-show');
    expect(state.windows[0]?.show).toHaveBeenCalledTimes(1);
  });
});
