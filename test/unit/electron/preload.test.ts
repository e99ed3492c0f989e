import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMessage, Transport } from '@shared/api';
import { contextBridge, ipcRenderer, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

let exposedKeys: string[] = [];
let bridge: Transport;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  exposedKeys = contextBridge.exposeInMainWorld.mock.calls.map(([key]) => key);
  bridge = state.exposed.get('chainsight') as Transport;
});

describe('preload bridge', () => {
  beforeEach(() => {
    ipcRenderer.invoke.mockReset();
  });

  it('exposes exactly one frozen object, chainsight, with exactly call and on', () => {
    expect(exposedKeys).toStrictEqual(['chainsight']);
    expect(Object.keys(bridge).sort()).toStrictEqual(['call', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('call invokes the one call channel with { method, input } and returns the Result', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { case: null } });
    await expect(bridge.call('cases.current', {})).resolves.toStrictEqual({ ok: true, value: { case: null } });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('chainsight:call', { method: 'cases.current', input: {} });
  });

  it('call rejects a method that is not a string without touching IPC', async () => {
    await expect(bridge.call(42 as unknown as string, {})).rejects.toBeInstanceOf(TypeError);
    await expect(bridge.call('', {})).rejects.toBeInstanceOf(TypeError);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('on delivers only the message (never the IPC event) until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.on(listener);
    const message: EventMessage = { name: 'menu.invoked', payload: { command: 'case.open' } };
    state.rendererListeners.emit('chainsight:event', { sender: 'ipc internals' }, message);
    expect(listener).toHaveBeenCalledExactlyOnceWith(message);

    unsubscribe();
    state.rendererListeners.emit('chainsight:event', {}, message);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(state.rendererListeners.listenerCount('chainsight:event')).toBe(0);
  });

  it('listens on no channel but the event channel', () => {
    const unsubscribe = bridge.on(() => undefined);
    expect(state.rendererListeners.eventNames()).toStrictEqual(['chainsight:event']);
    unsubscribe();
  });

  it('on refuses a listener that is not a function', () => {
    expect(() => bridge.on('chainsight:call' as unknown as () => void)).toThrow(TypeError);
  });
});
