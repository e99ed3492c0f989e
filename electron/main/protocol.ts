import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy, injectNonce, newNonce } from '../core/security/csp';
import { APP_HOST, APP_SCHEME } from './app-url';
import { mimeType, resolveStaticPath } from '../core/server/static-files';

/** Must run before `app` is ready: a standard, secure scheme gets an origin, `'self'` in the CSP, and fetch(). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The part of a request the handler reads; Electron passes a full Request. */
export interface AppRequest {
  url: string;
  method: string;
}

export type AppHandler = (request: AppRequest) => Promise<Response>;

/**
 * Serves the built renderer (out/renderer) and nothing else. Every response carries the CSP; index.html gets a
 * fresh nonce per load. Paths are decoded, resolved and checked to stay inside `rendererDir`, so `..%2f` and
 * friends cannot reach the rest of the disk (where the case files are).
 */
export function createAppHandler(rendererDir: string): AppHandler {
  const root = resolve(rendererDir);

  return async (request) => {
    const nonce = newNonce();
    const respond = (status: number, body: Uint8Array | string | null, type = 'text/plain; charset=utf-8'): Response =>
      new Response(request.method === 'HEAD' ? null : body, {
        status,
        headers: {
          'Content-Type': type,
          'Content-Security-Policy': contentSecurityPolicy(nonce),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });

    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method Not Allowed');
    const file = resolveFile(root, request.url);
    if (file === null) return respond(403, 'Forbidden');
    if (file === undefined) return respond(404, 'Not Found');

    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return respond(404, 'Not Found');
    }
    if (extname(file).toLowerCase() === '.html') {
      return respond(200, injectNonce(bytes.toString('utf8'), nonce), mimeType(file));
    }
    return respond(200, new Uint8Array(bytes), mimeType(file));
  };
}

/** Absolute file inside `root`; `undefined` when the URL is not ours (404), `null` when it tries to escape (403). */
function resolveFile(root: string, url: string): string | null | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;

  // Only the root maps to the page: the renderer routes in the URL fragment, so no path falls back to it.
  const path = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname;
  return resolveStaticPath(root, path);
}

/** Must run after `app` is ready. */
export function handleAppProtocol(rendererDir: string): void {
  const handler = createAppHandler(rendererDir);
  protocol.handle(APP_SCHEME, (request) => handler(request));
}
