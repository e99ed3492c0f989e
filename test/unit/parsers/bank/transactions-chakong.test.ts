import { beforeAll, describe, expect, it } from 'vitest';
import { CCXK_TRANSACTIONS } from '@shared/parsers/bank';
import type { AccountRef } from '@shared/parsers/types';
import { FIXTURES, byLine, parseFixture, shanghai, warning } from './bank-fixtures';
import type { Parsed } from './bank-fixtures';

describe('ccxk.transactions — 32-column 查控平台 layout (广发, 进/出 flag)', () => {
  let parsed: Parsed;
  beforeAll(async () => {
    parsed = await parseFixture(CCXK_TRANSACTIONS, FIXTURES.chakong32);
  });

  const subject: AccountRef = {
    kind: 'bank',
    number: '6214620112345677',
    subAccount: '',
    cardNumber: '6214620112345677',
    accountNumber: '9550880212345600101',
    // no column names the bank: it comes from `<银行名称>交易明细信息.csv`
    bankName: '广发银行股份有限公司',
    holderName: '李明华',
    holderId: '110105198503121234',
  };

  it('turns every data line into a transaction, a row error or a counted feedback row', () => {
    expect(parsed.txns.map((t) => t.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11]);
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [9, 'BAD_AMOUNT'],
      [13, 'BAD_TIME'],
    ]);
  });

  it('reads an inflow with its counterparty, balance and time (Asia/Shanghai)', () => {
    const t = byLine(parsed.txns, 2);
    expect(t.account).toEqual(subject);
    expect(t.time).toEqual({ utcMs: shanghai(2024, 3, 1, 9, 15, 30), original: '2024-03-01 09:15:30', offsetMinutes: 480 });
    expect(t).toMatchObject({ amountMinor: 500_000, currency: 'CNY', direction: 'in', directionRaw: '进', balanceMinor: 1_500_000 });
    expect(t.counterparty).toEqual({ account: '6222020200112233446', name: '王小红', id: '440106199007152346', bank: '中国工商银行' });
    expect(t).toMatchObject({ summary: '转账存入', isCash: false, succeeded: true, txnNo: 'GF20240301000001', logNo: '0000012345', branch: '网上银行' });
  });

  it('keeps the raw row exactly as read: header names without padding, values with their trailing tab', () => {
    const t = byLine(parsed.txns, 2);
    expect(Object.keys(t.raw)).toHaveLength(32);
    expect(t.raw['交易卡号']).toBe('6214620112345677\t');
    expect(t.raw['收付标志']).toBe('进\t');
    expect(t.raw['传票号']).toBe('\t');
    expect(t.raw['交易金额']).toBe('5000.00\t');
    expect(Object.keys(t.raw).every((key) => !key.includes('\t'))).toBe(true);
  });

  it('reads a compact time, a full-width amount and counterparty number, and an IP/MAC pair', () => {
    const t = byLine(parsed.txns, 3);
    expect(t.time).toEqual({ utcMs: shanghai(2024, 3, 2, 10, 15), original: '20240302101500', offsetMinutes: 480 });
    expect(t).toMatchObject({ amountMinor: -120_000, direction: 'out', directionRaw: '出', balanceMinor: 1_380_000 });
    expect(t.raw['交易金额']).toBe('１２００．００\t');
    expect(t.counterparty).toEqual({ account: '31001234567890123456', name: '上海某某贸易有限公司（测试）', bank: '上海银行' });
    expect(t).toMatchObject({ ip: '183.14.25.7', mac: 'acde48001122' });
  });

  it('lets the flag decide when an amount is also negative, and drops all-zero IP and MAC placeholders', () => {
    const t = byLine(parsed.txns, 4);
    expect(t).toMatchObject({ amountMinor: -30_000, direction: 'out', directionRaw: '出', isCash: true, location: '广州市天河区' });
    expect(t.ip).toBeUndefined();
    expect(t.mac).toBeUndefined();
    expect(t.raw['MAC地址']).toBe('00-00-00-00-00-00\t');
    expect(warning(parsed, 'BANK_NEGATIVE_AMOUNT_WITH_FLAG').message).toContain('第 4 行');
  });

  it('keeps blank and stray direction flags as unknown, with the amount unsigned, and counts them', () => {
    expect(byLine(parsed.txns, 5)).toMatchObject({ amountMinor: 8_800, direction: null, directionRaw: '', balanceMinor: 1_358_800 });
    expect(byLine(parsed.txns, 6)).toMatchObject({ amountMinor: 6_600, direction: null, directionRaw: 'O' });
    const w = warning(parsed, 'BANK_DIRECTION_UNKNOWN');
    expect(w.message).toMatch(/^2 /);
    expect(w.message).toContain('第 5, 6 行');
    expect(w.message).toContain('“O”');
  });

  it('reads a negative amount with a blank flag as an outflow, and says so', () => {
    expect(byLine(parsed.txns, 11)).toMatchObject({ amountMinor: -3_200, direction: 'out', directionRaw: '-' });
    expect(warning(parsed, 'BANK_DIRECTION_FROM_SIGN').message).toContain('第 11 行');
  });

  it('keeps a refused transaction, flagged, with the reason the bank gave', () => {
    const t = byLine(parsed.txns, 7);
    expect(t).toMatchObject({ succeeded: false, failReason: '交易失败:余额不足', amountMinor: -2_000_000, direction: 'out' });
    expect(parsed.txns.filter((x) => !x.succeeded).map((x) => x.line)).toEqual([7]);
  });

  it('keeps a row whose time is the 00000000 placeholder, with no instant', () => {
    expect(byLine(parsed.txns, 8).time).toEqual({ utcMs: null, original: '00000000', offsetMinutes: null });
    expect(warning(parsed, 'BANK_TIME_MISSING').message).toContain('第 8 行');
  });

  it('normalises IPv6 and lower-case MAC, and reads merchant fields', () => {
    const t = byLine(parsed.txns, 10);
    expect(t).toMatchObject({ ip: '240e:398:1a2b::1', mac: 'acde48001122', merchant: '深圳某某网络科技有限公司', merchantCode: '898440358120001' });
    expect(t.counterparty).toEqual({ account: '243300133', name: '财付通支付科技有限公司' });
  });

  it('rejects a bad amount and an impossible date with their line and value; the rest imports', () => {
    expect(byLine(parsed.errors, 9)).toEqual({ type: 'error', sheet: '', line: 9, code: 'BAD_AMOUNT', message: '交易金额“12O.00”不是数字' });
    expect(byLine(parsed.errors, 13).message).toContain('2024-13-45 10:00:00');
  });

  it('reports a no-data answer (查询反馈结果原因 without an amount) as feedback, not as a transaction', () => {
    expect(parsed.txns.some((t) => t.line === 12)).toBe(false);
    expect(parsed.errors.some((e) => e.line === 12)).toBe(false);
    const w = warning(parsed, 'BANK_FEEDBACK_ONLY_ROWS');
    expect(w.message).toContain('第 12 行');
    expect(w.message).toContain('该账户在查询时段内无交易记录');
  });

  it('gives every draft the line and cells of the record it came from', () => {
    for (const t of parsed.txns) {
      const record = parsed.records.find((r) => r.line === t.line);
      expect(Object.values(t.raw)).toEqual(record?.cells);
    }
  });
});

describe('ccxk.transactions — 34-column layout (建设, DB2 times, 贷/借, `_1` sub-account)', () => {
  let parsed: Parsed;
  beforeAll(async () => {
    parsed = await parseFixture(CCXK_TRANSACTIONS, FIXTURES.chakong34);
  });

  it('maps the rows and rejects the impossible date', () => {
    expect(parsed.txns.map((t) => t.line)).toEqual([2, 3, 4, 6, 7]);
    expect(parsed.errors).toEqual([
      { type: 'error', sheet: '', line: 5, code: 'BAD_TIME', message: '交易时间“2024-02-30-10.00.00.000000”无法读取：日期不存在' },
    ]);
  });

  it('keys a card-less account by 交易账号, splits the `_1` suffix and takes the holder from 账户开户名称/开户人证件号码', () => {
    expect(byLine(parsed.txns, 2).account).toEqual({
      kind: 'bank',
      number: '44250100002800001234',
      subAccount: '1',
      cardNumber: undefined,
      accountNumber: '44250100002800001234',
      bankName: '中国建设银行股份有限公司',
      holderName: '陈静',
      holderId: '440304198801014569',
    });
  });

  it('reads DB2 times, thousands separators and the 贷/借 flag', () => {
    const t = byLine(parsed.txns, 2);
    expect(t.time).toEqual({ utcMs: shanghai(2024, 3, 5, 14, 22, 10), original: '2024-03-05-14.22.10.000000', offsetMinutes: 480 });
    expect(t).toMatchObject({ amountMinor: 123_450, direction: 'in', directionRaw: '贷', balanceMinor: 1_123_450, device: 'T0012345' });
    expect(t.raw['交易金额']).toBe('1,234.50\t');
    expect(t.raw['传票号']).toBe('');
    expect(byLine(parsed.txns, 7).time.utcMs).toBe(shanghai(2024, 3, 10, 21, 3, 4, 500));
  });

  it('reads 终端号 and 商户号 of the 34-column layout', () => {
    expect(byLine(parsed.txns, 3)).toMatchObject({ amountMinor: -200_000, direction: 'out', device: 'P7788', merchant: '深圳某某超市', merchantCode: '105584053990123' });
  });

  it('treats the DB2 0001-01-01 placeholder as an unknown time', () => {
    expect(byLine(parsed.txns, 4).time).toEqual({ utcMs: null, original: '0001-01-01-00.00.00.000000', offsetMinutes: null });
  });

  it('takes the reason of a refused row from 备注 when 查询反馈结果原因 is empty', () => {
    expect(byLine(parsed.txns, 6)).toMatchObject({ succeeded: false, failReason: '交易失败:账户冻结', amountMinor: -5_000_000 });
  });

  it('removes separator spaces from a counterparty card and keeps a private IP', () => {
    const t = byLine(parsed.txns, 7);
    expect(t.counterparty).toEqual({ account: '6217001234567890122', name: '陈静', id: '440304198801014569', bank: '中国建设银行' });
    expect(t).toMatchObject({ ip: '10.1.2.3', mac: '001a2b3c4d5e' });
  });
});
