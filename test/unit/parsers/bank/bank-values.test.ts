import { describe, expect, it } from 'vitest';
import { CCXK_TRANSACTIONS } from '@shared/parsers/bank';
import { bankAccountRef, splitAccountNumber } from '@shared/parsers/bank/account-number';
import { readBankAmount } from '@shared/parsers/bank/amount';
import type { AmountCells } from '@shared/parsers/bank/amount';
import { readBankTime } from '@shared/parsers/bank/bank-time';
import { bankNameFromPath, kindFromFileName } from '@shared/parsers/bank/file-name';
import { cashFlag, feedbackKind, ipAddress, macAddress, normaliseCurrency, successFlag } from '@shared/parsers/bank/values';
import type { TxnDraft } from '@shared/parsers/types';
import { mapAll } from '../../../support/parser-records';
import { shanghai } from './bank-fixtures';

/** One 交易明细 file with the given header and data row, through the real mapper. */
async function mapOne(header: readonly string[], row: readonly string[]): Promise<TxnDraft> {
  const records = [
    { sheet: '', line: 1, cells: header.map((h) => `${h}\t`) },
    { sheet: '', line: 2, cells: row.map((c) => `${c}\t`) },
  ];
  const out = await mapAll(CCXK_TRANSACTIONS, records, { fileName: '某银行交易明细信息.csv', relPath: '某银行交易明细信息.csv', timeZone: 'Asia/Shanghai' });
  const txn = out.find((o): o is TxnDraft => o.type === 'txn');
  if (txn === undefined) throw new Error(JSON.stringify(out));
  return txn;
}

describe('header aliases of DOMAIN.md §1.1 map to the same fields', () => {
  const base = { card: '6214620112345677', time: '2024-03-01 09:15:30', amount: '10.00' };

  it.each(['交易户名', '交易方户名', '账户开户名称', '本方户名', '户名'])('subject name %s', async (header) => {
    const t = await mapOne(['交易卡号', '交易时间', '交易金额', '收付标志', header], [base.card, base.time, base.amount, '进', '李明华']);
    expect(t.account.holderName).toBe('李明华');
  });

  it.each(['交易证件号码', '交易方证件号码', '开户人证件号码', '证件号码'])('subject ID %s', async (header) => {
    const t = await mapOne(['交易卡号', '交易时间', '交易金额', '收付标志', header], [base.card, base.time, base.amount, '进', '11010519850312008x']);
    expect(t.account.holderId).toBe('11010519850312008X');
  });

  it.each<[string, keyof TxnDraft | 'cpId' | 'cpAccount' | 'cpName' | 'cpBank']>([
    ['对手证件号', 'cpId'],
    ['对手身份证号', 'cpId'],
    ['交易对方证件号码', 'cpId'],
    ['交易对手账卡号', 'cpAccount'],
    ['交易对方账号', 'cpAccount'],
    ['对方账号', 'cpAccount'],
    ['对手户名', 'cpName'],
    ['交易对方名称', 'cpName'],
    ['对方户名', 'cpName'],
    ['对手开户银行', 'cpBank'],
    ['交易对方账号开户行', 'cpBank'],
    ['对方机构名', 'cpBank'],
    ['终端号', 'device'],
    ['渠道号', 'device'],
    ['交易发生地', 'location'],
    ['交易场所', 'location'],
    ['备注', 'memo'],
    ['附言', 'memo'],
    ['说明', 'memo'],
    ['摘要说明', 'summary'],
    ['交易摘要', 'summary'],
    ['交易渠道', 'channel'],
    ['商户代码', 'merchantCode'],
    ['商户号', 'merchantCode'],
  ])('%s → %s', async (header, field) => {
    const t = await mapOne(['交易卡号', '交易时间', '交易金额', '收付标志', header], [base.card, base.time, base.amount, '出', 'X123']);
    const counterparty = { cpId: t.counterparty.id, cpAccount: t.counterparty.account, cpName: t.counterparty.name, cpBank: t.counterparty.bank };
    const value = field in counterparty ? counterparty[field as keyof typeof counterparty] : t[field as keyof TxnDraft];
    expect(value).toBe('X123');
  });

  it.each<[string, string, 'in' | 'out' | null]>([
    ...(['进', '入', '收', '收入', '贷', 'C', 'c', 'Ｃ', '存入', '转入'] as const).map((flag) => ['收付标志', flag, 'in'] as [string, string, 'in']),
    ...(['出', '付', '支出', '借', 'D', '取出', '转出'] as const).map((flag) => ['借贷标志', flag, 'out'] as [string, string, 'out']),
    ['收付标志', '', null],
    ['收付标志', 'O', null],
    ['借贷标记', '1', null],
  ])('direction %s = %j → %s', async (header, flag, direction) => {
    const t = await mapOne(['交易卡号', '交易时间', '交易金额', header], [base.card, base.time, '10.00', flag]);
    expect([t.direction, t.directionRaw, t.amountMinor]).toEqual([direction, flag, direction === 'out' ? -1000 : 1000]);
  });

  it('reads amounts as signed when the layout has no flag column', async () => {
    const header = ['交易卡号', '交易日期', '交易时间', '交易金额'];
    expect(await mapOne(header, [base.card, '20240301', '091530', '-10.50'])).toMatchObject({ amountMinor: -1050, direction: 'out', directionRaw: '-' });
    expect(await mapOne(header, [base.card, '20240301', '091530', '+10.50'])).toMatchObject({ amountMinor: 1050, direction: 'in', directionRaw: '+' });
  });
});

describe('account numbers', () => {
  it.each<[string, string, string]>([
    ['6214620112345677\t', '6214620112345677', ''],
    ['9550880212345600101_1', '9550880212345600101', '1'],
    ['9550880212345600101_12', '9550880212345600101', '12'],
    ['4563-5100-0012-3456-789', '4563510000123456789', ''],
    ['6222 0202 0011 2233 446', '6222020200112233446', ''],
    ['６２１４６２０１１２３４５６７７', '6214620112345677', ''],
    ["'6214620112345677", '6214620112345677', ''],
    ['nra31001234', 'NRA31001234', ''],
    ['6222****1234', '6222****1234', ''],
    ['-12345', '-12345', ''],
    ['-', '', ''],
    ['--', '', ''],
    ['0', '', ''],
    ['无', '', ''],
    ['', '', ''],
  ])('%j → %j sub %j', (cell, number, subAccount) => {
    expect(splitAccountNumber(cell)).toEqual({ number, subAccount });
  });

  it('keys by card, else account, else the fallback, and keeps both numbers', () => {
    expect(bankAccountRef({ card: '6214620112345677', account: '9550880212345600101_1' })).toMatchObject({
      number: '6214620112345677',
      subAccount: '1',
      cardNumber: '6214620112345677',
      accountNumber: '9550880212345600101',
    });
    expect(bankAccountRef({ card: '', account: '9550880212345600101' })).toMatchObject({ number: '9550880212345600101', cardNumber: undefined });
    expect(bankAccountRef({ card: '', account: '', fallback: '6225880123456783' })).toMatchObject({ number: '6225880123456783' });
    expect(bankAccountRef({ card: '-', account: '' })).toBeNull();
  });
});

describe('amount conventions', () => {
  const cells = (over: Partial<AmountCells>): AmountCells => ({ amount: '', outAmount: '', inAmount: '', flag: '', hasFlagColumn: false, outHeader: '支出', inHeader: '存入', ...over });

  it.each<[string, Partial<AmountCells>, number, 'in' | 'out' | null, string]>([
    ['flag in', { amount: '1,234.50', flag: '进', hasFlagColumn: true }, 123_450, 'in', '进'],
    ['flag out, negative amount', { amount: '-300.00', flag: '出', hasFlagColumn: true }, -30_000, 'out', '出'],
    ['flag blank, negative amount', { amount: '-32.00', flag: '', hasFlagColumn: true }, -3_200, 'out', '-'],
    ['flag stray O', { amount: '66.00', flag: 'O', hasFlagColumn: true }, 6_600, null, 'O'],
    ['signed out', { amount: '-0.01' }, -1, 'out', '-'],
    ['signed in', { amount: '5000' }, 500_000, 'in', '+'],
    ['signed zero', { amount: '0.00' }, 0, null, ''],
    ['split out', { outAmount: '150.00', inAmount: '0.00' }, -15_000, 'out', '支出'],
    ['split in', { outAmount: '', inAmount: '20.00' }, 2_000, 'in', '存入'],
    ['split wins over 交易金额', { amount: '99.00', outAmount: '1.00', flag: '进', hasFlagColumn: true }, -100, 'out', '支出'],
  ])('%s', (_name, over, amountMinor, direction, directionRaw) => {
    expect(readBankAmount(cells(over))).toMatchObject({ ok: true, amountMinor, direction, directionRaw });
  });

  it.each<[Partial<AmountCells>, string]>([
    [{ amount: '12O.00', hasFlagColumn: true, flag: '出' }, '交易金额“12O.00”不是数字'],
    [{ amount: '1.2E+05' }, '交易金额“1.2E+05”是科学计数法（原值已失真）'],
    [{ amount: '10.005' }, '交易金额“10.005”小数超过两位'],
    [{ outAmount: '100.00', inAmount: '100.00' }, '支出/存入“100.00/100.00”支出和存入两列都有金额'],
    [{ outAmount: 'abc' }, '支出“abc”不是数字'],
  ])('%j is rejected: %s', (over, message) => {
    expect(readBankAmount(cells(over))).toEqual({ ok: false, message });
  });
});

describe('times', () => {
  const read = (date: string, time: string, hasDateColumn: boolean) => readBankTime({ date, time, hasDateColumn, zone: 'Asia/Shanghai', excelSerial: false });

  it.each<[string, string, boolean, number | null, string, string | undefined]>([
    ['', '2024-03-01 09:15:30', false, shanghai(2024, 3, 1, 9, 15, 30), '2024-03-01 09:15:30', undefined],
    ['', '20240302101500', false, shanghai(2024, 3, 2, 10, 15), '20240302101500', undefined],
    ['', '2024-03-05-14.22.10.000000', false, shanghai(2024, 3, 5, 14, 22, 10), '2024-03-05-14.22.10.000000', undefined],
    ['', '2024/3/12 8:05:09', false, shanghai(2024, 3, 12, 8, 5, 9), '2024/3/12 8:05:09', undefined],
    ['20240310', '093000', true, shanghai(2024, 3, 10, 9, 30), '20240310 093000', undefined],
    ['20240310', '93512', true, shanghai(2024, 3, 10, 9, 35, 12), '20240310 93512', undefined],
    ['20240310', '09:35:12', true, shanghai(2024, 3, 10, 9, 35, 12), '20240310 09:35:12', undefined],
    ['20240310', '2024-03-10 09:35:12', true, shanghai(2024, 3, 10, 9, 35, 12), '2024-03-10 09:35:12', undefined],
    ['20240311', '000000', true, shanghai(2024, 3, 11), '20240311 000000', 'midnight'],
    ['20240311', '', true, shanghai(2024, 3, 11), '20240311', 'date-only'],
    ['00000000', '000000', true, null, '00000000 000000', 'missing'],
    ['', '103045', true, null, '103045', 'missing'],
    ['', '00000000', false, null, '00000000', 'missing'],
    ['', '0001-01-01-00.00.00.000000', false, null, '0001-01-01-00.00.00.000000', 'missing'],
    ['', '', false, null, '', 'missing'],
  ])('%j + %j', (date, time, hasDate, utcMs, original, note) => {
    const result = read(date, time, hasDate);
    expect(result).toMatchObject({ ok: true, instant: { utcMs, original, offsetMinutes: utcMs === null ? null : 480 } });
    expect(result.ok && result.note).toBe(note);
  });

  it.each<[string, string, boolean]>([
    ['', '2024-13-45 10:00:00', false],
    ['', '2024-02-30-10.00.00.000000', false],
    ['', '昨天', false],
    ['20240310', '256161', true],
  ])('%j + %j is rejected', (date, time, hasDate) => {
    expect(read(date, time, hasDate)).toMatchObject({ ok: false });
  });

  it('reads a text file’s 6-digit time as a time of day, never as an Excel serial', () => {
    expect(read('', '45366', false)).toMatchObject({ ok: false });
    expect(readBankTime({ date: '', time: '45366.5', hasDateColumn: false, zone: 'Asia/Shanghai', excelSerial: true })).toMatchObject({
      ok: true,
      instant: { utcMs: shanghai(2024, 3, 15, 12) },
    });
  });

  it('uses the zone it is given', () => {
    expect(readBankTime({ date: '', time: '2024-03-01 09:15:30', hasDateColumn: false, zone: 'UTC', excelSerial: false })).toMatchObject({
      instant: { utcMs: Date.UTC(2024, 2, 1, 9, 15, 30), offsetMinutes: 0 },
    });
  });
});

describe('cell values', () => {
  it.each<[string, string, boolean]>([
    ['', 'CNY', true],
    ['人民币', 'CNY', true],
    ['人民币元', 'CNY', true],
    ['RMB', 'CNY', true],
    ['cny', 'CNY', true],
    ['156', 'CNY', true],
    ['美元', 'USD', true],
    ['港币', 'HKD', true],
    ['XYZ', 'XYZ', false],
  ])('currency %j → %s', (cell, code, known) => expect(normaliseCurrency(cell)).toEqual({ code, known }));

  it.each<[string, ReturnType<typeof successFlag>]>([
    ['是', 'ok'], ['成功', 'ok'], ['Y', 'ok'], ['1', 'ok'], ['00', 'ok'],
    ['否', 'failed'], ['失败', 'failed'], ['N', 'failed'], ['0', 'failed'], ['交易失败', 'failed'],
    ['', 'blank'], ['待定', 'unknown'],
  ])('交易是否成功 %j → %s', (cell, kind) => expect(successFlag(cell)).toBe(kind));

  it.each<[string, ReturnType<typeof feedbackKind>]>([
    ['', 'blank'], ['查询成功', 'success'], ['成功', 'success'], ['正常', 'success'],
    ['该账户在查询时段内无交易记录', 'no-data'], ['无交易', 'no-data'], ['未查询到相关信息', 'no-data'], ['查无此账户', 'no-data'], ['账户不存在', 'no-data'],
    ['交易失败:余额不足', 'failure'], ['查询失败', 'failure'],
    ['部分数据已归档', 'other'],
  ])('查询反馈结果原因 %j → %s', (cell, kind) => expect(feedbackKind(cell)).toBe(kind));

  it.each<[string, boolean | undefined]>([
    ['现金', true], ['现', true], ['转账', false], ['转', false], ['否', false], ['1', undefined], ['', undefined],
  ])('现金标志 %j → %s', (cell, cash) => expect(cashFlag(cell)).toBe(cash));

  it.each<[string, string | undefined, boolean]>([
    ['183.14.25.7\t', '183.14.25.7', false],
    ['240E:0398:1A2B:0000:0000:0000:0000:0001', '240e:398:1a2b::1', false],
    ['0.0.0.0', undefined, false],
    ['', undefined, false],
    ['::', undefined, false],
    ['183.14.25', undefined, true],
  ])('IP %j → %s', (cell, value, unreadable) => expect(ipAddress(cell)).toEqual({ value, unreadable }));

  it.each<[string, string | undefined, boolean]>([
    ['AC-DE-48-00-11-22', 'acde48001122', false],
    ['ac:de:48:00:11:22', 'acde48001122', false],
    ['001A2B3C4D5E', '001a2b3c4d5e', false],
    ['00-00-00-00-00-00', undefined, false],
    ['000000000000', undefined, false],
    ['FF-FF-FF-FF-FF-FF', undefined, false],
    ['AC-DE-48', undefined, true],
  ])('MAC %j → %s', (cell, value, unreadable) => expect(macAddress(cell)).toEqual({ value, unreadable }));
});

describe('file names', () => {
  it.each<[string, string | null]>([
    ['广发银行股份有限公司交易明细信息.csv', 'transactions'],
    ['交易明细信息.csv', 'transactions'],
    ['广发银行股份有限公司账户信息.csv', 'accounts'],
    ['广发银行股份有限公司子账户信息.csv', 'subaccounts'],
    ['广发银行股份有限公司人员信息.csv', 'persons'],
    ['TenpayTrades.txt', null],
  ])('%s → %s', (name, kind) => expect(kindFromFileName(name)?.kind ?? null).toBe(kind));

  it.each<[string, string, string | undefined]>([
    ['广发银行股份有限公司交易明细信息.csv', '5104614320240315093012/广发银行股份有限公司交易明细信息.csv', '广发银行股份有限公司'],
    ['中国邮政储蓄银行_账户信息.csv', '中国邮政储蓄银行_账户信息.csv', '中国邮政储蓄银行'],
    ['交易明细信息.csv', 'JW20240318000027/招商银行股份有限公司/交易明细信息.csv', '招商银行股份有限公司'],
    ['浙江某某农村商业银行股份有限公司交易明细信息.csv', '浙江某某农村商业银行股份有限公司交易明细信息.csv', '浙江某某农村商业银行股份有限公司'],
    ['导出交易明细信息.csv', '5104614320240315093012/导出交易明细信息.csv', undefined],
    ['交易明细信息.csv', '5104614320240315093012/交易明细信息.csv', undefined],
  ])('%s in %s → %s', (name, relPath, bank) => expect(bankNameFromPath(name, relPath)).toBe(bank));
});
