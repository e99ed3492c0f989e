import type { Result, Transport } from '@shared/api';
import { parseEventMessage } from './event-wire';
import { createHttpTransport } from './http-transport';
import { takeToken } from './token';

/** The one object the Electron preload exposes (ARCHITECTURE.md §2): nothing else crosses the bridge. */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (message: { name: string; payload: unknown }) => void): () => void;
}

declare global {
  interface Window {
    chainsight?: PreloadBridge;
  }
}

export type TransportKind = 'ipc' | 'http';

export interface ChosenTransport {
  kind: TransportKind;
  transport: Transport;
  /** the loopback page was opened without `#token=…` (and none is kept for this tab) */
  tokenMissing: boolean;
}

function isBridge(value: unknown): value is PreloadBridge {
  if (typeof value !== 'object' || value === null) return false;
  const bridge = value as Record<string, unknown>;
  return typeof bridge.call === 'function' && typeof bridge.on === 'function';
}

/** Wrap the preload object; events are validated here exactly as over HTTP. */
export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    on(listener) {
      return bridge.on((raw) => {
        const message = parseEventMessage(raw);
        if (message) listener(message);
      });
    },
  };
}

/** Electron when its preload object is present, otherwise the loopback server that served this page. */
export function chooseTransport(onUnauthorized: () => void): ChosenTransport {
  const bridge: unknown = window.chainsight;
  if (isBridge(bridge)) return { kind: 'ipc', transport: createIpcTransport(bridge), tokenMissing: false };
  const token = takeToken();
  return {
    kind: 'http',
    transport: createHttpTransport({ token, onUnauthorized }),
    tokenMissing: token === null,
  };
}
