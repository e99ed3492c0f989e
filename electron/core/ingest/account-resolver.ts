import type { AccountRef } from '@shared/parsers/types';
import type { Db } from '../db/connection';

/** Account numbers compare without the padding returns carry: spaces, tabs, dashes and a leading apostrophe. */
export function normaliseAccountNumber(text: string | undefined): string {
  return (text ?? '').replace(/^'+/, '').replace(/[\s\u00a0\u3000-]+/g, '').toUpperCase();
}

/** Distinct account references remembered as they were written before they are forgotten (hostile data bound). */
const MAX_REMEMBERED_REFS = 100_000;

interface AccountRow {
  id: number;
}

/**
 * Finds or creates the account a row belongs to. A bank account is known by its card number and its account number
 * (交易卡号/交易账号); 账户信息 may list both while 交易明细 uses one, so either finds it, and holder name and ID are
 * back-filled from whichever row has them (DOMAIN.md §1.1).
 */
export class AccountResolver {
  private readonly cache = new Map<string, number>();
  private readonly filled = new Set<string>();
  private readonly aliased = new Set<string>();
  /** a reference exactly as a row gave it → its account, once resolved: rows of a statement repeat the same one */
  private readonly seen = new Map<string, number>();
  /** the same reference object again (mappers share one per subject): not even the key to build */
  private readonly seenRefs = new WeakMap<AccountRef, number>();
  private readonly byKey;
  private readonly byAlias;
  private readonly insert;
  private readonly backfill;
  private readonly addAliases;

  constructor(db: Db) {
    this.byKey = db.prepare('SELECT id FROM account WHERE kind = ? AND number = ? AND sub_account = ?');
    this.byAlias = db.prepare(
      'SELECT id FROM account WHERE kind = @kind AND sub_account = @sub AND (number = @alias OR card_number = @alias OR account_number = @alias) ORDER BY id LIMIT 1',
    );
    this.insert = db.prepare(
      `INSERT INTO account (kind, number, sub_account, card_number, account_number, bank_name, holder_name, holder_id)
       VALUES (@kind, @number, @sub, @card, @acct, @bank, @name, @holderId)`,
    );
    this.backfill = db.prepare(
      `UPDATE account SET holder_name = COALESCE(holder_name, @name), holder_id = COALESCE(holder_id, @holderId),
         bank_name = COALESCE(bank_name, @bank) WHERE id = @id`,
    );
    this.addAliases = db.prepare(
      'UPDATE account SET card_number = COALESCE(card_number, @card), account_number = COALESCE(account_number, @acct) WHERE id = @id',
    );
  }

  resolve(ref: AccountRef): number {
    const shared = this.seenRefs.get(ref);
    if (shared !== undefined) return shared;
    const id = this.resolveText(ref);
    // only frozen references: an object a caller may still change cannot stand for what it held
    if (Object.isFrozen(ref)) this.seenRefs.set(ref, id);
    return id;
  }

  private resolveText(ref: AccountRef): number {
    // every field that resolving reads: the same reference again finds the same account and changes nothing more
    const as = `${ref.kind}\u0000${ref.number}\u0000${ref.subAccount}\u0000${ref.cardNumber ?? ''}\u0000${ref.accountNumber ?? ''}\u0000${ref.holderName ?? ''}\u0000${ref.holderId ?? ''}\u0000${ref.bankName ?? ''}`;
    const known = this.seen.get(as);
    if (known !== undefined) return known;
    const id = this.resolveOnce(ref);
    if (this.seen.size >= MAX_REMEMBERED_REFS) this.seen.clear();
    this.seen.set(as, id);
    return id;
  }

  private resolveOnce(ref: AccountRef): number {
    const number = normaliseAccountNumber(ref.number);
    const card = normaliseAccountNumber(ref.cardNumber) || null;
    const acct = normaliseAccountNumber(ref.accountNumber) || null;
    const sub = ref.subAccount;
    const params = { name: ref.holderName || null, holderId: ref.holderId || null, bank: ref.bankName || null };
    const key = `${ref.kind}\u0000${number}\u0000${sub}`;
    let id = this.cache.get(key);
    if (id === undefined) {
      id = this.find(ref.kind, sub, [number, card, acct]);
      if (id === undefined) id = Number(this.insert.run({ kind: ref.kind, number, sub, card, acct, ...params }).lastInsertRowid);
      this.cache.set(key, id);
    }
    if (card || acct) {
      // a later row may name a number the account was not yet known by (交易明细 gives the card, 账户信息 both)
      const alias = `${id}\u0000${card ?? ''}\u0000${acct ?? ''}`;
      if (!this.aliased.has(alias)) {
        this.aliased.add(alias);
        this.addAliases.run({ id, card, acct });
      }
    }
    if (params.name || params.holderId || params.bank) {
      // rows of one account repeat the same holder: write each distinct combination once
      const fill = `${id}\u0000${params.name ?? ''}\u0000${params.holderId ?? ''}\u0000${params.bank ?? ''}`;
      if (!this.filled.has(fill)) {
        this.filled.add(fill);
        this.backfill.run({ id, ...params });
      }
    }
    return id;
  }

  private find(kind: string, sub: string, numbers: (string | null)[]): number | undefined {
    const [number] = numbers;
    const exact = this.byKey.get(kind, number, sub) as AccountRow | undefined;
    if (exact) return exact.id;
    for (const alias of numbers) {
      if (!alias) continue;
      const row = this.byAlias.get({ kind, sub, alias }) as AccountRow | undefined;
      if (row) return row.id;
    }
    return undefined;
  }
}
