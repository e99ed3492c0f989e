import type { CounterpartyRank, CounterpartyRanking, CounterpartyRankingInput } from '@shared/domain';
import type { Db } from '../db/connection';
import { memoised } from './query-cache';

/** Names shown with an account-number counterparty. */
const NAMES_SHOWN = 5;

interface OwnAccount {
  holder: string | null;
  holderId: string | null;
  aliases: Set<string>;
}

/** Every own account with the numbers it is known by, and which accounts each number names. */
function ownAccounts(db: Db): { byId: Map<number, OwnAccount>; byAlias: Map<string, number[]> } {
  // a record merged into another account (a wallet's login trail, filed under its phone) lends it its numbers
  const rows = db
    .prepare(
      `SELECT coalesce(merged_into, id) AS id, merged_into IS NOT NULL AS merged, number, card_number AS card, account_number AS accountNumber,
         holder_name AS holder, holder_id AS holderId FROM account ORDER BY merged, id`,
    )
    .all() as {
    id: number;
    merged: number;
    number: string;
    card: string | null;
    accountNumber: string | null;
    holder: string | null;
    holderId: string | null;
  }[];
  const byId = new Map<number, OwnAccount>();
  const byAlias = new Map<string, number[]>();
  for (const row of rows) {
    const aliases = new Set([row.number, row.card, row.accountNumber].filter((alias): alias is string => alias !== null && alias !== ''));
    const target = row.merged === 1 ? byId.get(row.id) : undefined;
    if (target) for (const alias of aliases) target.aliases.add(alias);
    else byId.set(row.id, { holder: row.holder?.trim() || null, holderId: row.holderId?.trim() || null, aliases });
    for (const alias of aliases) if (!byAlias.get(alias)?.includes(row.id)) byAlias.set(alias, [...(byAlias.get(alias) ?? []), row.id]);
  }
  return { byId, byAlias };
}

/**
 * A transfer to the own account, or between accounts of one holder: the counterparty number is one of the own
 * account's numbers or names an account of the same holder (same name or same ID number), or the counterparty name
 * is the holder's own name.
 */
function isSelfTransfer(own: OwnAccount | undefined, cpAccount: string | null, cpName: string | null, accounts: ReturnType<typeof ownAccounts>): boolean {
  if (!own) return false;
  if (cpAccount !== null) {
    if (own.aliases.has(cpAccount)) return true;
    for (const otherId of accounts.byAlias.get(cpAccount) ?? []) {
      const other = accounts.byId.get(otherId);
      if (!other) continue;
      if (own.holder !== null && other.holder === own.holder) return true;
      if (own.holderId !== null && other.holderId === own.holderId) return true;
    }
  }
  return cpName !== null && own.holder !== null && cpName.trim() === own.holder;
}

interface Group {
  accountId: number;
  cpAccount: string | null;
  cpName: string | null;
  currency: string;
  status: 'failed' | 'duplicate' | 'noDirection' | 'counted';
  inMinor: number;
  outMinor: number;
  n: number;
  firstUtc: number | null;
  lastUtc: number | null;
}

interface Tally {
  inMinor: number;
  outMinor: number;
  count: number;
  selfCount: number;
  firstUtc: number | null;
  lastUtc: number | null;
  names: Map<string, number>;
  cpAccounts: Set<string>;
  own: Set<number>;
}

const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Counterparties ranked by money in, out, net (in − out, ranked by its size) or turnover (in + out), by
 * counterparty account number or by name, over one own account or the whole case. Exactly the Top-N asked for
 * (fewer only when there are fewer counterparties), ties broken by count and then by the key, so the same case
 * always gives the same list. Bank-failed rows, duplicates, rows in other currencies, rows without a direction and
 * rows without a counterparty number/name are left out and counted; self-transfers are left out and counted when
 * asked, else kept and counted per counterparty.
 */
export function counterpartyRanking(db: Db, input: CounterpartyRankingInput): CounterpartyRanking {
  return memoised(db, `counterpartyRanking ${JSON.stringify(input)}`, () => rank(db, input));
}

function rank(db: Db, input: CounterpartyRankingInput): CounterpartyRanking {
  const scope = input.accountId === undefined ? '' : 'WHERE t.account_id = ?';
  const scopeParams = input.accountId === undefined ? [] : [input.accountId];
  // one pass over the rows (a million take seconds): grouped with their currency and what would exclude them
  const groups = db
    .prepare(
      `SELECT t.account_id AS accountId, t.cp_account AS cpAccount, t.cp_name AS cpName, t.currency,
         CASE WHEN t.succeeded = 0 THEN 'failed' WHEN t.dup_of IS NOT NULL THEN 'duplicate' WHEN t.direction IS NULL THEN 'noDirection' ELSE 'counted' END AS status,
         coalesce(sum(CASE WHEN t.direction = 'in' THEN abs(t.amount_minor) END), 0) AS inMinor,
         coalesce(sum(CASE WHEN t.direction = 'out' THEN abs(t.amount_minor) END), 0) AS outMinor,
         count(*) AS n, min(t.ts_utc) AS firstUtc, max(t.ts_utc) AS lastUtc
       FROM txn t ${scope}
       -- '+' keeps SQLite from walking an account index for the grouping (a wide-row fetch per row, in index order)
       GROUP BY +t.account_id, t.cp_account, t.cp_name, t.currency, status`,
    )
    .all(...scopeParams) as Group[];

  // the ranking adds amounts of one currency: the one most rows are in
  const perCurrency = new Map<string, number>();
  for (const group of groups) perCurrency.set(group.currency, (perCurrency.get(group.currency) ?? 0) + group.n);
  const currency = [...perCurrency.entries()].sort(([ca, a], [cb, b]) => b - a || (ca < cb ? -1 : 1))[0]?.[0] ?? 'CNY';
  const keyOf = (group: Group): string => (input.granularity === 'account' ? group.cpAccount : group.cpName)?.trim() ?? '';
  const excluded = { failed: 0, duplicates: 0, self: 0, blank: 0, otherCurrency: 0, noDirection: 0 };
  const counted: Group[] = [];
  for (const group of groups) {
    if (group.status === 'failed') excluded.failed += group.n;
    else if (group.status === 'duplicate') excluded.duplicates += group.n;
    else if (group.currency !== currency) excluded.otherCurrency += group.n;
    else if (group.status === 'noDirection') excluded.noDirection += group.n;
    else if (keyOf(group) === '') excluded.blank += group.n;
    else counted.push(group);
  }

  const accounts = ownAccounts(db);
  const tallies = new Map<string, Tally>();
  for (const group of counted) {
    const self = isSelfTransfer(accounts.byId.get(group.accountId), group.cpAccount, group.cpName, accounts);
    if (self && input.excludeSelf) {
      excluded.self += group.n;
      continue;
    }
    const key = keyOf(group);
    let tally = tallies.get(key);
    if (!tally) {
      tally = { inMinor: 0, outMinor: 0, count: 0, selfCount: 0, firstUtc: null, lastUtc: null, names: new Map(), cpAccounts: new Set(), own: new Set() };
      tallies.set(key, tally);
    }
    tally.inMinor += group.inMinor;
    tally.outMinor += group.outMinor;
    tally.count += group.n;
    if (self) tally.selfCount += group.n;
    tally.firstUtc = minOf(tally.firstUtc, group.firstUtc);
    tally.lastUtc = maxOf(tally.lastUtc, group.lastUtc);
    if (group.cpName) tally.names.set(group.cpName, (tally.names.get(group.cpName) ?? 0) + group.n);
    if (group.cpAccount) tally.cpAccounts.add(group.cpAccount);
    tally.own.add(group.accountId);
  }

  const valueOf = (tally: Tally): number => {
    switch (input.direction) {
      case 'in':
        return tally.inMinor;
      case 'out':
        return tally.outMinor;
      case 'net':
        return tally.inMinor - tally.outMinor;
      case 'turnover':
        return tally.inMinor + tally.outMinor;
    }
  };
  const candidates = [...tallies.entries()].filter(([, tally]) => (input.direction === 'in' ? tally.inMinor > 0 : input.direction === 'out' ? tally.outMinor > 0 : true));
  const rankValue = (tally: Tally): number => (input.direction === 'net' ? Math.abs(valueOf(tally)) : valueOf(tally));
  candidates.sort(([keyA, a], [keyB, b]) => rankValue(b) - rankValue(a) || b.count - a.count || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0));

  const rows: CounterpartyRank[] = candidates.slice(0, input.topN).map(([key, tally], index) => ({
    rank: index + 1,
    key,
    kind: tally.selfCount === tally.count ? 'self' : 'counterparty',
    selfCount: tally.selfCount,
    names:
      input.granularity === 'account'
        ? [...tally.names.entries()]
            .sort(([nameA, a], [nameB, b]) => b - a || (nameA < nameB ? -1 : 1))
            .slice(0, NAMES_SHOWN)
            .map(([name]) => name)
        : [],
    accounts: input.granularity === 'account' ? 1 : tally.cpAccounts.size,
    ownAccounts: tally.own.size,
    inMinor: tally.inMinor,
    outMinor: tally.outMinor,
    valueMinor: valueOf(tally),
    count: tally.count,
    firstUtc: tally.firstUtc,
    lastUtc: tally.lastUtc,
  }));

  return {
    granularity: input.granularity,
    direction: input.direction,
    topN: input.topN,
    excludeSelf: input.excludeSelf,
    currency,
    excluded,
    candidates: candidates.length,
    rows,
  };
}
