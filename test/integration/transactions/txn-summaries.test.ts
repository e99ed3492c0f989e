import { describe, expect, it } from 'vitest';
import { AccountSummary, CounterpartyRanking } from '../../../shared/api/txn-schemas';
import type { RankingDirection, RankingGranularity } from '../../../shared/domain';
import { caseStats } from '../../../electron/core/cases/case-stats';
import type { Db } from '../../../electron/core/db/connection';
import { accountSummary } from '../../../electron/core/transactions/account-summary';
import { counterpartyRanking } from '../../../electron/core/transactions/counterparty-ranking';
import { deleteView, listViews, saveView } from '../../../electron/core/transactions/saved-views';
import { useDemoCase } from './demo-case';

interface Row {
  id: number;
  account_id: number;
  amount: number;
  direction: 'in' | 'out' | null;
  currency: string;
  succeeded: number;
  dup_of: number | null;
  cp_account: string | null;
  cp_name: string | null;
  holder: string | null;
  ts: number | null;
}

function rowsOf(db: Db): Row[] {
  return db
    .prepare(
      `SELECT t.id, t.account_id, abs(t.amount_minor) AS amount, t.direction, t.currency, t.succeeded, t.dup_of, t.cp_account, t.cp_name,
         a.holder_name AS holder, t.ts_utc AS ts
       FROM txn t JOIN account a ON a.id = t.account_id`,
    )
    .all() as Row[];
}

describe('summaries of the transactions', () => {
  const demo = useDemoCase(13);

  it('sums in, out and net per account over successful, non-duplicate rows, agreeing with chainsight stats', () => {
    const { session } = demo();
    const accounts = accountSummary(session.db).map((row) => AccountSummary.parse(row));
    const rows = rowsOf(session.db);
    for (const summary of accounts.slice(0, 40)) {
      const mine = rows.filter((row) => row.account_id === summary.accountId && row.currency === summary.currency);
      const counted = mine.filter((row) => row.succeeded === 1 && row.dup_of === null);
      const inMinor = counted.filter((row) => row.direction === 'in').reduce((sum, row) => sum + row.amount, 0);
      const outMinor = counted.filter((row) => row.direction === 'out').reduce((sum, row) => sum + row.amount, 0);
      expect(summary).toMatchObject({
        inMinor,
        outMinor,
        netMinor: inMinor - outMinor,
        inCount: counted.filter((row) => row.direction === 'in').length,
        outCount: counted.filter((row) => row.direction === 'out').length,
        rows: mine.length,
        failed: mine.filter((row) => row.succeeded === 0).length,
        duplicates: mine.filter((row) => row.dup_of !== null).length,
        firstUtc: Math.min(...mine.map((row) => row.ts ?? Infinity)),
        lastUtc: Math.max(...mine.map((row) => row.ts ?? -Infinity)),
      });
    }
    const stats = caseStats(session);
    const total = (key: 'inMinor' | 'outMinor') => accounts.filter((a) => a.currency === 'CNY').reduce((sum, a) => sum + a[key], 0);
    expect(total('inMinor')).toBe(stats.sumInMinor.CNY);
    expect(total('outMinor')).toBe(stats.sumOutMinor.CNY);

    const breaks = session.db.prepare('SELECT account_id AS id, count(*) AS n FROM txn WHERE balance_expected IS NOT NULL GROUP BY account_id').all() as { id: number; n: number }[];
    expect(breaks.length).toBeGreaterThan(0);
    for (const { id, n } of breaks) expect(accounts.find((a) => a.accountId === id)).toMatchObject({ balanceBreaks: n, balanceCheck: 'breaks' });
    const noBalances = session.db.prepare('SELECT account_id FROM txn GROUP BY account_id HAVING count(balance_minor) = 0').pluck().all() as number[];
    for (const id of noBalances) expect(accounts.find((a) => a.accountId === id)?.balanceCheck).toBe('unchecked');
    expect(accounts.some((a) => a.balanceCheck === 'ok')).toBe(true);
  });

  it('summarises only the rows a filter leaves', () => {
    const { session } = demo();
    const rows = rowsOf(session.db).filter((row) => row.direction === 'out' && row.amount >= 1_000_000);
    const accounts = accountSummary(session.db, { direction: 'out', amountMinMinor: 1_000_000 });
    expect(accounts.reduce((sum, a) => sum + a.rows, 0)).toBe(rows.length);
    expect(accounts.every((a) => a.inMinor === 0)).toBe(true);
  });

  const cases: [RankingGranularity, RankingDirection][] = [
    ['account', 'in'],
    ['account', 'out'],
    ['name', 'net'],
    ['name', 'turnover'],
  ];
  for (const [granularity, direction] of cases) {
    it(`ranks counterparties by ${granularity}, ${direction}: exactly the top N, figures as the rows add up`, () => {
      const { session } = demo();
      const rows = rowsOf(session.db).filter((row) => row.succeeded === 1 && row.dup_of === null && row.currency === 'CNY' && row.direction !== null);
      const keyOf = (row: Row) => (granularity === 'account' ? row.cp_account : row.cp_name)?.trim() ?? '';
      const tally = new Map<string, { in: number; out: number; n: number }>();
      for (const row of rows.filter((r) => keyOf(r) !== '')) {
        const t = tally.get(keyOf(row)) ?? { in: 0, out: 0, n: 0 };
        if (row.direction === 'in') t.in += row.amount;
        else t.out += row.amount;
        t.n += 1;
        tally.set(keyOf(row), t);
      }
      const value = (t: { in: number; out: number }) => (direction === 'in' ? t.in : direction === 'out' ? t.out : direction === 'net' ? t.in - t.out : t.in + t.out);
      const size = (t: { in: number; out: number }) => (direction === 'net' ? Math.abs(value(t)) : value(t));
      const expected = [...tally.entries()]
        .filter(([, t]) => (direction === 'in' ? t.in > 0 : direction === 'out' ? t.out > 0 : true))
        .sort(([ka, a], [kb, b]) => size(b) - size(a) || b.n - a.n || (ka < kb ? -1 : ka > kb ? 1 : 0));

      const ranking = CounterpartyRanking.parse(counterpartyRanking(session.db, { granularity, direction, topN: 10, excludeSelf: false }));
      expect(ranking).toMatchObject({ granularity, direction, topN: 10, excludeSelf: false, currency: 'CNY', candidates: expected.length });
      expect(ranking.rows).toHaveLength(10);
      expect(ranking.rows.map((r) => [r.rank, r.key, r.valueMinor, r.count])).toEqual(expected.slice(0, 10).map(([key, t], i) => [i + 1, key, value(t), t.n]));
      const all = rowsOf(session.db);
      expect(ranking.excluded.failed).toBe(all.filter((row) => row.succeeded === 0).length);
      expect(ranking.excluded.duplicates).toBe(all.filter((row) => row.succeeded === 1 && row.dup_of !== null).length);
      expect(ranking.excluded.blank).toBe(rows.filter((row) => keyOf(row) === '').length);
      expect(ranking.excluded.self).toBe(0);
    });
  }

  it('leaves out self-transfers when asked and says how many, and labels them when kept', () => {
    const { session } = demo();
    const rows = rowsOf(session.db).filter((row) => row.succeeded === 1 && row.dup_of === null && row.direction !== null && row.cp_name !== null);
    // the independent side: a row whose counterparty name is the holder's own name is a self-transfer
    const sameName = rows.filter((row) => row.holder !== null && row.cp_name === row.holder);
    expect(sameName.length).toBeGreaterThan(0);
    const kept = counterpartyRanking(session.db, { granularity: 'name', direction: 'turnover', topN: 1000, excludeSelf: false });
    const excluded = counterpartyRanking(session.db, { granularity: 'name', direction: 'turnover', topN: 1000, excludeSelf: true });
    expect(excluded.excluded.self).toBeGreaterThanOrEqual(sameName.length);
    expect(kept.rows.reduce((sum, r) => sum + r.selfCount, 0)).toBe(excluded.excluded.self);
    expect(kept.rows.reduce((sum, r) => sum + r.count, 0) - excluded.rows.reduce((sum, r) => sum + r.count, 0)).toBe(excluded.excluded.self);
    const holder = sameName[0]?.holder ?? '';
    const own = kept.rows.find((r) => r.key === holder);
    expect(own?.selfCount).toBeGreaterThan(0);
    expect(excluded.rows.find((r) => r.key === holder)?.selfCount ?? 0).toBe(0);
    // one account only, fewer counterparties than asked: all of them, no padding
    const account = sameName[0]?.account_id ?? 0;
    const one = counterpartyRanking(session.db, { accountId: account, granularity: 'name', direction: 'turnover', topN: 1000, excludeSelf: true });
    expect(one.rows.length).toBe(one.candidates);
    expect(one.rows.every((r) => r.ownAccounts === 1 && r.kind === 'counterparty')).toBe(true);
  });
});

describe('saved views', () => {
  const demo = useDemoCase(13, 1000);

  it('saves, replaces by name, lists per page and deletes', () => {
    const { db } = demo().session;
    const first = saveView(db, { page: 'transactions', name: '大额转出', state: { filter: { direction: 'out', amountMinMinor: 5_000_000 } } }, '李警官');
    saveView(db, { page: 'timeline', name: '大额转出', state: { zoom: 3 } }, '李警官');
    const replaced = saveView(db, { page: 'transactions', name: '大额转出', state: { filter: { direction: 'out' } } }, '王警官');
    expect(replaced.id).toBe(first.id);
    expect(listViews(db, 'transactions')).toEqual([expect.objectContaining({ name: '大额转出', state: { filter: { direction: 'out' } }, savedBy: '王警官' })]);
    expect(listViews(db, 'timeline')).toHaveLength(1);
    expect(deleteView(db, first.id)).toBe(true);
    expect(deleteView(db, first.id)).toBe(false);
    expect(listViews(db, 'transactions')).toEqual([]);
  });
});
