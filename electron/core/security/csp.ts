import { randomBytes } from 'node:crypto';

/** Placeholder in renderer/index.html that each host replaces with a fresh nonce per page load. */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The one Content-Security-Policy of the app, for Electron's app:// protocol and the loopback server alike.
 * Everything comes from the app itself; ag-grid's injected <style> carries the nonce; nothing else may load.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Put the nonce where the renderer reads it (meta[name=csp-nonce]) and on any inline style tag. */
export function injectNonce(indexHtml: string, nonce: string): string {
  return indexHtml.split(NONCE_PLACEHOLDER).join(nonce);
}
