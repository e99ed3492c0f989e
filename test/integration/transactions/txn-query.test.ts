import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TxnFilter, TxnSort } from '../../../shared/domain';
import { TxnDetail, TxnPage } from '../../../shared/api/txn-schemas';
import type { Db } from '../../../electron/core/db/connection';
import { countTxns, queryTxns } from '../../../electron/core/transactions/txn-query';
import { getTxn } from '../../../electron/core/transactions/txn-detail';
import { useDemoCase } from './demo-case';

/** Every row of a view, read page by page as the grid does (pages of `size`). */
function allIds(db: Db, filter: TxnFilter, sort: TxnSort, size = 700): number[] {
  const ids: number[] = [];
  for (let offset = 0; ; offset += size) {
    const page = TxnPage.parse(queryTxns(db, { filter, sort, offset, limit: size }));
    ids.push(...page.rows.map((row) => row.id));
    if (offset + size >= page.total) break;
  }
  return ids;
}

interface Plain {
  id: number;
  account_id: number;
  amount_minor: number;
  ts_utc: number | null;
  direction: string | null;
  cp_account: string | null;
  cp_name: string | null;
  summary: string | null;
  txn_no: string | null;
  succeeded: number;
  dup_of: number | null;
  mirror_id: number | null;
  balance_expected: number | null;
  reversal_of: number | null;
  source_id: number;
}

function plainRows(db: Db): Plain[] {
  return db
    .prepare(
      'SELECT id, account_id, amount_minor, ts_utc, direction, cp_account, cp_name, summary, txn_no, succeeded, dup_of, mirror_id, balance_expected, reversal_of, source_id FROM txn',
    )
    .all() as Plain[];
}

const ids = (rows: readonly Plain[]): number[] => rows.map((row) => row.id);
const byId = (a: Plain, b: Plain): number => a.id - b.id;

describe('transactions grid queries on a generated demo case', () => {
  const demo = useDemoCase(7);

  it('pages through the whole case in every order with nothing lost or repeated, ties broken by id', () => {
    const { db } = demo().session;
    const rows = plainRows(db);
    expect(rows.length).toBeGreaterThan(2500);
    expect(countTxns(db, {})).toBe(rows.length);

    // amount: by size, largest first, equal sizes latest import first
    const bySize = [...rows].sort((a, b) => Math.abs(b.amount_minor) - Math.abs(a.amount_minor) || b.id - a.id);
    expect(allIds(db, {}, [{ column: 'amount', dir: 'desc' }])).toEqual(ids(bySize));

    // time ascending: rows without a time first (SQLite orders NULL lowest), then by instant, then id
    const byTime = [...rows].sort((a, b) => (a.ts_utc ?? -Infinity) - (b.ts_utc ?? -Infinity) || a.id - b.id);
    expect(allIds(db, {}, [{ column: 'time', dir: 'asc' }])).toEqual(ids(byTime));

    // an order no index gives, read past the point where the ordered ids are computed once and kept
    const expectedByName = db.prepare('SELECT id FROM txn ORDER BY cp_name DESC, id DESC').pluck().all() as number[];
    expect(allIds(db, {}, [{ column: 'cpName', dir: 'desc' }], 900)).toEqual(expectedByName);
    const expectedByHolder = db
      .prepare('SELECT t.id FROM txn t JOIN account a ON a.id = t.account_id ORDER BY a.holder_name, t.ts_utc DESC, t.id')
      .pluck()
      .all() as number[];
    expect(allIds(db, {}, [{ column: 'holder', dir: 'asc' }, { column: 'time', dir: 'desc' }])).toEqual(expectedByHolder);
  });

  it('answers a page far down the view with the rows SQL puts there', () => {
    const { db } = demo().session;
    const expected = db.prepare('SELECT id FROM txn ORDER BY abs(amount_minor) DESC, id DESC LIMIT 50 OFFSET 2500').pluck().all() as number[];
    const page = queryTxns(db, { filter: {}, sort: [{ column: 'amount', dir: 'desc' }], offset: 2500, limit: 50 });
    expect(page.rows.map((row) => row.id)).toEqual(expected);
    expect(page.offset).toBe(2500);
    // past the end: the total and no rows
    const beyond = queryTxns(db, { filter: {}, sort: [], offset: page.total + 10, limit: 50 });
    expect(beyond).toEqual({ total: page.total, offset: page.total + 10, rows: [] });
  });

  it('filters by own account, counterparty, amount size, time, direction and source as SQL does', () => {
    const { db } = demo().session;
    const rows = plainRows(db);
    const check = (filter: TxnFilter, expected: readonly Plain[]): void => {
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(countTxns(db, filter), JSON.stringify(filter)).toBe(expected.length);
      expect(allIds(db, filter, [{ column: 'id', dir: 'asc' }]).sort((a, b) => a - b)).toEqual(ids([...expected].sort(byId)));
    };

    const busiest = db.prepare('SELECT account_id AS id, count(*) AS n FROM txn GROUP BY account_id ORDER BY n DESC LIMIT 1').get() as { id: number };
    const number = (db.prepare('SELECT number FROM account WHERE id = ?').get(busiest.id) as { number: string }).number;
    check({ accountIds: [busiest.id] }, rows.filter((row) => row.account_id === busiest.id));
    check({ account: number }, rows.filter((row) => row.account_id === busiest.id));

    const named = rows.find((row) => row.cp_name !== null && row.cp_name.length >= 3);
    const part = named?.cp_name?.slice(1, 3) ?? '';
    check({ counterparty: part }, rows.filter((row) => (row.cp_name ?? '').includes(part) || (row.cp_account ?? '').includes(part)));
    const cpAccount = rows.find((row) => row.cp_account !== null)?.cp_account ?? '';
    check({ counterparty: cpAccount, counterpartyExact: true }, rows.filter((row) => row.cp_account === cpAccount || row.cp_name === cpAccount));
    check({ counterparty: cpAccount.slice(2, 9) }, rows.filter((row) => (row.cp_account ?? '').includes(cpAccount.slice(2, 9)) || (row.cp_name ?? '').includes(cpAccount.slice(2, 9))));

    check({ amountMinMinor: 100_000, amountMaxMinor: 500_000 }, rows.filter((row) => Math.abs(row.amount_minor) >= 100_000 && Math.abs(row.amount_minor) <= 500_000));
    check({ amountMinMinor: 1_000_000 }, rows.filter((row) => Math.abs(row.amount_minor) >= 1_000_000));
    const times = rows.map((row) => row.ts_utc).filter((ts): ts is number => ts !== null).sort((a, b) => a - b);
    const from = times[Math.floor(times.length / 3)] ?? 0;
    const to = times[Math.floor((2 * times.length) / 3)] ?? 0;
    check({ fromUtc: from, toUtc: to }, rows.filter((row) => row.ts_utc !== null && row.ts_utc >= from && row.ts_utc < to));
    check({ direction: 'out' }, rows.filter((row) => row.direction === 'out'));
    check({ sourceId: rows[0]?.source_id ?? 0 }, rows.filter((row) => row.source_id === rows[0]?.source_id));
    check({ quick: '工资' }, rows.filter((row) => [row.summary, row.cp_name, row.txn_no].some((text) => (text ?? '').includes('工资'))));
    check({ direction: 'in', amountMinMinor: 50_000, accountIds: [busiest.id] }, rows.filter((row) => row.direction === 'in' && Math.abs(row.amount_minor) >= 50_000 && row.account_id === busiest.id));
  });

  it('takes % and _ in a filter text literally and finds nothing for a counterparty nobody has', () => {
    const { db } = demo().session;
    expect(countTxns(db, { counterparty: '%' })).toBe(0);
    expect(countTxns(db, { quick: '_' })).toBe(0);
    expect(countTxns(db, { counterparty: '没有这个对手方' })).toBe(0);
    expect(countTxns(db, { accountIds: [] })).toBe(0);
  });

  it('filters and marks rows by their data-quality flags', () => {
    const { db } = demo().session;
    const rows = plainRows(db);
    const linked = new Set(db.prepare('SELECT txn_id FROM message WHERE txn_id IS NOT NULL').pluck().all() as number[]);
    const expectations: [keyof NonNullable<TxnFilter['flags']>, (row: Plain) => boolean][] = [
      ['duplicate', (row) => row.dup_of !== null],
      ['mirror', (row) => row.mirror_id !== null],
      ['failed', (row) => row.succeeded === 0],
      ['balanceBreak', (row) => row.balance_expected !== null],
      ['linkedChat', (row) => linked.has(row.id)],
    ];
    for (const [flag, has] of expectations) {
      const flagged = rows.filter(has);
      expect(flagged.length, flag).toBeGreaterThan(0);
      expect(countTxns(db, { flags: { [flag]: true } }), flag).toBe(flagged.length);
      expect(countTxns(db, { flags: { [flag]: false } }), flag).toBe(rows.length - flagged.length);
      const page = queryTxns(db, { filter: { flags: { [flag]: true } }, sort: [], offset: 0, limit: 1000 });
      expect(page.rows.every((row) => row.flags[flag]), flag).toBe(true);
      const unflagged = queryTxns(db, { filter: { flags: { [flag]: false } }, sort: [], offset: 0, limit: 200 });
      expect(unflagged.rows.some((row) => row.flags[flag]), flag).toBe(false);
    }
    // both marks together: duplicates that are not failed
    expect(countTxns(db, { flags: { duplicate: true, failed: false } })).toBe(rows.filter((row) => row.dup_of !== null && row.succeeded === 1).length);
  });

  it('shows each row with the columns of the bank preset, as stored', () => {
    const { db } = demo().session;
    const stored = db
      .prepare(
        `SELECT t.id, a.number, a.holder_name, t.cp_account, t.cp_name, t.cp_bank, t.amount_minor, t.currency, t.direction, t.direction_raw,
           t.balance_minor, t.summary, t.ts_utc, t.ts_text, t.ts_offset, t.channel, t.ip, t.mac, t.txn_no
         FROM txn t JOIN account a ON a.id = t.account_id WHERE t.ip IS NOT NULL AND t.cp_name IS NOT NULL ORDER BY t.id LIMIT 1`,
      )
      .get() as Record<string, string | number | null>;
    const row = queryTxns(db, { filter: { quick: String(stored.txn_no) }, sort: [], offset: 0, limit: 10 }).rows.find((r) => r.id === stored.id);
    expect(row).toMatchObject({
      account: stored.number,
      holder: stored.holder_name,
      cpAccount: stored.cp_account,
      cpName: stored.cp_name,
      cpBank: stored.cp_bank,
      amountMinor: stored.amount_minor,
      currency: stored.currency,
      direction: stored.direction,
      directionRaw: stored.direction_raw,
      balanceMinor: stored.balance_minor,
      summary: stored.summary,
      utcMs: stored.ts_utc,
      timeText: stored.ts_text,
      offsetMinutes: stored.ts_offset,
      channel: stored.channel,
      ip: stored.ip,
      mac: stored.mac,
      txnNo: stored.txn_no,
    });
  });

  it('filters by tag and sees tags applied since the last page', () => {
    const { db } = demo().session;
    // this test adds a tag to the shared case; no other test looks at tags
    const tagId = Number(db.prepare("INSERT INTO tag (name, kind, color, created_at, created_by) VALUES ('测试标签', 'free', '#aa3300', '2024-01-01', 't')").run().lastInsertRowid);
    expect(countTxns(db, { tagId })).toBe(0);
    const chosen = db.prepare('SELECT id FROM txn ORDER BY id LIMIT 3 OFFSET 100').pluck().all() as number[];
    const link = db.prepare("INSERT INTO tag_link (tag_id, item_type, item_id, created_at, created_by) VALUES (?, 'txn', ?, '2024-01-01', 't')");
    for (const id of chosen) link.run(tagId, id);
    const page = queryTxns(db, { filter: { tagId }, sort: [{ column: 'id', dir: 'asc' }], offset: 0, limit: 10 });
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => [row.id, row.tags])).toEqual(chosen.map((id) => [id, ['测试标签']]));
  });
});

describe('one transaction in detail', () => {
  const demo = useDemoCase(7);

  it('gives every field and where it came from, with the raw row hashed again', () => {
    const { db } = demo().session;
    const id = db.prepare('SELECT id FROM txn WHERE ip IS NOT NULL ORDER BY id LIMIT 1').pluck().get() as number;
    const detail = TxnDetail.parse(getTxn(db, id));
    const stored = db
      .prepare('SELECT t.raw, t.row_hash, t.sheet, t.line, s.rel_path, s.sha256, s.sm3 FROM txn t JOIN source s ON s.id = t.source_id WHERE t.id = ?')
      .get(id) as { raw: string; row_hash: string; sheet: string; line: number; rel_path: string; sha256: string; sm3: string };
    expect(detail.row.id).toBe(id);
    expect(detail.provenance).toMatchObject({ file: stored.rel_path, sheet: stored.sheet, line: stored.line, rowHash: stored.row_hash, sourceSha256: stored.sha256, sourceSm3: stored.sm3 });
    expect(detail.provenance.rawText).toBe(stored.raw);
    expect(detail.provenance.rowHashVerified).toBe(true);
    expect(createHash('sha256').update(detail.provenance.rawText).digest('hex')).toBe(stored.row_hash);
    expect(Object.fromEntries(detail.provenance.raw.map((cell) => [cell.name, cell.value]))).toEqual(JSON.parse(stored.raw));
    expect(getTxn(db, 999_999_999)).toBeNull();
  });

  it('links a duplicate and its original, the two legs of a transfer and chat messages', () => {
    const { db } = demo().session;
    const dup = db.prepare('SELECT id, dup_of FROM txn WHERE dup_of IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number; dup_of: number };
    expect(getTxn(db, dup.id)?.related.duplicateOf?.id).toBe(dup.dup_of);
    expect(getTxn(db, dup.id)?.row.flags.duplicate).toBe(true);
    const copies = db.prepare('SELECT id FROM txn WHERE dup_of = ? ORDER BY id').pluck().all(dup.dup_of) as number[];
    expect(getTxn(db, dup.dup_of)?.related.duplicates.map((row) => row.id)).toEqual(copies);

    const leg = db.prepare('SELECT id, mirror_id FROM txn WHERE mirror_id IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number; mirror_id: number };
    expect(getTxn(db, leg.id)?.related.mirror?.id).toBe(leg.mirror_id);
    expect(getTxn(db, leg.mirror_id)?.related.mirror?.id).toBe(leg.id);

    const message = db.prepare('SELECT id, txn_id FROM message WHERE txn_id IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number; txn_id: number };
    const linked = getTxn(db, message.txn_id);
    expect(linked?.row.flags.linkedChat).toBe(true);
    expect(linked?.related.messages.map((m) => m.id)).toContain(message.id);
  });

  it('links a reversal and the row it undoes, both ways', () => {
    const { db } = demo().session;
    // the demo plants no reversal: mark one as the quality step would (same account, opposite amount, later row)
    const pair = db
      .prepare(
        `SELECT o.id AS original, r.id AS reversal FROM txn o JOIN txn r ON r.account_id = o.account_id AND r.amount_minor = -o.amount_minor AND r.id > o.id
         WHERE o.dup_of IS NULL AND r.dup_of IS NULL ORDER BY o.id LIMIT 1`,
      )
      .get() as { original: number; reversal: number };
    db.prepare('UPDATE txn SET reversal_of = ? WHERE id = ?').run(pair.original, pair.reversal);
    try {
      expect(getTxn(db, pair.reversal)?.related.reversalOf?.id).toBe(pair.original);
      expect(getTxn(db, pair.original)?.related.reversedBy.map((row) => row.id)).toEqual([pair.reversal]);
      const flagged = queryTxns(db, { filter: { flags: { reversal: true } }, sort: [{ column: 'id', dir: 'asc' }], offset: 0, limit: 10 });
      expect(flagged.rows.map((row) => row.id)).toEqual([pair.original, pair.reversal]);
    } finally {
      db.prepare('UPDATE txn SET reversal_of = NULL WHERE id = ?').run(pair.reversal);
    }
    expect(countTxns(db, { flags: { reversal: true } })).toBe(0);
  });
});
