import { createHash } from 'node:crypto';
import type { AccountDraft, IdentifierDraft, PersonDraft, RowError, TxnDraft } from '@shared/parsers/types';
import type { Db } from '../db/connection';
import { AccountResolver, normaliseAccountNumber } from './account-resolver';

/** The raw row as stored (header order kept) and its hash (ARCHITECTURE.md §5.2). */
export function rawAndHash(raw: Record<string, string>): { json: string; hash: string } {
  const json = JSON.stringify(raw);
  return { json, hash: createHash('sha256').update(json).digest('hex') };
}

const bool = (value: boolean | undefined): number | null => (value === undefined ? null : value ? 1 : 0);
const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

/** Writes one source's drafts: prepared statements, one row each, inside the job's transaction. */
export class DraftWriter {
  private readonly accounts: AccountResolver;
  private readonly txn;
  private readonly accountRecord;
  private readonly person;
  private readonly identifier;
  private readonly rowError;

  constructor(db: Db) {
    this.accounts = new AccountResolver(db);
    this.txn = db.prepare(`INSERT INTO txn (
        source_id, sheet, line, row_hash, raw, account_id, ts_utc, ts_text, ts_offset, amount_minor, currency, direction,
        direction_raw, balance_minor, cp_account, cp_name, cp_id, cp_bank, summary, channel, is_cash, succeeded, fail_reason,
        ip, mac, device, merchant, merchant_code, txn_no, log_no, branch, location, memo)
      VALUES (@source, @sheet, @line, @hash, @raw, @account, @tsUtc, @tsText, @tsOffset, @amount, @currency, @direction,
        @directionRaw, @balance, @cpAccount, @cpName, @cpId, @cpBank, @summary, @channel, @isCash, @succeeded, @failReason,
        @ip, @mac, @device, @merchant, @merchantCode, @txnNo, @logNo, @branch, @location, @memo)`);
    this.accountRecord = db.prepare(
      'INSERT INTO account_record (account_id, source_id, sheet, line, row_hash, raw, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.person = db.prepare(
      'INSERT INTO person (source_id, sheet, line, row_hash, raw, name, id_type, id_number, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.identifier = db.prepare(`INSERT INTO identifier (type, value, role, account_id, observed_utc, observed_text, source_id, sheet, line, row_hash, raw)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.rowError = db.prepare('INSERT INTO row_error (source_id, sheet, line, code, message) VALUES (?, ?, ?, ?, ?)');
  }

  writeTxn(sourceId: number, draft: TxnDraft): number {
    const { json, hash } = rawAndHash(draft.raw);
    const account = this.accounts.resolve(draft.account);
    this.txn.run({
      source: sourceId,
      sheet: draft.sheet,
      line: draft.line,
      hash,
      raw: json,
      account,
      tsUtc: draft.time.utcMs,
      tsText: draft.time.original,
      tsOffset: draft.time.offsetMinutes,
      amount: draft.amountMinor,
      currency: draft.currency,
      direction: draft.direction,
      directionRaw: draft.directionRaw,
      balance: draft.balanceMinor,
      cpAccount: text(normaliseAccountNumber(draft.counterparty.account)),
      cpName: text(draft.counterparty.name),
      cpId: text(draft.counterparty.id),
      cpBank: text(draft.counterparty.bank),
      summary: text(draft.summary),
      channel: text(draft.channel),
      isCash: bool(draft.isCash),
      succeeded: draft.succeeded ? 1 : 0,
      failReason: text(draft.failReason),
      ip: text(draft.ip),
      mac: text(draft.mac),
      device: text(draft.device),
      merchant: text(draft.merchant),
      merchantCode: text(draft.merchantCode),
      txnNo: text(draft.txnNo),
      logNo: text(draft.logNo),
      branch: text(draft.branch),
      location: text(draft.location),
      memo: text(draft.memo),
    });
    return account;
  }

  writeAccount(sourceId: number, draft: AccountDraft): number {
    const { json, hash } = rawAndHash(draft.raw);
    const account = this.accounts.resolve(draft.account);
    this.accountRecord.run(account, sourceId, draft.sheet, draft.line, hash, json, JSON.stringify(draft.attributes));
    return account;
  }

  writePerson(sourceId: number, draft: PersonDraft): void {
    const { json, hash } = rawAndHash(draft.raw);
    this.person.run(sourceId, draft.sheet, draft.line, hash, json, draft.name, text(draft.idType), text(draft.idNumber), JSON.stringify(draft.attributes));
  }

  writeIdentifier(sourceId: number, draft: IdentifierDraft): void {
    const { json, hash } = rawAndHash(draft.raw);
    const account = draft.account ? this.accounts.resolve(draft.account) : null;
    this.identifier.run(
      draft.identifierType,
      draft.value,
      draft.role,
      account,
      draft.observedAt?.utcMs ?? null,
      draft.observedAt?.original ?? null,
      sourceId,
      draft.sheet,
      draft.line,
      hash,
      json,
    );
  }

  writeRowError(sourceId: number, error: RowError): void {
    this.rowError.run(sourceId, error.sheet, error.line, error.code, error.message);
  }
}
