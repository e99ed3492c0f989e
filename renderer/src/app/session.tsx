import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo, CaseInfo, Operator } from '@shared/domain';
import { useCall } from './use-call';

const CONFIRMED_KEY = 'chainsight.operatorConfirmed';

export interface Session {
  appInfo: AppInfo | undefined;
  operators: readonly Operator[];
  /** the backend's remembered operator, offered first in the chooser */
  lastOperatorId: string | null;
  /** the operator the person at the keyboard confirmed in this window; null until then */
  operator: Operator | null;
  currentCase: CaseInfo | null;
  /** the first answers have not arrived yet */
  loading: boolean;
  error: unknown;
  /** after `operators.select` succeeded */
  confirmOperator: (operator: Operator) => void;
  /** back to the chooser (switch operator) */
  forgetOperator: () => void;
  reloadOperators: () => void;
  reloadCase: () => void;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

function readConfirmed(): string | null {
  try {
    return window.sessionStorage.getItem(CONFIRMED_KEY);
  } catch {
    return null;
  }
}

function writeConfirmed(id: string | null): void {
  try {
    if (id) window.sessionStorage.setItem(CONFIRMED_KEY, id);
    else window.sessionStorage.removeItem(CONFIRMED_KEY);
  } catch {
    // without storage the choice lasts until reload
  }
}

/**
 * Who is at the keyboard and which case is open. The operator is chosen at every start of a window (the audit log's
 * actor must be a person's explicit choice, not a leftover); a reload of the same window keeps it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const info = useCall('app.info', {}, { refetchOn: [] });
  const operators = useCall('operators.list', {}, { refetchOn: [] });
  const current = useCall('cases.current', {}, { refetchOn: ['case.changed'] });
  const [confirmedId, setConfirmedId] = useState<string | null>(readConfirmed);
  const reloadOperators = operators.reload;

  const confirmOperator = useCallback(
    (operator: Operator) => {
      writeConfirmed(operator.id);
      setConfirmedId(operator.id);
      reloadOperators();
    },
    [reloadOperators],
  );
  const forgetOperator = useCallback(() => {
    writeConfirmed(null);
    setConfirmedId(null);
  }, []);

  const list = operators.data;
  const operator = useMemo(() => {
    if (!list || !confirmedId || list.currentId !== confirmedId) return null;
    return list.operators.find((candidate) => candidate.id === confirmedId) ?? null;
  }, [list, confirmedId]);

  const value: Session = {
    appInfo: info.data,
    operators: list?.operators ?? [],
    lastOperatorId: list?.currentId ?? null,
    operator,
    currentCase: current.data?.case ?? null,
    loading: (!info.data && !info.error) || (!list && !operators.error) || (!current.data && !current.error),
    error: info.error ?? operators.error ?? current.error,
    confirmOperator,
    forgetOperator,
    reloadOperators,
    reloadCase: current.reload,
    retry: () => {
      info.reload();
      operators.reload();
      current.reload();
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
