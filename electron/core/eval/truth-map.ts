/**
 * The generator's ground truth seen through the case: each truth account mapped to the case account (or, for
 * counterparties without a statement, to the number the rows print), each planted transfer to the case rows of its
 * legs. Rows are matched by (account, printed transaction id) — both legs of a transfer inside one bank carry the
 * same 交易流水号 — and only first occurrences count (duplicates are excluded from detection too).
 */
import type { Db } from '../db/connection';
import type { AccountRecord, GroundTruth, TransferRecord } from '../demo/truth-types';

const normalise = (value: string): string => value.replace(/[\s-]+/g, '').toUpperCase();

export interface TruthMap {
  truth: GroundTruth;
  /** truth account id → case account id */
  caseAccount: Map<string, number>;
  /** case account id → truth account id */
  truthAccount: Map<number, string>;
  /** normalised printed number → truth account id (counterparties without a statement included) */
  byNumber: Map<string, string>;
  /** case txn id → truth transfer id */
  transferOfTxn: Map<number, string>;
  /** truth transfer id → case txn ids of its legs */
  txnsOfTransfer: Map<string, number[]>;
  transfers: Map<string, TransferRecord>;
  /** truth account id → owner (person or organisation id) */
  ownerOf: Map<string, string>;
  accounts: Map<string, AccountRecord>;
}

function numbersOf(account: AccountRecord): string[] {
  return [account.card, account.number, account.printedNumber].filter((v): v is string => typeof v === 'string' && v !== '').map(normalise);
}

export function mapTruth(db: Db, truth: GroundTruth): TruthMap {
  const byNumber = new Map<string, string>();
  const accounts = new Map<string, AccountRecord>();
  const ownerOf = new Map<string, string>();
  for (const account of truth.accounts) {
    accounts.set(account.id, account);
    ownerOf.set(account.id, account.owner);
    for (const n of numbersOf(account)) if (!byNumber.has(n)) byNumber.set(n, account.id);
  }
  const caseAccounts = db.prepare('SELECT id, number, card_number, account_number, EXISTS (SELECT 1 FROM txn t WHERE t.account_id = account.id) AS rows FROM account').all() as {
    id: number;
    number: string;
    card_number: string | null;
    account_number: string | null;
    rows: number;
  }[];
  const caseAccount = new Map<string, number>();
  const truthAccount = new Map<number, string>();
  // accounts with statements first, so a bare record of the same number never shadows the real one
  for (const row of [...caseAccounts].sort((a, b) => b.rows - a.rows || a.id - b.id)) {
    for (const value of [row.number, row.card_number, row.account_number]) {
      if (!value) continue;
      const id = byNumber.get(normalise(value));
      if (!id) continue;
      if (!caseAccount.has(id)) caseAccount.set(id, row.id);
      if (!truthAccount.has(row.id)) truthAccount.set(row.id, id);
    }
  }
  // (case account, printed id) → case txn ids, first occurrences only
  const rowsByKey = new Map<string, number[]>();
  const txns = db.prepare('SELECT id, account_id, txn_no FROM txn WHERE dup_of IS NULL AND txn_no IS NOT NULL').iterate() as IterableIterator<{ id: number; account_id: number; txn_no: string }>;
  for (const row of txns) {
    const key = `${row.account_id}|${normalise(row.txn_no)}`;
    const list = rowsByKey.get(key);
    if (list) list.push(row.id);
    else rowsByKey.set(key, [row.id]);
  }
  const transferOfTxn = new Map<number, string>();
  const txnsOfTransfer = new Map<string, number[]>();
  const transfers = new Map<string, TransferRecord>();
  for (const transfer of truth.transfers) {
    transfers.set(transfer.id, transfer);
    const ids: number[] = [];
    for (const leg of transfer.legs) {
      const account = caseAccount.get(leg.account);
      if (account === undefined) continue;
      for (const id of rowsByKey.get(`${account}|${normalise(leg.id)}`) ?? []) {
        if (transferOfTxn.has(id)) continue;
        transferOfTxn.set(id, transfer.id);
        ids.push(id);
      }
    }
    txnsOfTransfer.set(transfer.id, ids);
  }
  return { truth, caseAccount, truthAccount, byNumber, transferOfTxn, txnsOfTransfer, transfers, ownerOf, accounts };
}

/** the truth account behind a hit's node: by case account id, else by the number it prints */
export function truthAccountOf(map: TruthMap, node: { account: number | null; number: string }): string | null {
  if (node.account !== null) {
    const id = map.truthAccount.get(node.account);
    if (id) return id;
  }
  return map.byNumber.get(normalise(node.number)) ?? null;
}
