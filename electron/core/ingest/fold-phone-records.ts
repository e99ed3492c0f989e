import { canonicalJson } from '@shared/util/canonical-json';
import type { Db } from '../db/connection';

/**
 * Entity resolution after each job (docs/decisions.md "Phone records of a wallet"). A WeChat (Tenpay) return comes in
 * two parts filed under different keys: the login trail under the phone the request named (`IPHONE/<手机号>/`: an
 * account numbered by that phone, without a holder, another number or statement rows) and the wallet under the wxid
 * (an account with a holder that lists the phone as queried or bound). When exactly one wallet of the same kind lists
 * the phone, the phone record is marked as part of it (`account.merged_into`, migration 0006): nothing moves and
 * nothing is deleted, so the merge is reversible (`unfoldPhoneRecord`); readers resolve `coalesce(merged_into, id)`.
 * A phone that 0 or ≥2 wallets list is left as it is, and a merge made earlier is undone when a later job brings a
 * second wallet listing the phone. A record an investigator kept apart (`KEPT_APART`) is never merged again.
 */
export const FOLD_RULE = 'wallet-phone-record';
/** merge_rule of a phone record unfolded by hand: no later job folds it again */
export const KEPT_APART = 'kept-apart';
export const FOLD_VERSION = 2;

export interface PhoneRecordFold {
  phone: string;
  kind: string;
  phoneAccountId: number;
  walletAccountId: number;
}

export interface FoldResult {
  folded: PhoneRecordFold[];
  /** earlier merges undone because the phone no longer names exactly that one wallet */
  undone: (PhoneRecordFold & { wallets: number[] })[];
  /** phone records that more than one wallet lists: left as they are */
  ambiguous: { phone: string; kind: string; phoneAccountId: number; walletAccountIds: number[] }[];
}

/** The (rowless, holderless, not yet merged) account records numbered by a mainland mobile number. */
const PHONE_RECORDS = `
  SELECT a.id, a.kind, a.number FROM account a
  WHERE a.merged_into IS NULL AND a.merge_rule IS NULL AND a.holder_name IS NULL AND a.holder_id IS NULL AND a.card_number IS NULL AND a.account_number IS NULL
    AND a.sub_account = '' AND length(a.number) = 11 AND a.number GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
    AND NOT EXISTS (SELECT 1 FROM txn t WHERE t.account_id = a.id)
  ORDER BY a.id`;

/** Wallets with a holder that list the phone as the one they were queried by or the one bound to them. */
const WALLETS_LISTING = `
  SELECT DISTINCT w.id FROM identifier i JOIN account w ON w.id = i.account_id
  WHERE i.type = 'phone' AND i.value = @phone AND i.role IN ('queried', 'bound-phone')
    AND w.kind = @kind AND w.holder_name IS NOT NULL AND w.merged_into IS NULL AND w.id <> @record
  ORDER BY w.id`;

export function foldPhoneRecordsIntoWallets(db: Db): FoldResult {
  const wallets = db.prepare(WALLETS_LISTING).pluck();
  const result: FoldResult = { folded: [], undone: [], ambiguous: [] };
  // merges of earlier jobs still hold only while the phone names exactly that one wallet
  const merged = db.prepare('SELECT id, kind, number, merged_into AS wallet FROM account WHERE merge_rule = ? ORDER BY id').all(FOLD_RULE) as {
    id: number;
    kind: string;
    number: string;
    wallet: number;
  }[];
  const undo = db.prepare('UPDATE account SET merged_into = NULL, merge_rule = NULL WHERE id = ?');
  for (const record of merged) {
    const found = wallets.all({ phone: record.number, kind: record.kind, record: record.id }) as number[];
    if (found.length === 1 && found[0] === record.wallet) continue;
    undo.run(record.id);
    result.undone.push({ phone: record.number, kind: record.kind, phoneAccountId: record.id, walletAccountId: record.wallet, wallets: found });
  }
  const records = db.prepare(PHONE_RECORDS).all() as { id: number; kind: string; number: string }[];
  const mark = db.prepare('UPDATE account SET merged_into = ?, merge_rule = ? WHERE id = ? AND merged_into IS NULL');
  for (const record of records) {
    const found = wallets.all({ phone: record.number, kind: record.kind, record: record.id }) as number[];
    const [wallet] = found;
    if (found.length > 1) result.ambiguous.push({ phone: record.number, kind: record.kind, phoneAccountId: record.id, walletAccountIds: found });
    if (found.length !== 1 || wallet === undefined) continue;
    mark.run(wallet, FOLD_RULE, record.id);
    result.folded.push({ phone: record.number, kind: record.kind, phoneAccountId: record.id, walletAccountId: wallet });
  }
  return result;
}

/**
 * Undo a fold by hand: the phone record stands on its own again (its identifiers and marks never left it) and is kept
 * apart from then on — a later job does not fold it again. The caller audits the decision.
 */
export function unfoldPhoneRecord(db: Db, phoneAccountId: number): boolean {
  return db.prepare('UPDATE account SET merged_into = NULL, merge_rule = ? WHERE id = ? AND merge_rule = ?').run(KEPT_APART, phoneAccountId, FOLD_RULE).changes === 1;
}

/** Folds after a job and records what was folded (both ids) and what was left as ambiguous as a cleaning step. */
export function foldPhoneRecordsOfJob(db: Db, jobId: number): FoldResult {
  const result = foldPhoneRecordsIntoWallets(db);
  if (result.folded.length + result.undone.length + result.ambiguous.length === 0) return result;
  db.prepare('INSERT INTO cleaning_step (job_id, step, tool, params, rows_in, rows_out, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    jobId,
    'phone-record-fold',
    `chainsight-resolve@${FOLD_VERSION}`,
    canonicalJson({ record: 'number is a mobile phone; no holder, other number or rows', wallet: 'same kind, a holder, lists the phone as queried or bound-phone', wallets: 1 }),
    result.folded.length + result.undone.length + result.ambiguous.length,
    result.folded.length,
    canonicalJson({
      folded: result.folded.map((fold) => ({ phone: fold.phone, kind: fold.kind, from: fold.phoneAccountId, into: fold.walletAccountId })),
      undone: result.undone.map((undo) => ({ phone: undo.phone, kind: undo.kind, account: undo.phoneAccountId, was: undo.walletAccountId, wallets: undo.wallets })),
      ambiguous: result.ambiguous.map((left) => ({ phone: left.phone, kind: left.kind, account: left.phoneAccountId, wallets: left.walletAccountIds })),
      note: 'the phone record is marked as part of the wallet (account.merged_into); nothing is moved or deleted, and clearing the mark undoes it',
    }),
    new Date().toISOString(),
  );
  return result;
}
