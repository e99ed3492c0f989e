import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerDetails, IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import type { EventMessage, Result } from '@shared/api';
import { createBackend } from '../../../electron/core/backend';
import { startApp } from '../../../electron/main/lifecycle';
import { app, Menu, protocol, resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));
vi.mock('../../../electron/core/backend', () => ({ createBackend: vi.fn() }));

function fakeBackend() {
  let listener: ((message: EventMessage) => void) | undefined;
  return {
    dispatch: vi.fn(() => Promise.resolve<Result<unknown>>({ ok: true, value: 'pong' })),
    onEvent: vi.fn((l: (message: EventMessage) => void) => {
      listener = l;
      return () => undefined;
    }),
    openCase: vi.fn(() => Promise.resolve()),
    close: vi.fn(() => Promise.resolve()),
    uploadTarget: vi.fn(() => ({ batchDir: '', file: '' })),
    emit: (message: EventMessage) => listener?.(message),
  };
}

const platform = process.platform;
const setPlatform = (value: NodeJS.Platform): void => {
  Object.defineProperty(process, 'platform', { value, configurable: true });
};

describe('app lifecycle', () => {
  let backend: ReturnType<typeof fakeBackend>;
  beforeEach(() => {
    resetElectronMock();
    backend = fakeBackend();
    vi.mocked(createBackend).mockResolvedValue(backend);
    setPlatform('linux');
  });
  afterEach(() => setPlatform(platform));

  const started = async (): Promise<void> => {
    startApp({ preloadPath: '/app/out/preload/index.js', rendererDir: '/app/out/renderer' });
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  };

  it('registers the scheme and the sandbox before ready, then builds the backend for this host', async () => {
    await started();
    expect(app.enableSandbox).toHaveBeenCalled();
    const registered = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? Infinity;
    expect(registered).toBeLessThan(app.whenReady.mock.invocationCallOrder[0] ?? -Infinity);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(createBackend).toHaveBeenCalledTimes(1);
    const { dialogs, ...options } = vi.mocked(createBackend).mock.calls[0]?.[0] ?? {};
    expect(options).toStrictEqual({
      host: 'electron',
      dataDir: '/fake/userData',
      casesDir: join('/fake/documents', 'Chainsight'),
      version: '9.8.7',
    });
    expect(typeof dialogs?.pickFolder).toBe('function');
    expect(typeof dialogs?.pickSavePath).toBe('function');
  });

  it('opens one hardened window on the app page, guarded by web-contents-created', async () => {
    await started();
    const window = state.windows[0];
    expect(window?.loadURL).toHaveBeenCalledWith('app://chainsight/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      devTools: false,
    });
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://evil.example/' } as HandlerDetails)).toStrictEqual({
      action: 'deny',
    });
    let cancel: boolean | undefined;
    state.defaultSession.beforeRequest?.({ url: 'https://evil.example/' }, (r) => (cancel = r.cancel));
    expect(cancel).toBe(true);
  });

  it('routes calls from the window to the backend and backend events back to it', async () => {
    await started();
    const window = state.windows[0];
    if (!window) throw new Error('no window');
    const handler = state.ipcHandlers.get('chainsight:call');
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent;
    await expect(handler?.(event, { method: 'app.info', input: {} })).resolves.toStrictEqual({ ok: true, value: 'pong' });

    const message: EventMessage = { name: 'audit.appended', payload: { seq: 3, action: 'cases.updateMeta' } };
    backend.emit(message);
    expect(window.webContents.send).toHaveBeenCalledWith('chainsight:event', message);
  });

  it('delivers a menu click to the window as a menu.invoked event', async () => {
    await started();
    const window = state.windows[0];
    const menu = Menu.buildFromTemplate.mock.results[0]?.value as { template: MenuItemConstructorOptions[] } | undefined;
    const file = menu?.template.find((m) => m.label === '文件');
    const open = Array.isArray(file?.submenu) ? file.submenu.find((i) => i.label === '打开案件…') : undefined;
    open?.click?.({} as never, window as never, {});
    expect(window?.webContents.send).toHaveBeenCalledExactlyOnceWith('chainsight:event', {
      name: 'menu.invoked',
      payload: { command: 'case.open' },
    });
  });

  it('closes the backend before the process quits', async () => {
    await started();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
    expect(backend.close).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(backend.close).toHaveBeenCalledTimes(1);
  });

  it('keeps running with no windows on macOS', async () => {
    setPlatform('darwin');
    await started();
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('a second instance quits at once and never opens the case store', async () => {
    app.gotLock = false;
    startApp({ preloadPath: '/p.js', rendererDir: '/r' });
    await Promise.resolve();
    expect(app.quitted).toBe(true);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(createBackend).not.toHaveBeenCalled();
  });
});
