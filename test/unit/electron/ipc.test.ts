import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { EventMessage, Result } from '@shared/api';
import { registerIpc } from '../../../electron/main/ipc';
import { BrowserWindow, FakeWebContents, resetElectronMock, state, type FakeFrame } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

function fakeBackend() {
  const listeners: ((message: EventMessage) => void)[] = [];
  const unsubscribe = vi.fn();
  const backend = {
    dispatch: vi.fn((_method: string, _input: unknown) => Promise.resolve<Result<unknown>>({ ok: true, value: { case: null } })),
    onEvent: vi.fn((listener: (message: EventMessage) => void) => {
      listeners.push(listener);
      return unsubscribe;
    }),
    openCase: vi.fn(() => Promise.resolve()),
    close: vi.fn(() => Promise.resolve()),
    uploadTarget: vi.fn(() => ({ batchDir: '', file: '' })),
  };
  const emit = (message: EventMessage): void => listeners.forEach((l) => l(message));
  return { backend, emit, unsubscribe };
}

function invoke(sender: FakeWebContents, frame: FakeFrame | null, request: unknown): Promise<Result<unknown>> {
  const handler = state.ipcHandlers.get('chainsight:call');
  if (!handler) throw new Error('no handler on chainsight:call');
  const event = { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
  return handler(event, request) as Promise<Result<unknown>>;
}

describe('IPC adapter', () => {
  let fake: ReturnType<typeof fakeBackend>;
  let window: BrowserWindow;
  beforeEach(() => {
    resetElectronMock();
    fake = fakeBackend();
    registerIpc(fake.backend);
    window = new BrowserWindow();
  });

  it('passes a call from the app page through to the backend', async () => {
    const result = await invoke(window.webContents, window.webContents.mainFrame, {
      method: 'cases.current',
      input: { x: 1 },
    });
    expect(result).toStrictEqual({ ok: true, value: { case: null } });
    expect(fake.backend.dispatch).toHaveBeenCalledExactlyOnceWith('cases.current', { x: 1 });
  });

  it('refuses a call from a sub-frame, even one on the app origin', async () => {
    const child: FakeFrame = { url: 'app://chainsight/index.html', parent: window.webContents.mainFrame };
    const result = await invoke(window.webContents, child, { method: 'cases.current', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    expect(fake.backend.dispatch).not.toHaveBeenCalled();
  });

  it.each([
    'file:///tmp/evil.html',
    'http://evil.example/',
    'https://127.0.0.1/',
    'app://chainsight.evil/index.html',
    'app://evil/index.html',
    'devtools://devtools/bundled/inspector.html',
  ])('refuses a call from a main frame showing %s', async (url) => {
    window.webContents.mainFrame.url = url;
    const result = await invoke(window.webContents, window.webContents.mainFrame, { method: 'cases.close', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    expect(fake.backend.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from a webContents that is not one of our windows, or without a frame', async () => {
    const stranger = new FakeWebContents();
    expect(await invoke(stranger, stranger.mainFrame, { method: 'cases.close', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ORIGIN' },
    });
    expect(await invoke(window.webContents, null, { method: 'cases.close', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ORIGIN' },
    });
    window.destroyed = true;
    expect(await invoke(window.webContents, window.webContents.mainFrame, { method: 'cases.close', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ORIGIN' },
    });
    expect(fake.backend.dispatch).not.toHaveBeenCalled();
  });

  it('answers BAD_INPUT for a malformed request without reaching the backend', async () => {
    for (const request of [null, 'cases.close', { method: 7, input: {} }, {}]) {
      const result = await invoke(window.webContents, window.webContents.mainFrame, request);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(fake.backend.dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing backend into INTERNAL instead of a rejected invoke', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.backend.dispatch.mockRejectedValueOnce(new Error('disk on fire at /secret/path'));
    const result = await invoke(window.webContents, window.webContents.mainFrame, { method: 'cases.stats', input: {} });
    expect(result).toStrictEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('forwards backend events to every live window on the event channel', () => {
    const other = new BrowserWindow();
    const gone = new BrowserWindow();
    gone.webContents.destroyed = true;
    const message: EventMessage = { name: 'case.changed', payload: { caseDir: '/cases/a.chainsight' } };
    fake.emit(message);
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('chainsight:event', message);
    expect(other.webContents.send).toHaveBeenCalledExactlyOnceWith('chainsight:event', message);
    expect(gone.webContents.send).not.toHaveBeenCalled();
  });

  it('undoes its registration', () => {
    resetElectronMock();
    const dispose = registerIpc(fake.backend);
    expect(state.ipcHandlers.has('chainsight:call')).toBe(true);
    dispose();
    expect(state.ipcHandlers.has('chainsight:call')).toBe(false);
    expect(fake.unsubscribe).toHaveBeenCalled();
  });
});
