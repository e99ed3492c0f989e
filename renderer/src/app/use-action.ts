import { useCallback, useState } from 'react';

export interface Action {
  pending: boolean;
  error: unknown;
  /** run a backend change; its error is kept for display instead of thrown, the result is undefined then */
  run: <T>(task: () => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
}

/** State for a button that changes something: disabled while pending, the error shown next to it. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(task: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await task();
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}
