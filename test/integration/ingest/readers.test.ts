import { writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '@shared/parsers/types';
import { openSourceFile } from '../../../electron/core/ingest/read/open-source-file';
import { useTempDirs } from '../../support/temp-dir';

async function readAll(path: string, name = path): Promise<{ encoding: string; records: SourceRecord[] }> {
  const file = await openSourceFile(path, name);
  const records: SourceRecord[] = [];
  for await (const record of file.records()) records.push(record);
  return { encoding: file.encoding, records };
}

async function failure(path: string, name: string): Promise<{ code: string; message: string }> {
  try {
    await readAll(path, name);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the file to be refused');
}

describe('file readers', () => {
  const tempDir = useTempDirs();

  it('reads GB18030 CSV with trailing tabs, keeping cells exactly as written', async () => {
    const path = join(tempDir(), '工商银行交易明细信息.csv');
    writeFileSync(path, iconv.encode('交易卡号\t,交易户名\t,交易金额\t\r\n6222020200112233445\t,张三\t,"1,234.50\t"\r\n', 'gb18030'));
    const { encoding, records } = await readAll(path);
    expect(encoding).toBe('gb18030');
    expect(records).toEqual([
      { sheet: '', line: 1, cells: ['交易卡号\t', '交易户名\t', '交易金额\t'] },
      { sheet: '', line: 2, cells: ['6222020200112233445\t', '张三\t', '1,234.50\t'] },
    ]);
  });

  it('honours byte-order marks (UTF-8, UTF-16LE) and tab-separated TXT', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名,金额\n李四,5\n')]));
    writeFileSync(join(dir, 'TenpayTrades.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('用户ID\t交易单号\nwx1\t100\n', 'utf16le')]));
    expect(await readAll(join(dir, 'a.csv'))).toMatchObject({ encoding: 'utf-8', records: [{ cells: ['姓名', '金额'] }, { cells: ['李四', '5'] }] });
    expect(await readAll(join(dir, 'TenpayTrades.txt'))).toMatchObject({ encoding: 'utf-16le', records: [{ cells: ['用户ID', '交易单号'] }, { cells: ['wx1', '100'] }] });
  });

  it('counts lines through quoted newlines, so provenance points at the right line', async () => {
    const path = join(tempDir(), 'q.csv');
    writeFileSync(path, 'a,b\n1,"two\nlines"\n3,4\n');
    const { records } = await readAll(path);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]?.cells).toEqual(['1', 'two\nlines']);
  });

  it('refuses a 10 MB line, binary junk and an empty file with the file, line and reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'long.csv'), `a,b\n1,2\n${'x'.repeat(10 * 1024 * 1024)}\n`);
    writeFileSync(join(dir, 'junk.csv'), Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0, 1, 2, 3, 0, 0, 0xff, 0x00]));
    writeFileSync(join(dir, 'empty.csv'), '');
    expect(await failure(join(dir, 'long.csv'), 'long.csv')).toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/long\.csv, line 3: line longer than 4 MB/) as unknown });
    expect(await failure(join(dir, 'junk.csv'), 'junk.csv')).toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/junk\.csv.*NUL/) as unknown });
    expect(await failure(join(dir, 'empty.csv'), 'empty.csv')).toMatchObject({ message: expect.stringMatching(/empty/) as unknown });
  });

  it('streams .xlsx sheets with dates as the wall-clock text Excel shows', async () => {
    const path = join(tempDir(), 'book.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('明细');
    sheet.addRow(['交易时间', '金额', '卡号']);
    sheet.addRow([new Date(Date.UTC(2024, 2, 5, 14, 30, 0)), 1234.5, '6222020200112233445']);
    await book.xlsx.writeFile(path);
    const { encoding, records } = await readAll(path);
    expect(encoding).toBe('xlsx');
    expect(records).toEqual([
      { sheet: '明细', line: 1, cells: ['交易时间', '金额', '卡号'] },
      { sheet: '明细', line: 2, cells: ['2024-03-05 14:30:00', '1234.5', '6222020200112233445'] },
    ]);
  });

  it('refuses an .xlsx zip bomb before decompressing it', async () => {
    const path = join(tempDir(), 'bomb.xlsx');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(80 * 1024 * 1024), 'xl/worksheets/sheet1.xml');
    zip.end();
    await new Promise<void>((resolve) => zip.outputStream.pipe(createWriteStream(path)).on('close', () => resolve()));
    expect(await failure(path, 'bomb.xlsx')).toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/zip bomb/) as unknown });
  });

  it('reads legacy .xls through the capped SheetJS worker, and refuses a corrupt one', async () => {
    const dir = tempDir();
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['交易卡号', '交易金额'], ['6222020200112233445', '88.80']]), '工作表1');
    writeFileSync(join(dir, 'old.xls'), XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    expect(await readAll(join(dir, 'old.xls'))).toMatchObject({
      encoding: 'xls',
      records: [
        { sheet: '工作表1', line: 1, cells: ['交易卡号', '交易金额'] },
        { sheet: '工作表1', line: 2, cells: ['6222020200112233445', '88.80'] },
      ],
    });
    writeFileSync(join(dir, 'bad.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]));
    expect(await failure(join(dir, 'bad.xls'), 'bad.xls')).toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/bad\.xls: damaged or unsupported \.xls/) as unknown });
  });
});
