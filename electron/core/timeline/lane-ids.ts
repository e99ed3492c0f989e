import { AppError } from '@shared/api';

/** The lanes asked for, split by what they select: account ids, conversation ids, handle ids, the aggregates. */
export interface LaneSelection {
  accounts: number[];
  conversations: number[];
  handles: number[];
  allTxns: boolean;
  allMessages: boolean;
}

/** `account:12` → the selection; ids the contract already checked, repeated lanes counted once. */
export function selectLanes(lanes: readonly string[]): LaneSelection {
  const selection: LaneSelection = { accounts: [], conversations: [], handles: [], allTxns: false, allMessages: false };
  for (const lane of new Set(lanes)) {
    const [kind, id] = lane.split(':');
    if (kind === 'all') {
      if (id === 'txn') selection.allTxns = true;
      else selection.allMessages = true;
      continue;
    }
    const n = Number(id);
    if (!Number.isSafeInteger(n)) throw new AppError('BAD_INPUT', `bad lane id ${lane}`);
    if (kind === 'account') selection.accounts.push(n);
    else if (kind === 'conversation') selection.conversations.push(n);
    else if (kind === 'handle') selection.handles.push(n);
    else throw new AppError('BAD_INPUT', `bad lane id ${lane}`);
  }
  return selection;
}

export const hasTxnLanes = (s: LaneSelection): boolean => s.allTxns || s.accounts.length > 0;
export const hasMessageLanes = (s: LaneSelection): boolean => s.allMessages || s.conversations.length > 0 || s.handles.length > 0;

/** `?, ?, ?` for an IN list (ids are bound, never spliced into SQL). */
export function marks(ids: readonly number[]): string {
  return ids.map(() => '?').join(', ');
}
