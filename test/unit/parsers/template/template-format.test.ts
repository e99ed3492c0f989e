import { describe, expect, it } from 'vitest';
import type { MappingTemplate } from '@shared/domain';
import { detectFormats } from '@shared/parsers/registry';
import { detectableFormats, templateFormat } from '@shared/parsers/template';
import type { MapperOutput, RowError, SourceRecord, TxnDraft } from '@shared/parsers/types';
import { mapAll } from '../../../support/parser-records';

const HEADER = ['Account No', 'Date', 'Time', 'Description', 'Debit', 'Credit', 'Balance', 'Counterparty', 'Counterparty Account'];

/** An English statement export: a title line, the header, then rows (cells padded the way exports pad them). */
function statement(rows: string[][]): SourceRecord[] {
  return [
    { sheet: '', line: 1, cells: ['Statement of account 2024-03', '', '', '', '', '', '', '', ''] },
    { sheet: '', line: 2, cells: HEADER.map((cell) => `${cell} `) },
    ...rows.map((cells, index) => ({ sheet: '', line: index + 3, cells })),
  ];
}

const TEMPLATE: MappingTemplate = {
  id: 'template:某银行英文对账单@2',
  name: '某银行英文对账单',
  kind: 'transactions',
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  headerSignature: HEADER.map((cell) => cell.toLowerCase().replace(/\s+/g, '')),
  columnMap: {
    account: 'Account No',
    date: 'Date',
    timeOfDay: 'Time',
    summary: 'Description',
    debit: 'Debit',
    credit: 'Credit',
    balance: 'Balance',
    counterpartyName: 'Counterparty',
    counterpartyAccount: 'Counterparty Account',
  },
  rules: { dateForm: 'auto', amountConvention: 'split', inWords: [], outWords: [], currency: 'CNY', grade: 'self-provided', accountKind: 'bank' },
};

const CONTEXT = { fileName: 'statement.csv', relPath: 'statement.csv', timeZone: 'Asia/Shanghai' };

describe('templateFormat', () => {
  it('is a format named after the template version', () => {
    const format = templateFormat(TEMPLATE);
    expect(format).toMatchObject({ id: 'template:某银行英文对账单@2', version: 2, kind: 'transactions', grade: 'self-provided' });
  });

  it('maps split debit/credit rows into transactions in 分 with directions, UTC times and row errors by line', async () => {
    const records = statement([
      ['6222 0202 0000 1234', '2024-03-15', '10:30:00', 'Salary', '', '12,345.67', '20,000.00', 'ACME Ltd', '6217000011112222'],
      ['6222020200001234', '2024/03/16', '09:05', 'Rent', '3,000.5', '', '17,000.50', '王五', ''],
      ['', '', '', '', '', '', '', '', ''],
      ['6222020200001234', '2024-03-17', '23:59:59', 'Fee', '0.01', '', 'n/a', '', ''],
      ['6222020200001234', '2024-03-18', '08:00:00', 'Bad', '12.3x', '', '', '', ''],
      ['6222020200001234', '2024-13-01', '08:00:00', 'Bad date', '1.00', '', '', '', ''],
      ['6222020200001234', '2024-03-19', '08:00:00', 'Both', '1.00', '2.00', '', '', ''],
      ['', '2024-03-19', '08:00:00', 'No account', '1.00', '', '', '', ''],
    ]);
    const outputs: MapperOutput[] = await mapAll(templateFormat(TEMPLATE), records, CONTEXT);
    const txns = outputs.filter((o): o is TxnDraft => o.type === 'txn');
    const errors = outputs.filter((o): o is RowError => o.type === 'error');

    expect(txns.map((t) => [t.line, t.account.number, t.amountMinor, t.direction, t.directionRaw, t.balanceMinor, t.time.utcMs])).toEqual([
      [3, '6222020200001234', 1_234_567, 'in', 'Credit', 2_000_000, Date.UTC(2024, 2, 15, 2, 30, 0)],
      [4, '6222020200001234', -300_050, 'out', 'Debit', 1_700_050, Date.UTC(2024, 2, 16, 1, 5, 0)],
      [6, '6222020200001234', -1, 'out', 'Debit', null, Date.UTC(2024, 2, 17, 15, 59, 59)],
    ]);
    expect(txns[0]).toMatchObject({
      currency: 'CNY',
      summary: 'Salary',
      counterparty: { name: 'ACME Ltd', account: '6217000011112222' },
      time: { original: '2024-03-15 10:30:00', offsetMinutes: 480 },
      succeeded: true,
    });
    expect(txns[0]?.raw['Account No']).toBe('6222 0202 0000 1234');

    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [7, 'BAD_AMOUNT'],
      [8, 'BAD_TIME'],
      [9, 'BAD_AMOUNT'],
      [10, 'MISSING_FIELD'],
    ]);
    expect(errors[0]?.message).toContain('Debit“12.3x”');
    expect(outputs.some((o) => o.type === 'warning' && o.code === 'TEMPLATE_BALANCE_UNREADABLE')).toBe(true);
  });

  it('reads a flag column with the template’s own direction words', async () => {
    const flagged: MappingTemplate = {
      ...TEMPLATE,
      headerSignature: ['account', 'datetime', 'amount', 'type'],
      columnMap: { account: 'Account', time: 'DateTime', amount: 'Amount', direction: 'Type' },
      rules: { ...TEMPLATE.rules, amountConvention: 'flag', inWords: ['REFUND'], outWords: ['POS'] },
    };
    const records: SourceRecord[] = [
      { sheet: '', line: 1, cells: ['Account', 'DateTime', 'Amount', 'Type'] },
      { sheet: '', line: 2, cells: ['62220001', '2024-03-15T10:30:00+08:00', '99.90', 'POS'] },
      { sheet: '', line: 3, cells: ['62220001', '2024-03-15 11:00:00', '10', 'refund'] },
      { sheet: '', line: 4, cells: ['62220001', '2024-03-15 12:00:00', '5', '贷'] },
    ];
    const txns = (await mapAll(templateFormat(flagged), records, CONTEXT)).filter((o): o is TxnDraft => o.type === 'txn');
    expect(txns.map((t) => [t.amountMinor, t.direction])).toEqual([
      [-9_990, 'out'],
      [1_000, 'in'],
      [500, 'in'],
    ]);
  });

  it('reads amounts in the unit the mapped header states (分, 万元) exactly, and refuses another currency', async () => {
    const units = (amountHeader: string): MappingTemplate => ({
      ...TEMPLATE,
      headerSignature: ['account', 'datetime', amountHeader.toLowerCase()],
      columnMap: { account: 'Account', time: 'DateTime', amount: amountHeader },
      rules: { ...TEMPLATE.rules, amountConvention: 'signed' },
    });
    const rows = (amountHeader: string, values: string[]): SourceRecord[] => [
      { sheet: '', line: 1, cells: ['Account', 'DateTime', amountHeader] },
      ...values.map((value, index) => ({ sheet: '', line: index + 2, cells: ['62220001', '2024-03-15 10:30:00', value] })),
    ];
    const read = async (amountHeader: string, values: string[]) => {
      const outputs = await mapAll(templateFormat(units(amountHeader)), rows(amountHeader, values), CONTEXT);
      return outputs.flatMap((o): (number | string)[] => (o.type === 'txn' ? [o.amountMinor] : o.type === 'error' ? [o.message] : []));
    };
    expect(await read('交易金额(分)', ['1250', '-300', '12.5'])).toEqual([1_250, -300, '交易金额(分)“12.5”不能按表头的单位精确换算（小数位过多）']);
    expect(await read('金额（万元）', ['1.5', '-0.0001'])).toEqual([1_500_000, -100]);
    expect(await read('Amount (元)', ['12.34'])).toEqual([1_234]);
    expect(await read('金额(美元)', ['10.00'])).toEqual(['金额(美元)“10.00”的单位是美元，不是人民币，不能按元读取']);
  });

  it('is detected for the header it was made from (also under a title row) and not for a different header', () => {
    const head = statement([]);
    const ranked = detectFormats({ fileName: 'statement.csv', relPath: 'statement.csv', head }, detectableFormats([TEMPLATE]));
    expect(ranked[0]?.format.id).toBe('template:某银行英文对账单@2');
    expect(ranked[0]?.confidence).toBeGreaterThan(0.99);
    expect(ranked[0]?.reason).toContain('某银行英文对账单');

    const other: SourceRecord[] = [{ sheet: '', line: 1, cells: ['Account No', 'Date', 'Amount', 'Balance'] }];
    expect(templateFormat(TEMPLATE).detect({ fileName: 'x.csv', relPath: 'x.csv', head: other })).toBeNull();
  });

  it('uses only the latest version of a name for detection', () => {
    const older = { ...TEMPLATE, id: 'template:某银行英文对账单@1', version: 1 };
    const ids = detectableFormats([older, TEMPLATE]).map((format) => format.id);
    expect(ids).toContain('template:某银行英文对账单@2');
    expect(ids).not.toContain('template:某银行英文对账单@1');
  });
});
