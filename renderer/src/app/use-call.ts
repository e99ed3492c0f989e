import { useCallback, useEffect, useState } from 'react';
import type { EventName, MethodInput, MethodName, MethodOutput } from '@shared/api';
import { useClient } from './client-context';

export interface CallState<T> {
  data: T | undefined;
  error: unknown;
  /** a request for the current input is in flight (data may still show the previous answer) */
  loading: boolean;
  reload: () => void;
}

export interface CallOptions {
  /** refetch when any of these events arrive; default: `case.changed` */
  refetchOn?: readonly EventName[];
  /** false = do not call (e.g. until a case is open) */
  enabled?: boolean;
}

interface Settled<T> {
  key: string;
  version: number;
  data: T | undefined;
  error: unknown;
}

const DEFAULT_REFETCH: readonly EventName[] = ['case.changed'];

/**
 * A read query against the backend that stays current: it refetches when its input changes, when `reload()` is
 * called and when one of `refetchOn` events arrives. Answers to superseded requests are dropped.
 */
export function useCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: CallOptions = {},
): CallState<MethodOutput<M>> {
  const client = useClient();
  const enabled = options.enabled ?? true;
  const inputJson = JSON.stringify(input);
  const key = `${method} ${inputJson}`;
  const refetchKey = (options.refetchOn ?? DEFAULT_REFETCH).join(' ');
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<MethodOutput<M>> | null>(null);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    client.call(method, JSON.parse(inputJson) as MethodInput<M>).then(
      (data) => {
        if (live) setSettled({ key, version, data, error: null });
      },
      (error: unknown) => {
        if (live) setSettled((prev) => ({ key, version, data: prev?.key === key ? prev.data : undefined, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [client, method, inputJson, key, version, enabled]);

  useEffect(() => {
    if (!enabled || !refetchKey) return undefined;
    const offs = refetchKey.split(' ').map((name) => client.on(name as EventName, reload));
    return () => offs.forEach((off) => off());
  }, [client, refetchKey, enabled, reload]);

  const current = settled?.key === key ? settled : null;
  return {
    data: current?.data,
    error: current?.error ?? null,
    loading: enabled && (current === null || current.version !== version),
    reload,
  };
}
