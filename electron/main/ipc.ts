import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventMessage, Result } from '@shared/api';
import type { Backend } from '../core/host';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels';
import { isAppUrl } from './app-url';

/**
 * Only the main frame of one of our windows, showing our own page, may call the backend: not an <iframe>, not a
 * page that somehow navigated elsewhere, not DevTools. Checked on every call, because a frame's URL changes.
 */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  try {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    const ours = BrowserWindow.getAllWindows().some((w) => !w.isDestroyed() && w.webContents === event.sender);
    return ours && isAppUrl(frame.url);
  } catch {
    // a frame disposed mid-call throws on access; it speaks for no one
    return false;
  }
}

function failure(code: 'FORBIDDEN_ORIGIN' | 'BAD_INPUT' | 'INTERNAL', message: string): Result<unknown> {
  return { ok: false, error: { code, message } };
}

export function createCallHandler(backend: Backend) {
  return async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return failure('FORBIDDEN_ORIGIN', 'calls are accepted only from the app page');
    if (typeof request !== 'object' || request === null) return failure('BAD_INPUT', 'a call is { method, input }');
    const { method, input } = request as { method?: unknown; input?: unknown };
    if (typeof method !== 'string') return failure('BAD_INPUT', 'method must be a string');
    try {
      return await backend.dispatch(method, input);
    } catch (error) {
      // The router turns every failure into a Result; this is the last line if it ever does not.
      console.error('chainsight: dispatch threw', error);
      return failure('INTERNAL', 'internal error');
    }
  };
}

/** Pushes one event to the given pages (all windows when omitted). */
export function sendEvent(message: EventMessage, targets?: readonly WebContents[]): void {
  const contents = targets ?? BrowserWindow.getAllWindows().map((w) => w.webContents);
  for (const wc of contents) {
    if (!wc.isDestroyed()) wc.send(EVENT_CHANNEL, message);
  }
}

/** Wires the one call channel and forwards every backend event to every window; returns the undo. */
export function registerIpc(backend: Backend): () => void {
  ipcMain.handle(CALL_CHANNEL, createCallHandler(backend));
  const unsubscribe = backend.onEvent((message) => sendEvent(message));
  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
