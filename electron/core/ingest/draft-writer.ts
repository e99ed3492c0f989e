import * as crypto from 'node:crypto';
import type { AccountDraft, IdentifierDraft, PersonDraft, RowError, TxnDraft } from '@shared/parsers/types';
import type { Db } from '../db/connection';
import { AccountResolver, normaliseAccountNumber } from './account-resolver';

/** One-shot SHA-256 (node:crypto `hash`, Node 21.7+) where the runtime has it: no hasher object per row. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex: (text: string) => string = oneShotHash
  ? (text) => oneShotHash('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** The raw row as stored (header order kept) and its hash (ARCHITECTURE.md §5.2): SHA-256 of that JSON text. */
export function rawAndHash(raw: Record<string, string>): { json: string; hash: string } {
  const json = JSON.stringify(raw);
  return { json, hash: sha256Hex(json) };
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
    // positional parameters: better-sqlite3 binds an array faster than it looks up 33 named ones per row
    this.txn = db.prepare(`INSERT INTO txn (
        source_id, sheet, line, row_hash, raw, account_id, ts_utc, ts_text, ts_offset, amount_minor, currency, direction,
        direction_raw, balance_minor, cp_account, cp_name, cp_id, cp_bank, summary, channel, is_cash, succeeded, fail_reason,
        ip, mac, device, merchant, merchant_code, txn_no, log_no, branch, location, memo)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
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
    const { time, counterparty } = draft;
    this.txn.run(
      sourceId,
      draft.sheet,
      draft.line,
      hash,
      json,
      account,
      time.utcMs,
      time.original,
      time.offsetMinutes,
      draft.amountMinor,
      draft.currency,
      draft.direction,
      draft.directionRaw,
      draft.balanceMinor,
      counterparty.account === undefined ? null : text(normaliseAccountNumber(counterparty.account)),
      text(counterparty.name),
      text(counterparty.id),
      text(counterparty.bank),
      text(draft.summary),
      text(draft.channel),
      bool(draft.isCash),
      draft.succeeded ? 1 : 0,
      text(draft.failReason),
      text(draft.ip),
      text(draft.mac),
      text(draft.device),
      text(draft.merchant),
      text(draft.merchantCode),
      text(draft.txnNo),
      text(draft.logNo),
      text(draft.branch),
      text(draft.location),
      text(draft.memo),
    );
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
