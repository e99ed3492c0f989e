import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/api';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';
import { simpleFormat } from './simple-format';

const owner = { host: 'cli' as const, operator: '测试员' };
const HEADER = '账号,时间,金额,方向,余额,对手账号,流水号,成功';

function gbk(lines: string[]): Buffer {
  return iconv.encode(lines.map((line) => line.split(',').map((cell) => `${cell}\t`).join(',')).join('\r\n') + '\r\n', 'gb18030');
}

function setup(tempDir: () => string) {
  const dir = tempDir();
  const session = CaseSession.create(join(dir, 'case'), { caseName: '导入测试' }, owner);
  const inbox = join(dir, 'inbox', '5104614320210702112732');
  mkdirSync(inbox, { recursive: true });
  return { dir, session, inbox };
}

async function importPaths(session: CaseSession, paths: string[]) {
  return runImport(session.db, { caseDir: session.caseDir, paths, operator: owner.operator, timeZone: 'Asia/Shanghai', formats: [simpleFormat] });
}

describe('import pipeline', () => {
  const tempDir = useTempDirs();

  it('imports a GB18030 file with trailing tabs, keeps the original byte-identical with SHA-256 and SM3, lists bad rows', async () => {
    const { session, inbox } = setup(tempDir);
    const bytes = gbk([HEADER, 'A1,2024-01-01 10:00:00,100,进,100,B1,T1,是', 'A1,2024-01-01 11:00:00,abc,出,,,T2,是', 'A1,2024-01-02 09:00:00,30,出,70,B1,T3,是']);
    const file = join(inbox, '测试银行交易明细信息.csv');
    writeFileSync(file, bytes);
    const report = await importPaths(session, [join(inbox, '..')]);
    expect(report.files).toHaveLength(1);
    const [one] = report.files;
    expect(one).toMatchObject({ status: 'imported', format: 'test.simple', encoding: 'gb18030', imported: 2, rejected: 1, rowsRead: 4 });
    expect(one?.errors).toEqual([{ line: 3, sheet: '', code: 'BAD_AMOUNT', message: '金额 "abc" is not a number' }]);
    expect(one?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(one?.sm3).toMatch(/^[0-9a-f]{64}$/);
    const stored = join(session.caseDir, 'originals', one?.sha256 ?? '');
    expect(readFileSync(stored).equals(bytes)).toBe(true);
    expect(statSync(stored).mode & 0o222).toBe(0);

    const source = session.db.prepare('SELECT rel_path, acq_request_no, acq_unit, acq_method, acq_by FROM source').get();
    expect(source).toEqual({ rel_path: 'inbox/5104614320210702112732/测试银行交易明细信息.csv', acq_request_no: '5104614320210702112732', acq_unit: '测试银行', acq_method: '查控平台', acq_by: '测试员' });
    const row = session.db.prepare('SELECT raw, line, row_hash, ts_utc, amount_minor FROM txn ORDER BY line LIMIT 1').get() as { raw: string; line: number; row_hash: string; ts_utc: number; amount_minor: number };
    expect(JSON.parse(row.raw)).toMatchObject({ 账号: 'A1\t', 金额: '100\t' });
    expect(row).toMatchObject({ line: 2, ts_utc: Date.UTC(2024, 0, 1, 2), amount_minor: 10000 });
    expect(row.row_hash).toMatch(/^[0-9a-f]{64}$/);

    const stats = caseStats(session);
    expect(stats).toMatchObject({ sources: 1, transactions: 2, rejected: 1, accounts: 1, sumInMinor: { CNY: 10000 }, sumOutMinor: { CNY: 3000 } });
    session.close();
  });

  it('refuses a file already in the case by its hash, with a clear message', async () => {
    const { session, inbox } = setup(tempDir);
    const file = join(inbox, 'a.csv');
    writeFileSync(file, gbk([HEADER, 'A1,2024-01-01 10:00:00,100,进,100,,T1,是']));
    await importPaths(session, [file]);
    await expect(importPaths(session, [file])).rejects.toThrow(/already imported as source #1/);
    expect(caseStats(session).transactions).toBe(1);
    session.close();
  });

  it('is atomic: one unreadable file and nothing of the job is written, its originals removed', async () => {
    const { session, inbox } = setup(tempDir);
    writeFileSync(join(inbox, 'good.csv'), gbk([HEADER, 'A1,2024-01-01 10:00:00,100,进,100,,T1,是']));
    writeFileSync(join(inbox, 'junk.csv'), Buffer.concat([Buffer.from('账号,时间,金额\n'), Buffer.alloc(64, 0)]));
    const before = readdirSync(join(session.caseDir, 'originals'));
    let caught: unknown;
    try {
      await importPaths(session, [join(inbox, 'good.csv'), join(inbox, 'junk.csv')]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('IMPORT_UNREADABLE');
    expect((caught as AppError).message).toContain('junk.csv');
    expect(caseStats(session)).toMatchObject({ sources: 0, transactions: 0 });
    expect(session.db.prepare('SELECT count(*) AS n FROM import_job').get()).toEqual({ n: 0 });
    expect(readdirSync(join(session.caseDir, 'originals'))).toEqual(before);
    session.close();
  });

  it('marks duplicates from overlapping statements, links the two legs of a transfer, and finds balance breaks', async () => {
    const { session, inbox } = setup(tempDir);
    // statement of A1 (two overlapping exports) and of B1; A1 → B1 100 appears in both
    writeFileSync(join(inbox, 'a-jan.csv'), gbk([HEADER, 'A1,2024-01-01 10:00:00,500,进,500,X9,T1,是', 'A1,2024-01-02 10:00:00,100,出,400,B1,T2,是']));
    writeFileSync(
      join(inbox, 'a-overlap.csv'),
      gbk([HEADER, 'A1,2024-01-02 10:00:00,100,出,400,B1,T2,是', 'A1,2024-01-03 10:00:00,50,出,300,,T3,是', 'A1,2024-01-04 10:00:00,10,出,290,,T4,否']),
    );
    writeFileSync(join(inbox, 'b.csv'), gbk([HEADER, 'B1,2024-01-02 10:05:00,100,进,100,A1,U1,是']));
    const report = await importPaths(session, [join(inbox, 'a-jan.csv'), join(inbox, 'a-overlap.csv'), join(inbox, 'b.csv')]);
    expect(report.quality).toMatchObject({ duplicates: 1, mirrorPairs: 1, balanceBreaks: 1 });
    const dup = session.db.prepare("SELECT dup_of, dup_rule FROM txn WHERE txn_no = 'T2' AND dup_of IS NOT NULL").get();
    expect(dup).toMatchObject({ dup_rule: 'txn-no' });
    // 400 - 50 should be 350, the statement says 300: a missing or edited row
    const brk = session.db.prepare('SELECT txn_no, balance_expected FROM txn WHERE balance_expected IS NOT NULL').get();
    expect(brk).toEqual({ txn_no: 'T3', balance_expected: 35000 });
    const stats = caseStats(session);
    expect(stats).toMatchObject({ transactions: 6, failed: 1, duplicates: 1, mirrorPairs: 1, balanceBreaks: 1 });
    // sums: successful, non-duplicate rows, each in its own statement
    expect(stats.sumInMinor).toEqual({ CNY: 60000 });
    expect(stats.sumOutMinor).toEqual({ CNY: 15000 });
    const steps = session.db.prepare('SELECT step FROM cleaning_step ORDER BY id').all();
    expect(steps).toEqual([{ step: 'duplicates' }, { step: 'reversals' }, { step: 'mirror-pairs' }, { step: 'balance-continuity' }]);
    session.close();
  });

  it('flags a reversal (冲正) against the transaction it undoes, and nothing that merely has the same amount', async () => {
    const { session, inbox } = setup(tempDir);
    const header = `${HEADER},摘要`;
    writeFileSync(
      join(inbox, 'r.csv'),
      gbk([
        header,
        'A1,2024-01-01 10:00:00,300,出,700,B9,R1,是,转账',
        'A1,2024-01-01 11:00:00,300,进,1000,B9,R2,是,冲正',
        'A1,2024-01-03 09:00:00,300,进,1300,C1,R3,是,工资',
        'A1,2024-01-20 09:00:00,300,出,1000,B9,R4,是,转账',
        'A1,2024-02-20 09:00:00,300,进,1300,B9,R5,是,冲正',
      ]),
    );
    const report = await importPaths(session, [join(inbox, 'r.csv')]);
    expect(report.quality.reversals).toBe(1);
    const marked = session.db.prepare('SELECT r.txn_no AS reversal, o.txn_no AS original FROM txn r JOIN txn o ON o.id = r.reversal_of').all();
    // R5 comes a month after R4: outside the window, not a reversal of it
    expect(marked).toEqual([{ reversal: 'R2', original: 'R1' }]);
    session.close();
  });

  it('a bulk job rebuilds exactly the indexes the schema declares, and a failed one gets them back', async () => {
    const { session, inbox } = setup(tempDir);
    const indexes = () => session.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'txn' ORDER BY name").all();
    const declared = indexes();
    expect(declared.length).toBeGreaterThanOrEqual(4);
    writeFileSync(join(inbox, 'a.csv'), gbk([HEADER, 'A1,2024-01-01 10:00:00,100,进,100,,T1,是']));
    const bulk = (paths: string[]) =>
      runImport(session.db, { caseDir: session.caseDir, paths, operator: 't', timeZone: 'Asia/Shanghai', formats: [simpleFormat], bulkThresholdBytes: 0 });
    const report = await bulk([join(inbox, 'a.csv')]);
    expect(report.timings.indexes).toBeGreaterThanOrEqual(0);
    expect(indexes()).toEqual(declared);
    writeFileSync(join(inbox, 'b.csv'), gbk([HEADER, 'A1,2024-01-02 10:00:00,100,进,200,,T2,是']));
    writeFileSync(join(inbox, 'junk.csv'), Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0, 0, 0]));
    await expect(bulk([join(inbox, 'b.csv'), join(inbox, 'junk.csv')])).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
    expect(indexes()).toEqual(declared);
    session.close();
  });

  it('skips unrecognised files found in a folder but refuses one named explicitly', async () => {
    const { session, inbox } = setup(tempDir);
    writeFileSync(join(inbox, 'a.csv'), gbk([HEADER, 'A1,2024-01-01 10:00:00,100,进,100,,T1,是']));
    writeFileSync(join(inbox, '回执.txt'), '这不是流水');
    const report = await importPaths(session, [inbox]);
    expect(report.files.map((f) => [f.file.split('/').pop(), f.status])).toEqual([
      ['a.csv', 'imported'],
      ['回执.txt', 'skipped'],
    ]);
    expect(report.files[1]?.skip).toEqual({ code: 'unrecognised' });
    await expect(importPaths(session, [join(inbox, '回执.txt')])).rejects.toMatchObject({ code: 'IMPORT_UNRECOGNISED' });
    // the folder again with one new statement: the old one is already in the case (named by its source), the note
    // is still unknown, and the screens get each reason as a code
    writeFileSync(join(inbox, 'b.csv'), gbk([HEADER, 'A1,2024-01-02 10:00:00,100,进,200,,T2,是']));
    const again = await importPaths(session, [inbox]);
    expect(again.files.map((f) => f.skip)).toEqual([
      { code: 'already-imported', sourceId: 1, relPath: report.files[0]?.file, importedAt: expect.any(String) as string },
      null,
      { code: 'unrecognised' },
    ]);
    expect(existsSync(join(session.caseDir, 'originals'))).toBe(true);
    session.close();
  });
});
