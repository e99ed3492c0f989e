import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerDetails, Session, WebContents } from 'electron';
import { guardWebContents, hardenSession } from '../../../electron/main/navigation';
import { FakeSession, FakeWebContents, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

function navigate(contents: FakeWebContents, name: string, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  contents.emit(name, event, url);
  return event.preventDefault.mock.calls.length === 0;
}

describe('navigation guards', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    resetElectronMock();
    contents = new FakeWebContents(new FakeSession());
    guardWebContents(contents as unknown as WebContents);
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s away from the app is prevented', (name) => {
    expect(navigate(contents, name, 'https://evil.example/')).toBe(false);
    expect(navigate(contents, name, 'http://127.0.0.1:8080/')).toBe(false);
    expect(navigate(contents, name, 'file:///etc/passwd')).toBe(false);
    expect(navigate(contents, name, 'app://chainsight.evil/index.html')).toBe(false);
    expect(navigate(contents, name, 'javascript:alert(1)')).toBe(false);
  });

  it('navigation within the app page is allowed', () => {
    expect(navigate(contents, 'will-navigate', 'app://chainsight/index.html')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://chainsight/index.html#/cases')).toBe(true);
  });

  it('window.open is denied, whatever the URL', () => {
    const handler = contents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of ['https://evil.example/', 'app://chainsight/index.html', 'about:blank']) {
      expect(handler?.({ url } as HandlerDetails)).toStrictEqual({ action: 'deny' });
    }
  });

  it('webviews cannot be attached', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('session hardening', () => {
  let session: FakeSession;
  beforeEach(() => {
    session = new FakeSession();
    hardenSession(session as unknown as Session);
  });

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies the %s permission request and check',
    (permission) => {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.({}, permission, 'app://chainsight', {})).toBe(false);
    },
  );

  it('denies device access', () => {
    expect(session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://chainsight' })).toBe(false);
  });

  const cancelled = (url: string): boolean | undefined => {
    let answer: boolean | undefined;
    session.beforeRequest?.({ url }, (response) => (answer = response.cancel));
    return answer;
  };

  it.each([
    'https://fonts.googleapis.com/css',
    'http://127.0.0.1:3000/api',
    'file:///home/user/case.sqlite',
    'ws://evil.example/',
    'ftp://evil.example/',
    'app://evil/index.html',
    'blob:https://evil.example/1234',
  ])('blocks a request to %s', (url) => {
    expect(cancelled(url)).toBe(true);
  });

  it.each([
    'app://chainsight/index.html',
    'app://chainsight/assets/noto-sans-sc.woff2',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://chainsight/5b1c0f6e-1111-2222-3333-444455556666',
  ])('lets %s through', (url) => {
    expect(cancelled(url)).toBe(false);
  });
});
