/**
 * A stand-in for the `electron` module (the real one throws outside Electron, and its binary is never downloaded
 * here). Each test file does `vi.mock('electron', () => import('./electron-mock'))` and inspects `state`.
 * Only what the shell uses is modelled; behaviour the tests assert on comes from the code under test.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  WindowOpenHandlerResponse,
} from 'electron';

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  beforeRequest: BeforeRequestListener | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequest = listener;
    },
  };
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  destroyed = false;
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  readonly mainFrame: FakeFrame = { url: 'app://chainsight/index.html', parent: null };
  readonly send = vi.fn<(channel: string, message: unknown) => void>();
  constructor(readonly session: FakeSession = state.defaultSession) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly loadURL = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  readonly show = vi.fn<() => void>();
  readonly focus = vi.fn<() => void>();
  readonly restore = vi.fn<() => void>();
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    this.webContents = new FakeWebContents();
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  static getAllWindows(): BrowserWindow[] {
    return state.windows.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): BrowserWindow | null {
    return state.focused;
  }
}

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export const state = {
  defaultSession: new FakeSession(),
  windows: [] as BrowserWindow[],
  focused: null as BrowserWindow | null,
  ipcHandlers: new Map<string, InvokeHandler>(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new EventEmitter(),
};

export function resetElectronMock(): void {
  state.defaultSession = new FakeSession();
  state.windows = [];
  state.focused = null;
  state.ipcHandlers.clear();
  state.exposed.clear();
  state.rendererListeners.removeAllListeners();
  app.reset();
  vi.clearAllMocks();
}

export const session = {
  get defaultSession(): FakeSession {
    return state.defaultSession;
  },
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>(),
  handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
};

export const ipcMain = {
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    state.ipcHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    state.ipcHandlers.delete(channel);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    state.rendererListeners.on(channel, listener);
  }),
  removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    state.rendererListeners.removeListener(channel, listener);
  }),
};

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    state.exposed.set(key, api);
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })),
  setApplicationMenu: vi.fn<(menu: unknown) => void>(),
};

export const dialog = {
  showOpenDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(),
  showSaveDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePath: string }>>(),
  showErrorBox: vi.fn<(title: string, content: string) => void>(),
};

/** Models the quit sequence the shell relies on: `will-quit` can be prevented, then `quit()` is called again. */
export class FakeApp extends EventEmitter {
  isPackaged = true;
  quitted = false;
  gotLock = true;
  readonly enableSandbox = vi.fn<() => void>();
  readonly exit = vi.fn<(code?: number) => void>();
  readonly getVersion = vi.fn(() => '9.8.7');
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
  readonly requestSingleInstanceLock = vi.fn(() => this.gotLock);
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly quit = vi.fn(() => {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  });
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = true;
    this.quitted = false;
    this.gotLock = true;
  }
}

export const app = new FakeApp();
