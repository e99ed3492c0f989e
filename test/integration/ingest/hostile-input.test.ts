import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';

const HEADER = ['交易卡号', '交易账号', '交易户名', '交易证件号码', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '对手户名', '摘要说明', '交易是否成功'];
const ROW = ['6222020200112233445', '6222020200112233445', '张三', '110101199003071234', '20240301101500', '100.00', '1100.00', '进', '6217000010001234567', '李四', '转账', '是'];

function csv(rows: string[][]): string {
  const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}\t"` : `${cell}\t`);
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

function setup(tempDir: () => string) {
  const dir = tempDir();
  const session = CaseSession.create(join(dir, 'case'), { caseName: 'hostile' }, { host: 'cli', operator: 't' });
  const inbox = join(dir, 'in');
  mkdirSync(inbox);
  const run = (file: string) => runImport(session.db, { caseDir: session.caseDir, paths: [join(inbox, file)], operator: 't', timeZone: 'Asia/Shanghai' });
  return { session, inbox, run };
}

describe('hostile and broken 查控 files', () => {
  const tempDir = useTempDirs();

  it('a file cut off mid-row and mid-character imports what is whole and reports the broken last row', async () => {
    const { session, inbox, run } = setup(tempDir);
    const bytes = iconv.encode(csv([HEADER, ROW, ROW.map((c, i) => (i === 4 ? '20240302101500' : c))]) + '6222020200112233445\t,6222020200112233445\t,张', 'gb18030');
    writeFileSync(join(inbox, '工商银行交易明细信息.csv'), bytes.subarray(0, bytes.length - 1));
    const report = await run('工商银行交易明细信息.csv');
    expect(report.files[0]).toMatchObject({ imported: 2, rejected: 1 });
    expect(report.files[0]?.errors[0]).toMatchObject({ line: 4 });
    session.close();
  });

  it('ragged rows (missing or extra cells) are rejected or read by header, with their line, never shifted', async () => {
    const { session, inbox, run } = setup(tempDir);
    writeFileSync(
      join(inbox, '工商银行交易明细信息.csv'),
      iconv.encode(csv([HEADER, ROW, ROW.slice(0, 5), [...ROW, '多余1', '多余2'], ROW.map((c, i) => (i === 4 ? '20240305080000' : c))]), 'gb18030'),
    );
    const report = await run('工商银行交易明细信息.csv');
    expect(report.files[0]).toMatchObject({ rejected: 1 });
    expect(report.files[0]?.errors.map((e) => e.line)).toEqual([3]);
    const amounts = session.db.prepare('SELECT line, amount_minor, cp_name FROM txn ORDER BY line').all();
    expect(amounts).toEqual([
      { line: 2, amount_minor: 10000, cp_name: '李四' },
      { line: 4, amount_minor: 10000, cp_name: '李四' },
      { line: 5, amount_minor: 10000, cp_name: '李四' },
    ]);
    session.close();
  });

  it('a UTF-16 file without a byte-order mark and a UTF-8 one are read as what they are', async () => {
    const { session, inbox, run } = setup(tempDir);
    writeFileSync(join(inbox, '建设银行交易明细信息.csv'), Buffer.from(csv([HEADER, ROW]), 'utf16le'));
    writeFileSync(join(inbox, '农业银行交易明细信息.csv'), Buffer.from(csv([HEADER, ROW.map((c, i) => (i === 0 || i === 1 ? '6228480012345678901' : c))]), 'utf8'));
    expect((await run('建设银行交易明细信息.csv')).files[0]).toMatchObject({ encoding: 'utf-16le', imported: 1 });
    expect((await run('农业银行交易明细信息.csv')).files[0]).toMatchObject({ encoding: 'utf-8', imported: 1 });
    expect(session.db.prepare("SELECT holder_name FROM account WHERE number = '6222020200112233445'").get()).toEqual({ holder_name: '张三' });
    session.close();
  });

  it('formula-looking and markup cells are stored as the text they are', async () => {
    const { session, inbox, run } = setup(tempDir);
    const hostile = ['=HYPERLINK("http://x","点我")', '<script>alert(1)</script>', '@SUM(A1)', '+1-1'];
    writeFileSync(
      join(inbox, '工商银行交易明细信息.csv'),
      iconv.encode(csv([HEADER, ...hostile.map((text, i) => ROW.map((c, j) => (j === 9 ? text : j === 4 ? `2024030${i + 1}101500` : c)))]), 'gb18030'),
    );
    await run('工商银行交易明细信息.csv');
    const names = session.db.prepare('SELECT cp_name FROM txn ORDER BY line').all().map((r) => (r as { cp_name: string }).cp_name);
    expect(names).toEqual(hostile);
    expect(caseStats(session).transactions).toBe(4);
    session.close();
  });
});
