import { useSyncExternalStore } from 'react';

/** Set once the loopback server refused our token; the app then shows how to get a valid address. */
export interface AuthFlag {
  unauthorized: () => boolean;
  set: () => void;
  subscribe: (listener: () => void) => () => void;
}

export function createAuthFlag(initiallyUnauthorized = false): AuthFlag {
  let value = initiallyUnauthorized;
  const listeners = new Set<() => void>();
  return {
    unauthorized: () => value,
    set() {
      if (value) return;
      value = true;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const never: AuthFlag = createAuthFlag();

export function useUnauthorized(flag: AuthFlag | undefined): boolean {
  const source = flag ?? never;
  return useSyncExternalStore(source.subscribe, source.unauthorized, source.unauthorized);
}
