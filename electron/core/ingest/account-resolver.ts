import type { AccountRef } from '@shared/parsers/types';
import type { Db } from '../db/connection';

/** Account numbers compare without the padding returns carry: spaces, tabs, dashes and a leading apostrophe. */
export function normaliseAccountNumber(text: string | undefined): string {
  return (text ?? '').replace(/^'+/, '').replace(/[\s\u00a0\u3000-]+/g, '').toUpperCase();
}

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
    const number = normaliseAccountNumber(ref.number);
    const card = normaliseAccountNumber(ref.cardNumber) || null;
    const acct = normaliseAccountNumber(ref.accountNumber) || null;
    const sub = ref.subAccount;
    const params = { name: ref.holderName || null, holderId: ref.holderId || null, bank: ref.bankName || null };
    const key = `${ref.kind}\u0000${number}\u0000${sub}`;
    let id = this.cache.get(key);
    if (id === undefined) {
      id = this.find(ref.kind, sub, [number, card, acct]);
      if (id === undefined) {
        id = Number(this.insert.run({ kind: ref.kind, number, sub, card, acct, ...params }).lastInsertRowid);
      } else {
        this.addAliases.run({ id, card, acct });
      }
      this.cache.set(key, id);
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
