import { describe, expect, it } from 'vitest';
import { mapOneRow, mapTable, shanghai, warning } from './bank-fixtures';

/** Amount and time cells as 查控 returns print them, through the real 交易明细 mapper. */

const CARD = '6214620112345677';
const AT = '2024-03-15 09:30:12';
const FLAGGED = ['交易卡号', '交易时间', '交易金额', '收付标志'];

describe('amount cells', () => {
  it.each([
    '1,234.56',
    '¥1,234.56',
    '￥1,234.56',
    'RMB1234.56',
    '1234.56元',
    '1,234.56 元',
    '１，２３４．５６',
    '1234.56 \t\t',
    '\t1234.560',
  ])('%j is 1234.56', async (cell) => {
    const t = await mapOneRow(FLAGGED, [CARD, AT, cell, '出'], { tabs: false });
    expect([t.amountMinor, t.direction]).toEqual([-123_456, 'out']);
  });

  it.each(['', '-', '--', '—'])('%j with a no-data answer is that answer, not a transaction', async (cell) => {
    const parsed = await mapTable([...FLAGGED, '查询反馈结果原因'], [[CARD, '', cell, '', '该账户在查询时段内无交易记录']]);
    expect(parsed.txns).toEqual([]);
    expect(parsed.errors).toEqual([]);
    expect(warning(parsed, 'BANK_FEEDBACK_ONLY_ROWS').message).toContain('第 2 行');
  });

  it.each(['', '-', '--'])('%j on a dated row is a row error naming the line', async (cell) => {
    const parsed = await mapTable(FLAGGED, [[CARD, AT, cell, '出']]);
    expect(parsed.errors).toEqual([{ type: 'error', sheet: '', line: 2, code: 'MISSING_FIELD', message: '交易金额为空' }]);
  });

  it('reads columns whose header says 分 in 分', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额(分)', '收付标志', '余额（分）'], [
      [CARD, AT, '123456', '出', '500000'],
      [CARD, AT, '1,000', '进', '501000'],
      [CARD, AT, '12.5', '进', '501000'],
    ]);
    expect(parsed.txns.map((t) => [t.amountMinor, t.balanceMinor])).toEqual([
      [-123_456, 500_000],
      [1_000, 501_000],
    ]);
    expect(parsed.errors).toEqual([{ type: 'error', sheet: '', line: 4, code: 'BAD_AMOUNT', message: '交易金额“12.5”不是以分为单位的整数' }]);
  });

  it('reads split 支出/存入 columns in 分', async () => {
    const t = await mapOneRow(['交易卡号', '交易时间', '支出金额(分)', '存入金额(分)'], [CARD, AT, '2050', '0']);
    expect([t.amountMinor, t.direction]).toEqual([-2050, 'out']);
  });

  it.each<[string, string, number]>([
    ['交易金额(万元)', '1.5', 1_500_000],
    ['交易金额（单位：万元）', '0.000123', 123],
    ['交易金额(万)', '2', 2_000_000],
    ['交易金额(千元)', '1,234.5', 123_450_000],
    ['发生额(万元)', '-0.5', 500_000],
    ['交易金额(人民币元)', '1.5', 150],
    ['交易金额(角)', '15', 150],
    ['发生额(分)', '150', 150],
  ])('reads %s %j exactly, in 分, as %d', async (header, cell, magnitude) => {
    const t = await mapOneRow(['交易卡号', '交易时间', header, '收付标志'], [CARD, AT, cell, '进']);
    expect([t.amountMinor, t.direction]).toEqual([magnitude, 'in']);
  });

  it('converts split columns and the balance by the unit their headers state', async () => {
    const t = await mapOneRow(['交易卡号', '交易时间', '支出金额(万元)', '存入金额(万元)', '余额(万元)'], [CARD, AT, '0.25', '', '12.3456']);
    expect([t.amountMinor, t.direction, t.directionRaw, t.balanceMinor]).toEqual([-250_000, 'out', '支出金额(万元)', 12_345_600]);
  });

  it.each<[string, string, string]>([
    ['交易金额(万元)', '1.2345678', '交易金额(万元)“1.2345678”按万元换算为元后小数超过两位'],
    ['交易金额(万元)', '1.5E+3', '交易金额(万元)“1.5E+3”按万元换算为元后是科学计数法（原值已失真）'],
    ['交易金额(美元)', '10.00', '交易金额(美元)“10.00”的单位是“美元”，不是人民币元，无法换算，未导入'],
    ['交易金额(USD)', '10.00', '交易金额(USD)“10.00”的单位是“USD”，不是人民币元，无法换算，未导入'],
  ])('never reads %s %j as 元: the row is rejected naming the header', async (header, cell, message) => {
    const parsed = await mapTable(['交易卡号', '交易时间', header, '收付标志'], [[CARD, AT, cell, '进']]);
    expect(parsed.txns).toEqual([]);
    expect(parsed.errors).toEqual([{ type: 'error', sheet: '', line: 2, code: 'BAD_AMOUNT', message }]);
  });

  it('keeps the rows of a balance in another currency but not the balance, and says so once', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '收付标志', '余额(港币)'], [[CARD, AT, '10.00', '进', '99.00'], [CARD, AT, '10.00', '进', '109.00']]);
    expect(parsed.txns.map((t) => [t.amountMinor, t.balanceMinor])).toEqual([[1000, null], [1000, null]]);
    expect(parsed.warnings.filter((w) => w.code === 'BANK_BALANCE_UNIT_UNKNOWN').map((w) => w.message)).toEqual([
      '余额列“余额(港币)”的单位是“港币”，不是人民币元，无法换算：余额未导入',
    ]);
  });

  it('rejects an amount Excel turned into scientific notation', async () => {
    const parsed = await mapTable(FLAGGED, [[CARD, AT, '1.23457E+06', '出']]);
    expect(parsed.errors).toEqual([{ type: 'error', sheet: '', line: 2, code: 'BAD_AMOUNT', message: '交易金额“1.23457E+06”是科学计数法（原值已失真）' }]);
  });
});

describe('account numbers damaged by Excel', () => {
  it('never uses a card number in scientific notation: the row falls back to 交易账号 and the file is warned', async () => {
    const parsed = await mapTable(['交易卡号', '交易账号', '交易时间', '交易金额', '收付标志'], [['6.22202E+18', '9550880212345600101', AT, '10.00', '进']]);
    expect(parsed.txns[0]?.account).toMatchObject({ number: '9550880212345600101', cardNumber: undefined });
    expect(parsed.txns[0]?.raw['交易卡号']).toBe('6.22202E+18\t');
    expect(warning(parsed, 'BANK_NUMBER_EXPONENT').message).toMatch(/^1 行的账号\/卡号被 Excel 改成了科学计数法.*第 2 行；取值：“6\.22202E\+18”/);
  });

  it('rejects the row, saying why, when the damaged number is the only one', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '收付标志'], [['6.22202E+18', AT, '10.00', '进']]);
    expect(parsed.errors).toEqual([
      { type: 'error', sheet: '', line: 2, code: 'MISSING_FIELD', message: '交易卡号“6.22202E+18”被 Excel 改成了科学计数法，原号码已无法恢复，无法归属到账户' },
    ]);
  });

  it('drops a damaged counterparty number and says so', async () => {
    const parsed = await mapTable([...FLAGGED, '交易对手账卡号'], [[CARD, AT, '10.00', '出', '6.22202E+18']]);
    expect(parsed.txns[0]?.counterparty.account).toBeUndefined();
    expect(warning(parsed, 'BANK_NUMBER_EXPONENT').message).toContain('第 2 行');
  });
});

describe('time cells', () => {
  it.each<[string, number]>([
    ['2024-03-15 09:30:12', shanghai(2024, 3, 15, 9, 30, 12)],
    ['2024/3/15 9:30', shanghai(2024, 3, 15, 9, 30)],
    ['20240315 093012', shanghai(2024, 3, 15, 9, 30, 12)],
    ['20240315 93012', shanghai(2024, 3, 15, 9, 30, 12)],
    ['20240315093012', shanghai(2024, 3, 15, 9, 30, 12)],
    ['2024-03-15T09:30:12', shanghai(2024, 3, 15, 9, 30, 12)],
    ['2024年3月15日 09:30:12', shanghai(2024, 3, 15, 9, 30, 12)],
    ['2024-03-15 09:30:12.123', shanghai(2024, 3, 15, 9, 30, 12, 123)],
    ['2024-03-15 09:30:12:123', shanghai(2024, 3, 15, 9, 30, 12, 123)],
    ['20240315093012.123', shanghai(2024, 3, 15, 9, 30, 12, 123)],
    ['2024-03-15-09.30.12.000000', shanghai(2024, 3, 15, 9, 30, 12)],
    ['2024-03-15 下午2:30:12', shanghai(2024, 3, 15, 14, 30, 12)],
    ['2024/3/15 上午9:30', shanghai(2024, 3, 15, 9, 30)],
    ['2024-03-15 02:30:12 PM', shanghai(2024, 3, 15, 14, 30, 12)],
    ['2024-03-15 12:05:00 AM', shanghai(2024, 3, 15, 0, 5)],
    ['2024年3月15日下午2时30分', shanghai(2024, 3, 15, 14, 30)],
  ])('%j', async (cell, utcMs) => {
    const t = await mapOneRow(FLAGGED, [CARD, cell, '10.00', '进']);
    expect(t.time).toEqual({ utcMs, original: cell, offsetMinutes: 480 });
  });

  it.each<[string, string, number]>([
    ['20240315', '93012', shanghai(2024, 3, 15, 9, 30, 12)],
    ['20240315', '093012', shanghai(2024, 3, 15, 9, 30, 12)],
    ['20240315', '09:30:12', shanghai(2024, 3, 15, 9, 30, 12)],
    ['2024-03-15', '9:30', shanghai(2024, 3, 15, 9, 30)],
    ['2024/03/15', '下午2:30:12', shanghai(2024, 3, 15, 14, 30, 12)],
    // a workbook's date cell read as a date-time, and its time-only cell read on Excel's day zero
    ['2024-03-15 00:00:00', '09:30:12', shanghai(2024, 3, 15, 9, 30, 12)],
    ['20240315', '1899-12-30 09:30:12', shanghai(2024, 3, 15, 9, 30, 12)],
  ])('交易日期 %j + 交易时间 %j', async (date, time, utcMs) => {
    const t = await mapOneRow(['交易卡号', '交易日期', '交易时间', '交易金额', '收付标志'], [CARD, date, time, '10.00', '进']);
    expect(t.time.utcMs).toBe(utcMs);
    expect(t.time.original).toBe(`${date} ${time}`);
  });

  it.each<[string, string, number, string | undefined]>([
    // an HHmmss number stored by Excel without its leading zeros: exact once padded back to six digits
    ['20240315', '1234', shanghai(2024, 3, 15, 0, 12, 34), undefined],
    ['20240315', '934', shanghai(2024, 3, 15, 0, 9, 34), undefined],
    ['20240315', '59', shanghai(2024, 3, 15, 0, 0, 59), undefined],
    ['20240315', '5', shanghai(2024, 3, 15, 0, 0, 5), undefined],
    ['20240315', '0', shanghai(2024, 3, 15), 'BANK_TIME_MIDNIGHT'],
  ])('交易日期 %j + 交易时间 %j (leading zeros lost)', async (date, time, utcMs, warned) => {
    const parsed = await mapTable(['交易卡号', '交易日期', '交易时间', '交易金额', '收付标志'], [[CARD, date, time, '10.00', '进']]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.txns[0]?.time).toEqual({ utcMs, original: `${date} ${time}`, offsetMinutes: 480 });
    expect(parsed.warnings.map((w) => w.code).filter((code) => code.startsWith('BANK_TIME'))).toEqual(warned === undefined ? [] : [warned]);
  });

  it.each(['1260', '960', '250000', '12345678'])('交易时间 %j beside 交易日期 is no time of day: rejected, not guessed', async (time) => {
    const parsed = await mapTable(['交易卡号', '交易日期', '交易时间', '交易金额', '收付标志'], [[CARD, '20240315', time, '10.00', '进']]);
    expect(parsed.txns).toEqual([]);
    expect(parsed.errors.map((e) => [e.code, e.message])).toEqual([['BAD_TIME', expect.stringMatching(new RegExp(`^交易时间“(20240315 )?${time}”无法读取：`)) as unknown]]);
  });

  it.each<[string, number | null]>([
    // the same number written after the date in one cell is read the same way: 00:01:23, never 01:23
    ['20240315 123', shanghai(2024, 3, 15, 0, 1, 23)],
    ['20240315 1234', shanghai(2024, 3, 15, 0, 12, 34)],
    ['20240315 5', shanghai(2024, 3, 15, 0, 0, 5)],
    // ISO 8601 basic: hhmm or hhmmss after a T, and nothing shorter
    ['20240315T0930', shanghai(2024, 3, 15, 9, 30)],
    ['20240315T093012', shanghai(2024, 3, 15, 9, 30, 12)],
    ['20240315T930', null],
    ['20240315 1260', null],
  ])('one cell %j', async (cell, utcMs) => {
    const parsed = await mapTable(FLAGGED, [[CARD, cell, '10.00', '进']]);
    if (utcMs === null) {
      expect(parsed.errors.map((e) => e.code)).toEqual(['BAD_TIME']);
    } else {
      expect(parsed.errors).toEqual([]);
      expect(parsed.txns[0]?.time).toEqual({ utcMs, original: cell, offsetMinutes: 480 });
    }
  });

  it('reads Excel serial numbers in workbook cells, alone or split into date and time', async () => {
    const sheet = { sheet: 'Sheet1' };
    const single = await mapOneRow(FLAGGED, [CARD, '45366.395972222224', '10.00', '进'], sheet);
    const split = await mapOneRow(['交易卡号', '交易日期', '交易时间', '交易金额', '收付标志'], [CARD, '45366', '0.395972222222222', '10.00', '进'], sheet);
    expect([single.time.utcMs, split.time.utcMs]).toEqual([shanghai(2024, 3, 15, 9, 30, 12), shanghai(2024, 3, 15, 9, 30, 12)]);
  });

  it.each<[string[], string]>([
    [[CARD, '2024-02-30 10:00:00', '10.00', '进'], '交易时间“2024-02-30 10:00:00”无法读取：日期不存在'],
    [[CARD, '15/03/2024 09:30', '10.00', '进'], '交易时间“15/03/2024 09:30”无法读取：格式无法识别'],
    [[CARD, '2024-03-15 晚上12:00', '10.00', '进'], '交易时间“2024-03-15 晚上12:00”无法读取：格式无法识别'],
    [[CARD, '昨天', '10.00', '进'], '交易时间“昨天”无法读取：格式无法识别'],
  ])('a time that cannot be read is a row error with its line and reason, never a guess: %j', async (row, message) => {
    const parsed = await mapTable(FLAGGED, [[CARD, AT, '1.00', '进'], row]);
    expect(parsed.txns.map((t) => t.line)).toEqual([2]);
    expect(parsed.errors).toEqual([{ type: 'error', sheet: '', line: 3, code: 'BAD_TIME', message }]);
  });

  it('does not read a text file’s 5-digit number as an Excel date', async () => {
    const parsed = await mapTable(FLAGGED, [[CARD, '45366', '10.00', '进']]);
    expect(parsed.errors.map((e) => e.code)).toEqual(['BAD_TIME']);
  });
});
