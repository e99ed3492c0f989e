import { describe, expect, it } from 'vitest';
import { CCXK_ACCOUNTS } from '@shared/parsers/bank';
import type { AccountDraft, FileWarning, RowError } from '@shared/parsers/types';
import { mapAll } from '../../../support/parser-records';
import { mapOneRow, mapTable, warning } from './bank-fixtures';

/** Subject and counterparty numbers, and the rows of an export that are not transactions. */

const CARD = '6214620112345677';
const AT = '2024-03-15 09:30:12';
const HEADER = ['交易卡号', '交易账号', '交易时间', '交易金额', '收付标志', '交易余额', '摘要说明'];

describe('account and card numbers', () => {
  it.each(["'6214620112345677", '="6214620112345677"', '6214 6201 1234 5677', '6214-6201-1234-5677', '6214620112345677.0', '６２１４６２０１１２３４５６７７'])(
    '%j is card 6214620112345677',
    async (cell) => {
      const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志'], [cell, AT, '10.00', '进']);
      expect(t.account).toMatchObject({ number: CARD, cardNumber: CARD });
    },
  );

  it('warns about a 卡号 that fails the Luhn check but keeps the row; 对公 账号 are never checked', async () => {
    const parsed = await mapTable(HEADER, [
      ['6214620112345678', '', AT, '10.00', '进', '', ''],
      ['', '1202021009000123456', AT, '10.00', '进', '', ''],
      [CARD, '1202021009000123457', AT, '10.00', '进', '', ''],
    ]);
    expect(parsed.txns.map((t) => t.account.number)).toEqual(['6214620112345678', '1202021009000123456', CARD]);
    expect(warning(parsed, 'BANK_CARD_CHECK_DIGIT').message).toMatch(/^1 行的卡号未通过 Luhn 校验位检查.*第 2 行；取值：“6214620112345678”/);
  });

  it('warns when a long number ends in the zeros Excel leaves after 15 digits', async () => {
    const parsed = await mapTable(HEADER, [['6222020200112230000', '', AT, '10.00', '进', '', '']]);
    expect(parsed.txns[0]?.account.number).toBe('6222020200112230000');
    expect(warning(parsed, 'BANK_NUMBER_DIGITS_LOST').message).toContain('第 2 行');
    expect(parsed.warnings.map((w) => w.code)).not.toContain('BANK_CARD_CHECK_DIGIT');
  });

  it('warns when one number is printed with and without its leading zeros (stored as a number somewhere)', async () => {
    const parsed = await mapTable(HEADER, [
      ['', '0200123456789', AT, '10.00', '进', '', ''],
      ['', '200123456789', AT, '10.00', '进', '', ''],
    ]);
    expect(parsed.txns.map((t) => t.account.number)).toEqual(['0200123456789', '200123456789']);
    expect(warning(parsed, 'BANK_NUMBER_LEADING_ZEROS').message).toMatch(/第 3 行；取值：“0200123456789 \/ 200123456789”/);
  });

  it('does the same checks on 账户信息 and says why a row without a usable number is rejected', async () => {
    const records = [
      ['账户开户名称', '交易卡号', '交易账号', '账户状态'],
      ['李明华', '6.22202E+18', '9550880212345600101', '正常'],
      ['李明华', '6.22202E+18', '', '正常'],
    ].map((cells, index) => ({ sheet: '', line: index + 1, cells }));
    const out = await mapAll(CCXK_ACCOUNTS, records, { fileName: '某银行账户信息.csv', relPath: '某银行账户信息.csv', timeZone: 'Asia/Shanghai' });
    expect(out.filter((o): o is AccountDraft => o.type === 'account').map((a) => a.account.number)).toEqual(['9550880212345600101']);
    expect(out.filter((o): o is RowError => o.type === 'error').map((e) => [e.line, e.message])).toEqual([
      [3, '交易卡号/交易账号被 Excel 改成了科学计数法，原号码已无法恢复，无法确定账户'],
    ]);
    expect(out.filter((o): o is FileWarning => o.type === 'warning').map((w) => w.code)).toEqual(['BANK_NUMBER_EXPONENT']);
  });

  it('keeps the _n sub-account and the masked counterparty as printed', async () => {
    const t = await mapOneRow([...HEADER, '对方账号'], [CARD, '9550880212345600101_2', AT, '10.00', '出', '', '', '6226******5669']);
    expect(t.account).toMatchObject({ number: CARD, subAccount: '2', accountNumber: '9550880212345600101' });
    expect(t.counterparty.account).toBe('6226******5669');
  });
});

describe('rows that are not transactions', () => {
  const row = (amount: string, balance: string, summary = '转账'): string[] => [CARD, '9550880212345600101', AT, amount, '进', balance, summary];

  it('skips title rows, totals, repeated headers, page titles and footers, and lists them in one warning', async () => {
    const parsed = await mapTable(
      HEADER,
      [
        row('100.00', '1100.00'),
        ['', '', '', '', '', '', ''],
        ['合计', '', '', '100.00', '', '', ''],
        ['中国某某银行交易明细（第 2 页）'],
        HEADER,
        row('50.00', '1150.00', '合计利息'),
        [CARD, '9550880212345600101', '', '150.00', '', '', '小计'],
        ['总计：2 笔', '', '', '150.00'],
        ['以下空白'],
        ['打印人：张三', '', '打印时间：2024-03-20 10:00:00'],
      ],
      { above: [['中国某某银行交易明细'], ['查询条件：卡号 6214620112345677，2024-03-01 至 2024-03-31'], ['开户行：某某支行'], ['打印时间：2024-03-20 10:00:00']] },
    );
    expect(parsed.txns.map((t) => [t.line, t.amountMinor, t.summary])).toEqual([
      [6, 10_000, '转账'],
      [11, 5_000, '合计利息'],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(warning(parsed, 'BANK_NON_DATA_ROWS').message).toMatch(/^6 行是合计、页眉页脚或标题行.*（第 8, 9, 12, 13, 14, 15 行；/);
  });

  it('skips a header repeated on every sheet page of a workbook', async () => {
    const parsed = await mapTable(HEADER, [row('1.00', '1.00'), HEADER, row('2.00', '3.00')], { sheet: '明细' });
    expect(parsed.txns.map((t) => t.line)).toEqual([2, 4]);
    expect(parsed.outputs.filter((o) => o.type !== 'txn')).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ['交易类型', '合计转账', '', ''],
    ['交易类型', '累计申购', '00000000', '00000000'],
    ['对方开户网点', '开户行营业部', '', ''],
    ['交易类型', '打印机构转账', '0000-00-00 00:00:00', '0000-00-00 00:00:00'],
  ])('imports a real row whose %s reads %j and whose time is missing (%j): never skipped as a total', async (column, cell, time, original) => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '收付标志', column], [
      [CARD, AT, '50.00', '进', '转账'],
      [CARD, time, '100.00', '出', cell],
    ]);
    expect(parsed.txns.map((t) => [t.line, t.amountMinor, t.time.utcMs, t.time.original])).toEqual([
      [2, 5_000, expect.any(Number) as unknown, AT],
      [3, -10_000, null, original],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(warning(parsed, 'BANK_TIME_MISSING').message).toContain('第 3 行');
    expect(parsed.warnings.map((w) => w.code)).not.toContain('BANK_NON_DATA_ROWS');
  });

  it('rejects, rather than skips, a labelled row with an amount and an account whose time is unreadable', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '收付标志', '交易类型'], [[CARD, '2024-13-45', '100.00', '出', '合计转账']]);
    expect(parsed.txns).toEqual([]);
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([[2, 'BAD_TIME']]);
  });

  it.each<[string, string[]]>([
    ['no account number', ['', '', '100.00', '', '合计转账']],
    ['no amount', [CARD, '', '', '', '开户行营业部']],
    ['a bare totals label', [CARD, '', '100.00', '', '本页合计：']],
  ])('still skips a labelled row with %s', async (_what, cells) => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '收付标志', '交易类型'], [[CARD, AT, '1.00', '进', '转账'], cells]);
    expect(parsed.txns.map((t) => t.line)).toEqual([2]);
    expect(parsed.errors).toEqual([]);
    expect(warning(parsed, 'BANK_NON_DATA_ROWS').message).toContain('第 3 行');
  });

  it('still rejects a dated row without an amount, and an undated row with an amount and an account', async () => {
    const parsed = await mapTable(HEADER, [row('', '1.00'), [CARD, '', '', '5.00', '进', '', '']]);
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([[2, 'MISSING_FIELD']]);
    expect(parsed.txns.map((t) => [t.line, t.time.utcMs])).toEqual([[3, null]]);
    expect(warning(parsed, 'BANK_TIME_MISSING').message).toContain('第 3 行');
  });
});
