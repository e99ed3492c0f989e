import { useCallback, useSyncExternalStore } from 'react';

/** The left navigation, in UX.md order. */
export const ROUTES = ['overview', 'import', 'transactions', 'chats', 'timeline', 'flow', 'people', 'findings', 'tags', 'audit'] as const;
export type RouteId = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: RouteId = 'overview';

export function parseRoute(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?&]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(id) ? (id as RouteId) : DEFAULT_ROUTE;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Hash routing (`#/audit`): survives reload, works the same on app:// and over the loopback server. */
export function useHashRoute(): [RouteId, (route: RouteId) => void] {
  const route = useSyncExternalStore(subscribe, () => parseRoute(window.location.hash), () => DEFAULT_ROUTE);
  const navigate = useCallback((next: RouteId) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route, navigate];
}

/** The part of the hash after the page, e.g. `#/import/sources` → 'sources'; '' when there is none. */
export function parseSubRoute(hash: string): string {
  const path = hash.replace(/^#\/?/, '').split(/[?&]/)[0] ?? '';
  return path.split('/')[1] ?? '';
}

/** A tab inside a page that survives reload and the back button: `#/<page>/<tab>`. */
export function useHashSubRoute(page: RouteId): [string, (sub: string) => void] {
  const sub = useSyncExternalStore(subscribe, () => parseSubRoute(window.location.hash), () => '');
  const navigate = useCallback(
    (next: string) => {
      window.location.hash = next ? `#/${page}/${next}` : `#/${page}`;
    },
    [page],
  );
  return [sub, navigate];
}
