import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowGraph, flowRows, followUps, runTrace } from '../../../electron/core/analysis/flow';
import { CaseSession } from '../../../electron/core/cases/case-session';
import type { Db } from '../../../electron/core/db/connection';
import { useTempDirs } from '../../support/temp-dir';

const T0 = Date.UTC(2025, 2, 1, 2, 0, 0);
const MIN = 60_000;

interface Row {
  account: number;
  minutes: number;
  amount: number;
  cp?: string | null;
  cpName?: string | null;
  cpBank?: string | null;
  succeeded?: 0 | 1;
  summary?: string;
  balance?: number | null;
}

/**
 * A statement written row by row (what an import leaves behind, quality marks included), so each mark can be put
 * exactly where a test needs it.
 */
function caseWith(dir: string): { session: CaseSession; db: Db; add: (row: Row) => number; mark: (sql: string, ...params: number[]) => void } {
  const session = CaseSession.create(join(dir, 'case'), { caseName: 'marks' }, { host: 'cli', operator: 't' });
  const db = session.db;
  db.prepare("INSERT INTO import_job (id, started_at, finished_at, operator, params) VALUES (1, 'x', 'x', 't', '{}')").run();
  db.prepare(
    `INSERT INTO source (id, job_id, file_name, rel_path, size, sha256, sm3, stored_path, format_id, format_version, kind, grade, confidence, detect_reason,
       encoding, time_zone, rows_read, imported, rejected, warnings, imported_at)
     VALUES (1, 1, 'a.csv', '银行查控/1/a.csv', 1, 'h', 's', 'p', 'f', 1, 'transactions', 'official', 1, 'r', 'utf-8', 'Asia/Shanghai', 0, 0, 0, '[]', 'x')`,
  ).run();
  const account = db.prepare("INSERT INTO account (id, kind, number, card_number, holder_name, holder_id, bank_name) VALUES (?, 'bank', ?, ?, ?, NULL, '招商银行')");
  account.run(1, '6225000000000001', '6225000000000001', '甲');
  account.run(2, '6225000000000002', '6225000000000002', '乙');
  let line = 1;
  const insert = db.prepare(
    `INSERT INTO txn (source_id, sheet, line, row_hash, raw, account_id, ts_utc, ts_text, amount_minor, currency, direction, direction_raw, balance_minor,
       cp_account, cp_name, cp_bank, summary, succeeded)
     VALUES (1, '', ?, 'h', '{}', ?, ?, 't', ?, 'CNY', ?, '', ?, ?, ?, ?, ?, ?)`,
  );
  const add = (row: Row): number => {
    line += 1;
    return Number(
      insert.run(line, row.account, T0 + row.minutes * MIN, row.amount, row.amount < 0 ? 'out' : 'in', row.balance ?? null, row.cp ?? null, row.cpName ?? null, row.cpBank ?? null, row.summary ?? '转账', row.succeeded ?? 1)
        .lastInsertRowid,
    );
  };
  const mark = (sql: string, ...params: number[]) => db.prepare(sql).run(...params);
  return { session, db, add, mark };
}

describe('what the flow analyses count', () => {
  const tempDir = useTempDirs();

  it('counts a transfer both statements show once, and leaves out refused, repeated and reversed rows, saying so', () => {
    const { session, db, add, mark } = caseWith(tempDir());
    // 甲 pays 乙 1,000 (both statements: a mirror pair)
    const out = add({ account: 1, minutes: 0, amount: -100_000, cp: '6225000000000002', cpName: '乙', balance: 400_000 });
    const inLeg = add({ account: 2, minutes: 1, amount: 100_000, cp: '6225000000000001', cpName: '甲', balance: 100_000 });
    mark('UPDATE txn SET mirror_id = ? WHERE id = ?', inLeg, out);
    mark('UPDATE txn SET mirror_id = ? WHERE id = ?', out, inLeg);
    // 甲 pays 丙 500, and the bank returns it (退回): neither row moved money
    const undone = add({ account: 1, minutes: 10, amount: -50_000, cp: '6217000000000003', cpName: '丙', cpBank: '中国建设银行', balance: 350_000 });
    const reversal = add({ account: 1, minutes: 20, amount: 50_000, cp: '6217000000000003', cpName: '丙', summary: '退回', balance: 400_000 });
    mark('UPDATE txn SET reversal_of = ? WHERE id = ?', undone, reversal);
    // a refused payment to 丁, and a repeated row of the first payment
    add({ account: 1, minutes: 30, amount: -70_000, cp: '6217000000000004', cpName: '丁', succeeded: 0 });
    const repeat = add({ account: 1, minutes: 0, amount: -100_000, cp: '6225000000000002', cpName: '乙', balance: 400_000 });
    mark('UPDATE txn SET dup_of = ? WHERE id = ?', out, repeat);
    // 乙 passes 990 to 戊, whose statement the case lacks
    add({ account: 2, minutes: 90, amount: -99_000, cp: '6217000000000005', cpName: '戊', cpBank: '中国建设银行股份有限公司北京分行', balance: 1_000 });

    const graph = flowGraph(db, { minAmountMinor: 0, currency: 'CNY', collapsePlatforms: false, groupBy: 'account', maxNodes: 100 });
    expect(graph.edges.map((e) => [e.from, e.to, e.count, e.sumMinor])).toEqual([
      ['a:1', 'a:2', 1, 100_000],
      ['a:2', 'x:6217000000000005', 1, 99_000],
    ]);
    expect(graph.excluded).toEqual({ failed: 1, duplicates: 1, mirrorLegs: 1, reversed: 2, noCounterparty: 0, noDirection: 0 });
    expect(graph.transactions).toBe(2);
    const rows = flowRows(db, { minAmountMinor: 0, currency: 'CNY', collapsePlatforms: false, groupBy: 'account', maxNodes: 100, node: 'a:1', offset: 0, limit: 50 });
    expect(rows.rows.map((r) => r.id)).toEqual([out]);

    // the returned payment reached nobody: 丙 is no follow-up; 戊 is, under the bank, not its branch
    const list = followUps(db, { minTotalMinor: 0, currency: 'CNY' });
    expect(list.groups.map((g) => [g.institution, g.accounts.map((a) => a.account)])).toEqual([['中国建设银行', ['6217000000000005']]]);

    // the trace reads 甲's statement as booked: the returned 500 never left, the 1,000 went on through 乙
    const traced = runTrace(db, { seeds: ['6225000000000001'], direction: 'forward', hops: 2, windowHours: 24, minAmountMinor: 0, tolerance: 1, attribution: 'fifo', currency: 'CNY' });
    expect(traced.hops.map((h) => [h.level, h.from, h.to, h.amountMinor, h.attributedMinor])).toEqual([
      [1, 'a:1', 'a:2', 100_000, 100_000],
      [2, 'a:2', 'x:6217000000000005', 99_000, 99_000],
    ]);
    expect(traced.retainedMinor).toEqual({ 'a:2': 1_000, 'x:6217000000000005': 99_000 });
    session.close();
  });
});
