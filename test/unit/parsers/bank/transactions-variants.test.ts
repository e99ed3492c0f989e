import { beforeAll, describe, expect, it } from 'vitest';
import { CCXK_TRANSACTIONS } from '@shared/parsers/bank';
import { FIXTURES, byLine, parseFixture, shanghai, warning } from './bank-fixtures';
import type { Parsed } from './bank-fixtures';

describe('ccxk.transactions — 网银标准 layout (招商, 借贷标志 C/D with signed amounts)', () => {
  let parsed: Parsed;
  beforeAll(async () => {
    parsed = await parseFixture(CCXK_TRANSACTIONS, FIXTURES.wangyin);
  });

  it('maps every row', () => {
    expect(parsed.txns.map((t) => t.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(parsed.errors).toEqual([]);
  });

  it('keys rows by 本方卡号, names the bank from 反馈单位 and the holder from 查询对象名称', () => {
    const t = byLine(parsed.txns, 2);
    expect(t.account).toEqual({
      kind: 'bank',
      number: '6225880123456783',
      subAccount: '',
      cardNumber: '6225880123456783',
      accountNumber: '755912345610801',
      bankName: '招商银行股份有限公司深圳分行',
      holderName: '周海波',
      holderId: undefined,
    });
    expect(t).toMatchObject({ amountMinor: 80_000, currency: 'CNY', direction: 'in', directionRaw: 'C', balanceMinor: 1_080_000 });
    expect(t.time).toEqual({ utcMs: shanghai(2024, 3, 10, 8, 30), original: '2024-03-10 08:30:00', offsetMinutes: 480 });
    expect(t.counterparty).toEqual({ account: '6222020200112233446', name: '王小红', id: '440106199007152346', bank: '中国工商银行' });
    expect(t.raw['交易对手余额']).toBe('3200.00\t');
  });

  it('reads D with a signed amount as an outflow and the counterparty from 交易对方账号', () => {
    const t = byLine(parsed.txns, 3);
    expect(t).toMatchObject({ amountMinor: -50_000, direction: 'out', directionRaw: 'D', ip: '113.88.10.5', mac: 'acde48001123' });
    expect(t.counterparty).toEqual({ account: '1202021009000123456', name: '深圳某某投资咨询有限公司', bank: '中国工商银行深圳分行' });
    expect(warning(parsed, 'BANK_NEGATIVE_AMOUNT_WITH_FLAG').message).toContain('第 3, 6, 8 行');
  });

  it('falls back to the sign when 借贷标志 is blank, and to unknown when there is no sign', () => {
    expect(byLine(parsed.txns, 4)).toMatchObject({ amountMinor: -12_000, direction: 'out', directionRaw: '-' });
    expect(byLine(parsed.txns, 5)).toMatchObject({ amountMinor: 4_500, direction: null, directionRaw: '' });
  });

  it('falls back from 本方卡号 to 本方账号, then to 查询卡号', () => {
    expect(byLine(parsed.txns, 7).account).toMatchObject({ number: '755912345610801', cardNumber: undefined, accountNumber: '755912345610801' });
    expect(byLine(parsed.txns, 6).account).toMatchObject({ number: '6225880123456783', cardNumber: undefined, accountNumber: undefined });
    expect(byLine(parsed.txns, 6).time).toEqual({ utcMs: shanghai(2024, 3, 12, 8, 5, 9), original: '2024/3/12 8:05:09', offsetMinutes: 480 });
    expect(byLine(parsed.txns, 7).isCash).toBe(true);
  });

  it('does not take 查询成功 for a failure, and keeps the refused row with its reason', () => {
    expect(parsed.txns.filter((t) => !t.succeeded).map((t) => [t.line, t.failReason])).toEqual([[8, '交易失败:超过日限额']]);
  });
});

describe('ccxk.transactions — bank-side 协查 layout (中国银行, 支出/存入 columns, 交易日期 + 交易时间)', () => {
  let parsed: Parsed;
  beforeAll(async () => {
    parsed = await parseFixture(CCXK_TRANSACTIONS, FIXTURES.xiecha);
  });

  it('maps the rows and rejects the row with both columns filled', () => {
    expect(parsed.txns.map((t) => t.line)).toEqual([2, 3, 4, 5, 7, 8]);
    expect(parsed.errors).toEqual([
      { type: 'error', sheet: '', line: 6, code: 'BAD_AMOUNT', message: '支出/存入“100.00/100.00”支出和存入两列都有金额' },
    ]);
  });

  it('reads 存入 as an inflow, joins the date and time columns, and removes the dashes of the account number', () => {
    const t = byLine(parsed.txns, 2);
    expect(t.account).toEqual({
      kind: 'bank',
      number: '6217850100012345677',
      subAccount: '',
      cardNumber: '6217850100012345677',
      accountNumber: '4563510000123456789',
      bankName: '中国银行股份有限公司',
      holderName: '刘洋',
      holderId: '110108199202286784',
    });
    expect(t.time).toEqual({ utcMs: shanghai(2024, 3, 10, 9, 30), original: '20240310 093000', offsetMinutes: 480 });
    expect(t).toMatchObject({ amountMinor: 300_000, currency: 'CNY', direction: 'in', directionRaw: '存入', balanceMinor: 800_000, channel: '手机银行' });
    expect(t.counterparty).toEqual({ account: '11050101040012345', name: '北京某某餐饮管理有限公司', bank: '中国农业银行北京分行' });
    expect(t.raw['账号']).toBe('4563-5100-0012-3456-789\t');
    expect(t.raw['交易关联号']).toBe('GL20240310001\t');
  });

  it('reads 支出 beside a 0.00 存入 as an outflow and pads a time of day that lost its leading zero', () => {
    const t = byLine(parsed.txns, 3);
    expect(t).toMatchObject({ amountMinor: -15_000, direction: 'out', directionRaw: '支出', channel: 'POS' });
    expect(t.time.utcMs).toBe(shanghai(2024, 3, 10, 9, 35, 12));
  });

  it('reads a 000000 time of day as midnight (noted) and a 00000000 date as unknown', () => {
    expect(byLine(parsed.txns, 4).time.utcMs).toBe(shanghai(2024, 3, 11));
    expect(warning(parsed, 'BANK_TIME_MIDNIGHT').message).toContain('第 4 行');
    expect(byLine(parsed.txns, 5).time).toEqual({ utcMs: null, original: '00000000 000000', offsetMinutes: null });
  });

  it('keeps the refused row, its reason taken from 备注', () => {
    expect(byLine(parsed.txns, 7)).toMatchObject({ succeeded: false, failReason: '交易失败:密码错误次数超限', amountMinor: -500_000 });
  });

  it('reads 现金标志 and 交易渠道', () => {
    expect(byLine(parsed.txns, 8)).toMatchObject({ isCash: true, channel: '柜员机', amountMinor: -200_000, location: '北京市朝阳区' });
  });
});
