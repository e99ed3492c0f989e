import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventMessage, Result, Transport } from '@shared/api';
import { CALL_CHANNEL, EVENT_CHANNEL, type CallRequest } from './channels';

/**
 * The one object the page sees (window.chainsight). It is a {@link Transport}: a raw call and an event
 * subscription; the typed client in shared/api sits on top of it in the renderer. Nothing else is exposed — no
 * ipcRenderer, no channel names, no Node APIs — so the surface cannot grow one function per feature.
 */
const bridge: Transport = Object.freeze({
  call(method: string, input: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || method.length === 0) {
      return Promise.reject(new TypeError('chainsight.call: method must be a non-empty string'));
    }
    const request: CallRequest = { method, input };
    return ipcRenderer.invoke(CALL_CHANNEL, request) as Promise<Result<unknown>>;
  },

  on(listener: (message: EventMessage) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('chainsight.on: listener must be a function');
    // The IpcRendererEvent stays here: it carries the sender and must never reach the page.
    const forward = (_event: IpcRendererEvent, message: EventMessage): void => listener(message);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
});

contextBridge.exposeInMainWorld('chainsight', bridge);
