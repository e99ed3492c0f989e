import type { PaymentNodeMatcher } from '@shared/analytics/payment-nodes';
import type { Db } from '../../db/connection';
import { normaliseAccountNumber } from '../../ingest/account-resolver';
import { paymentNodes } from './payment-node-list';

export interface CaseAccount {
  id: number;
  kind: string;
  number: string;
  subAccount: string;
  bank: string | null;
  holderName: string | null;
  holderId: string | null;
  /** the case holds rows of its statement */
  hasStatement: boolean;
  /** every number it is known by (number, card number, account number) */
  aliases: string[];
}

interface AccountRow {
  id: number;
  kind: string;
  number: string;
  sub_account: string;
  card_number: string | null;
  account_number: string | null;
  bank_name: string | null;
  holder_name: string | null;
  holder_id: string | null;
  has_rows: number;
  merged_into: number | null;
}

/** Node keys: `a:<id>` case account, `x:<number>` counterparty only, `p:<id>` platform, `n:<name>` name only. */
export const caseKey = (id: number): string => `a:${id}`;

/**
 * The case's accounts and every number each is known by (number, card number, account number), so a counterparty
 * column finds the account whichever number it prints; and the key a row's counterparty gets in the flow graph.
 */
export class CaseAccounts {
  private readonly byAlias = new Map<string, CaseAccount>();
  private readonly byIdMap = new Map<number, CaseAccount>();
  private readonly counterpartyCache = new Map<string, string | null>();

  private constructor(
    rows: readonly AccountRow[],
    readonly platforms: PaymentNodeMatcher,
  ) {
    // an account with a statement wins an alias over one without, then the main account over a sub-account
    const ranked = [...rows].sort((a, b) => b.has_rows - a.has_rows || Number(a.sub_account !== '') - Number(b.sub_account !== '') || a.id - b.id);
    // a sub-account (CCB's `_1`) is shown with its suffix only where another account of that number has rows too
    const sharing = new Map<string, number>();
    for (const row of rows) if (row.has_rows === 1) sharing.set(row.number, (sharing.get(row.number) ?? 0) + 1);
    for (const row of ranked) {
      if (row.merged_into !== null) continue;
      const account: CaseAccount = {
        id: row.id,
        kind: row.kind,
        number: row.sub_account && (sharing.get(row.number) ?? 0) > 1 ? `${row.number}_${row.sub_account}` : row.number,
        subAccount: row.sub_account,
        bank: row.bank_name,
        holderName: row.holder_name,
        holderId: row.holder_id,
        hasStatement: row.has_rows === 1,
        aliases: [...new Set([row.number, row.card_number, row.account_number].filter((alias): alias is string => alias !== null && alias !== ''))],
      };
      this.byIdMap.set(row.id, account);
      for (const alias of [row.number, row.card_number, row.account_number]) {
        if (alias && !this.byAlias.has(alias)) this.byAlias.set(alias, account);
      }
    }
    // a record merged into another account (a wallet's login trail, filed under its phone) is that account by name
    for (const row of ranked) {
      const target = row.merged_into === null ? undefined : this.byIdMap.get(row.merged_into);
      if (!target) continue;
      for (const alias of [row.number, row.card_number, row.account_number]) {
        if (!alias || this.byAlias.has(alias)) continue;
        this.byAlias.set(alias, target);
        target.aliases.push(alias);
      }
    }
  }

  static load(db: Db): CaseAccounts {
    const stamp = stampOf(db);
    const cached = cache.get(db);
    if (cached && cached.stamp === stamp) return cached.accounts;
    const rows = db
      .prepare(
        `SELECT a.id, a.kind, a.number, a.sub_account, a.card_number, a.account_number, a.bank_name, a.holder_name, a.holder_id,
           EXISTS (SELECT 1 FROM txn t WHERE t.account_id = a.id) AS has_rows, a.merged_into
         FROM account a`,
      )
      .all() as AccountRow[];
    const accounts = new CaseAccounts(rows, paymentNodes());
    cache.set(db, { stamp, accounts });
    return accounts;
  }

  byId(id: number): CaseAccount | undefined {
    return this.byIdMap.get(id);
  }

  all(): IterableIterator<CaseAccount> {
    return this.byIdMap.values();
  }

  /** The account a number (card, account, wallet id) belongs to, as typed or printed. */
  resolve(number: string): CaseAccount | undefined {
    return this.byAlias.get(normaliseAccountNumber(number));
  }

  /** The node a row's other side is: a case account, a platform, an account known only by number, or by name; null for none. */
  counterpartyKey(cpAccount: string | null, cpName: string | null, summary: string | null, ownKind: string | null): string | null {
    const memo = `${cpAccount ?? ''}\u0000${cpName ?? ''}\u0000${cpAccount || cpName ? '' : (summary ?? '')}\u0000${ownKind ?? ''}`;
    const known = this.counterpartyCache.get(memo);
    if (known !== undefined) return known;
    let key: string | null = null;
    const account = cpAccount ? this.byAlias.get(cpAccount) : undefined;
    if (account) key = caseKey(account.id);
    else {
      const platform = this.platforms.match({ account: cpAccount, name: cpName, summary, ownKind });
      if (platform) key = `p:${platform.id}`;
      else if (cpAccount) key = `x:${cpAccount}`;
      else if (cpName && cpName.trim() !== '') key = `n:${cpName.trim()}`;
    }
    if (this.counterpartyCache.size > 200_000) this.counterpartyCache.clear();
    this.counterpartyCache.set(memo, key);
    return key;
  }

  /** What a key is called in output meant for people and scripts: the account number, the platform or the name. */
  display(key: string): string {
    const [prefix, rest = ''] = splitKey(key);
    if (prefix === 'a') return this.byIdMap.get(Number(rest))?.number ?? key;
    if (prefix === 'p') return this.platforms.byId(rest)?.name.zh ?? rest;
    return rest;
  }

  hasStatement(key: string): boolean {
    const [prefix, rest = ''] = splitKey(key);
    return prefix === 'a' && this.byIdMap.get(Number(rest))?.hasStatement === true;
  }
}

export function splitKey(key: string): [string, string | undefined] {
  const colon = key.indexOf(':');
  return colon < 0 ? [key, undefined] : [key.slice(0, colon), key.slice(colon + 1)];
}

const cache = new WeakMap<Db, { stamp: string; accounts: CaseAccounts }>();

/** Changes whenever the case does: every change is audited, and imports add rows. */
export function stampOf(db: Db): string {
  const row = db.prepare('SELECT (SELECT MAX(id) FROM account) AS a, (SELECT MAX(id) FROM txn) AS t, (SELECT MAX(seq) FROM audit) AS s').get() as {
    a: number | null;
    t: number | null;
    s: number | null;
  };
  return `${row.a ?? 0}:${row.t ?? 0}:${row.s ?? 0}`;
}
