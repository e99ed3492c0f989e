import type { Event, Session, WebContents } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-url';

/**
 * Requests allowed to leave a renderer: the app's own origin, DevTools' own pages (dev only), and data:/blob:
 * URLs, which never touch the network (charts and the grid draw with them; blob: only when minted by the app).
 * Everything else — http(s), file:, ws:, ftp: — is cancelled, so seized data can never pull remote content.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('devtools:')) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return url.startsWith(`blob:${APP_ORIGIN}/`);
  return false;
}

/** In-page navigation stays on the app's own pages; nothing navigates a window anywhere else. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Applied to every webContents the app creates (`web-contents-created`), including the main window's. */
export function guardWebContents(contents: WebContents): void {
  const refuseNavigation = (event: Event, url: string): void => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => refuseNavigation(event, event.url));
  // sub-frames too: an <iframe> is no way out either
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

const hardened = new WeakSet<Session>();

/** No permission is ever granted (camera, notifications, geolocation, clipboard-read, HID …) and no request leaves. */
export function hardenSession(session: Session): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
}
