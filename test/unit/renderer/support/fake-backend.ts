import type { EventMessage, EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result, Transport } from '@shared/api';
import { AppError } from '@shared/api';
import type { CaseInfo, CaseStats, Operator } from '@shared/domain';

type Handler<M extends MethodName> = (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]?: Handler<M> };

export interface FakeBackend {
  transport: Transport;
  /** every call made, in order */
  calls: { method: string; input: unknown }[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  handlers: Handlers;
}

/**
 * An in-memory stand-in for the backend behind a Transport: handlers answer calls, thrown AppErrors become
 * `{ ok: false }` Results exactly as the router sends them, and events are pushed with `emit`.
 */
export function fakeBackend(handlers: Handlers): FakeBackend {
  const listeners = new Set<(message: EventMessage) => void>();
  const calls: { method: string; input: unknown }[] = [];
  const backend: FakeBackend = {
    calls,
    handlers,
    transport: {
      async call(method: string, input: unknown): Promise<Result<unknown>> {
        calls.push({ method, input });
        const handler = handlers[method as MethodName] as ((input: unknown) => unknown) | undefined;
        if (!handler) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no fake for ${method}` } };
        try {
          return { ok: true, value: await handler(input) };
        } catch (error) {
          if (error instanceof AppError) return { ok: false, error: error.toData() };
          throw error;
        }
      },
      on(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    emit(name, payload) {
      for (const listener of [...listeners]) listener({ name, payload });
    },
  };
  return backend;
}

export const operatorLi: Operator = { id: 'op-1', name: '李警官', unit: '某市公安局经侦支队', badge: '012345' };

export function caseInfo(overrides: Partial<CaseInfo['meta']> = {}, extra: Partial<CaseInfo> = {}): CaseInfo {
  return {
    caseDir: '/cases/2024-001.chainsight',
    schemaVersion: 1,
    readOnly: false,
    lock: null,
    ...extra,
    meta: {
      caseNumber: '2024-001',
      caseName: '张某某非法吸收公众存款案',
      cause: '非法吸收公众存款',
      unit: '某市公安局经侦支队',
      handler: '李警官',
      createdAt: '2024-03-01T06:05:09.000Z',
      timeZone: 'Asia/Shanghai',
      ...overrides,
    },
  };
}

export function emptyStats(): CaseStats {
  return {
    sources: 0,
    transactions: 0,
    messages: 0,
    accounts: 0,
    conversations: 0,
    handles: 0,
    failed: 0,
    rejected: 0,
    duplicates: 0,
    mirrorPairs: 0,
    balanceBreaks: 0,
    sumInMinor: {},
    sumOutMinor: {},
    audit: { ok: true, entries: 1, brokenAtSeq: null },
    lexiconHits: {},
    identifiers: {},
  };
}

/** Handlers for an app where an operator exists and, optionally, a case is open. */
export function baseHandlers(open: CaseInfo | null, operators: Operator[] = [operatorLi]): Handlers {
  return {
    'app.info': () => ({
      version: '0.1.0',
      host: 'serve',
      platform: 'linux',
      nodeVersion: '22.23.3',
      dataDir: '/home/user/.chainsight',
      casesDir: '/home/user/cases',
      nativeDialogs: false,
    }),
    'operators.list': () => ({ operators, currentId: operators[0]?.id ?? null }),
    'operators.select': ({ id }) => {
      const found = operators.find((o) => o.id === id);
      if (!found) throw new AppError('OPERATOR_NOT_FOUND', `no operator ${id}`);
      return found;
    },
    'cases.current': () => ({ case: open }),
    'cases.recent': () => ({ cases: [] }),
    'cases.stats': () => emptyStats(),
    'audit.verify': () => ({ ok: true, entries: 1, brokenAtSeq: null }),
    'audit.list': () => ({ entries: [], total: 0 }),
  };
}
