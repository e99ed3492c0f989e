import { describe, expect, it } from 'vitest';
import { detectFormats } from '@shared/parsers/registry';
import { mapOneRow, mapTable, shanghai, warning } from './bank-fixtures';

/**
 * 交易明细 headers as bank families print them (DOMAIN.md §1.1): each hand-written row goes through the real mapper
 * and the test checks the field a user would see filled.
 */

const CARD = '6214620112345677';
const AT = '2024-03-15 09:30:12';

describe('amount and direction columns', () => {
  it.each(['交易金额', '发生额', '金额', '交易发生额', '发生金额', '交易金额(元)', '交易金额（人民币元）'])('amount column %s', async (header) => {
    const t = await mapOneRow(['交易卡号', '交易时间', header, '收付标志'], [CARD, AT, '1,234.56', '出']);
    expect([t.amountMinor, t.direction]).toEqual([-123_456, 'out']);
  });

  it.each(['收付标志', '借贷标志', '借贷方向', '收支', '资金流向', '收/支', '借贷', '进出标志', '出入账标志', '收付方向'])('flag column %s', async (header) => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', header], [
      [CARD, AT, '10.00', '贷'],
      [CARD, AT, '10.00', '借'],
    ]);
    expect(parsed.txns.map((t) => [t.direction, t.amountMinor])).toEqual([
      ['in', 1000],
      ['out', -1000],
    ]);
  });

  it.each<[string, 'in' | 'out']>([
    ['借', 'out'], ['贷', 'in'], ['出', 'out'], ['进', 'in'], ['收', 'in'], ['付', 'out'], ['D', 'out'], ['C', 'in'], ['d', 'out'],
    ['支出', 'out'], ['收入', 'in'], ['+', 'in'], ['-', 'out'], ['借 Dr', 'out'], ['贷 Cr', 'in'], ['1-收', 'in'], ['02-付', 'out'],
    ['转入', 'in'], ['转出', 'out'], ['借方', 'out'], ['贷方', 'in'], ['已收入', 'in'], ['Ｄ', 'out'],
  ])('flag value %j → %s, kept as printed', async (flag, direction) => {
    const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '借贷标志'], [CARD, AT, '10.00', flag]);
    expect([t.direction, t.directionRaw, t.amountMinor]).toEqual([direction, flag, direction === 'out' ? -1000 : 1000]);
  });

  it.each(['收费', '取消支付', '入账失败', '收息', '付息', '收费退回', '转账', '支付失败', '收款人', '借贷'])(
    'flag value %j states no direction: the row keeps its amount unsigned and the file is warned',
    async (flag) => {
      const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '借贷标志'], [[CARD, AT, '10.00', flag]]);
      expect(parsed.txns.map((t) => [t.direction, t.directionRaw, t.amountMinor])).toEqual([[null, flag, 1000]]);
      expect(warning(parsed, 'BANK_DIRECTION_UNKNOWN').message).toContain(`“${flag}”`);
    },
  );

  it('leaves numeric codes unknown when the header does not say what they mean, and names them in the warning', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '借贷标志'], [
      [CARD, AT, '10.00', '0'],
      [CARD, AT, '20.00', '1'],
    ]);
    expect(parsed.txns.map((t) => [t.direction, t.amountMinor])).toEqual([
      [null, 1000],
      [null, 2000],
    ]);
    expect(warning(parsed, 'BANK_DIRECTION_UNKNOWN').message).toContain('取值：“0”、“1”');
  });

  it.each<[string, string[][]]>([
    [
      'oldest first',
      [
        ['1000.00', '0', '1000.00'],
        ['200.00', '1', '800.00'],
        ['50.00', '1', '750.00'],
        ['300.00', '0', '1050.00'],
        ['100.00', '0', '1150.00'],
      ],
    ],
    [
      'newest first',
      [
        ['100.00', '0', '1150.00'],
        ['300.00', '0', '1050.00'],
        ['50.00', '1', '750.00'],
        ['200.00', '1', '800.00'],
        ['1000.00', '0', '1000.00'],
      ],
    ],
  ])('says what the balances make of unexplained codes (%s), without applying it', async (_order, rows) => {
    const parsed = await mapTable(
      ['交易卡号', '交易时间', '交易金额', '借贷标志', '交易余额'],
      rows.map(([amount = '', flag = '', balance = '']) => [CARD, AT, amount, flag, balance]),
    );
    expect(parsed.txns.map((t) => t.direction)).toEqual([null, null, null, null, null]);
    expect(warning(parsed, 'BANK_DIRECTION_CODES_BY_BALANCE').message).toContain('“0”看来是进（2 行相符）、“1”看来是出（2 行相符）');
  });

  it('names no meaning when the balances disagree with each other', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '借贷标志', '交易余额'], [
      [CARD, AT, '100.00', '0', '100.00'],
      [CARD, AT, '100.00', '0', '200.00'],
      [CARD, AT, '100.00', '0', '100.00'],
      [CARD, AT, '100.00', '0', '200.00'],
    ]);
    expect(parsed.warnings.map((w) => w.code)).not.toContain('BANK_DIRECTION_CODES_BY_BALANCE');
  });

  it.each<[string, string, string]>([
    ['借贷标志(0-借;1-贷)', '0', '1'],
    ['收付标志（2:付 1:收）', '2', '1'],
    ['借贷方向[借:1 贷:2]', '1', '2'],
    ['借贷标志(D借C贷)', 'D', 'C'],
  ])('reads the codes a header legend explains: %s', async (header, out, inn) => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', header], [
      [CARD, AT, '10.00', out],
      [CARD, AT, '20.00', inn],
    ]);
    expect(parsed.txns.map((t) => [t.direction, t.directionRaw, t.amountMinor])).toEqual([
      ['out', out, -1000],
      ['in', inn, 2000],
    ]);
  });

  it.each<[string, string]>([
    ['借方发生额', '贷方发生额'],
    ['借方', '贷方'],
    ['借方金额', '贷方金额'],
    ['支出金额', '存入金额'],
    ['付款金额', '收款金额'],
    ['支出', '收入'],
  ])('split columns %s / %s: the column that holds the amount is the direction', async (outHeader, inHeader) => {
    const parsed = await mapTable(['交易卡号', '交易时间', outHeader, inHeader, '余额'], [
      [CARD, AT, '100.00', '', '900.00'],
      [CARD, AT, '--', '50.00', '950.00'],
      [CARD, AT, '0.00', '25.00', '975.00'],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.txns.map((t) => [t.amountMinor, t.direction, t.directionRaw])).toEqual([
      [-10_000, 'out', outHeader],
      [5_000, 'in', inHeader],
      [2_500, 'in', inHeader],
    ]);
  });
});

describe('signed amounts', () => {
  it('take the direction from the sign when there is no direction column', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额'], [
      [CARD, AT, '-1234.56'],
      [CARD, AT, '+1234.56'],
      [CARD, AT, '(1,234.56)'],
    ]);
    expect(parsed.txns.map((t) => [t.amountMinor, t.direction])).toEqual([
      [-123_456, 'out'],
      [123_456, 'in'],
      [-123_456, 'out'],
    ]);
    expect(parsed.warnings.map((w) => w.code)).toContain('BANK_SIGNED_AMOUNTS');
  });

  it('never flip twice when a direction column is present', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '收付标志'], [
      [CARD, AT, '-1234.56', '出'],
      [CARD, AT, '(1,234.56)', '出'],
      [CARD, AT, '1234.56', '出'],
    ]);
    expect(parsed.txns.map((t) => [t.amountMinor, t.direction])).toEqual([
      [-123_456, 'out'],
      [-123_456, 'out'],
      [-123_456, 'out'],
    ]);
    expect(warning(parsed, 'BANK_NEGATIVE_AMOUNT_WITH_FLAG').message).toContain('第 2, 3 行');
  });
});

describe('counterparty, balance and description columns', () => {
  it.each(['对方户名', '对手户名', '对方名称', '交易对手名称', '对手方户名', '对方账户名', '交易对方户名'])('counterparty name %s', async (header) => {
    const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志', header], [CARD, AT, '10.00', '出', '王小红']);
    expect(t.counterparty.name).toBe('王小红');
  });

  it.each(['对方账号', '对手账号', '对方卡号', '对方账户', '交易对手账号', '交易对手卡号', '对方卡号/账号', '对方帐号', '交易对手账卡号'])(
    'counterparty number %s',
    async (header) => {
      const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志', header], [CARD, AT, '10.00', '出', '6222 0202 0011 2233 446']);
      expect(t.counterparty.account).toBe('6222020200112233446');
    },
  );

  it.each(['余额', '账户余额', '交易后余额', '交易余额', '本次余额', '联机余额', '余额(元)'])('balance %s', async (header) => {
    const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志', header], [CARD, AT, '10.00', '进', '1,010.00']);
    expect(t.balanceMinor).toBe(101_000);
  });

  it('takes 交易余额 over 账户余额 whatever their order', async () => {
    const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志', '账户余额', '交易余额'], [CARD, AT, '10.00', '进', '5000.00', '1010.00']);
    expect(t.balanceMinor).toBe(101_000);
  });

  it.each<[string, 'summary' | 'memo' | 'branch' | 'channel']>([
    ['摘要', 'summary'],
    ['交易摘要', 'summary'],
    ['摘要说明', 'summary'],
    ['用途', 'memo'],
    ['附言', 'memo'],
    ['备注', 'memo'],
    ['交易附言', 'memo'],
    ['交易网点', 'branch'],
    ['交易机构', 'branch'],
    ['交易机构名称', 'branch'],
    ['交易网点名称', 'branch'],
    ['交易渠道', 'channel'],
  ])('%s → %s', async (header, field) => {
    const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志', header], [CARD, AT, '10.00', '进', '网银转账']);
    expect(t[field]).toBe('网银转账');
  });
});

describe('a field printed under two names', () => {
  const orders: [string, string[], (holder: string, opener: string) => string[]][] = [
    ['交易户名 first', ['交易卡号', '交易户名', '账户开户名称', '交易时间', '交易金额', '收付标志'], (holder, opener) => [CARD, holder, opener, AT, '1.00', '进']],
    ['账户开户名称 first', ['交易卡号', '账户开户名称', '交易户名', '交易时间', '交易金额', '收付标志'], (holder, opener) => [CARD, opener, holder, AT, '1.00', '进']],
  ];

  it.each(orders)('takes the holder from 账户开户名称 when 交易户名 is blank or a dash (%s)', async (_order, header, row) => {
    const parsed = await mapTable(header, [row('', '张三'), row('-', '张三'), row('李四', '张三'), row('', '')]);
    expect(parsed.txns.map((t) => t.account.holderName)).toEqual(['张三', '张三', '李四', undefined]);
  });

  it('falls back the same way for the holder ID, the bank and the counterparty', async () => {
    const t = await mapOneRow(
      ['交易卡号', '交易证件号码', '开户人证件号码', '反馈单位', '开户银行', '交易时间', '交易金额', '收付标志', '对手户名', '对方户名', '对手身份证号', '对方证件号码', '对手开户银行', '对方开户行'],
      [CARD, '', '110101199003071234', '', '某某银行', AT, '1.00', '出', '', '王小红', '', '110101199003075678', '', '某某支行'],
    );
    expect([t.account.holderId, t.account.bankName, t.counterparty]).toEqual([
      '110101199003071234',
      '某某银行',
      { account: undefined, name: '王小红', id: '110101199003075678', bank: '某某支行' },
    ]);
  });

  it('never reads an amount from a second amount column when the first is blank', async () => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '金额', '收付标志'], [[CARD, AT, '', '5.00', '进']]);
    expect(parsed.txns).toEqual([]);
    expect(parsed.errors.map((e) => e.message)).toEqual(['交易金额为空']);
  });
});

describe('technology-chain columns of 查控 returns', () => {
  it.each(['IP地址', 'IP', '交易IP地址', '设备IP', 'IP地址(IPv4/IPv6)', 'ip地址'])('IP column %s', async (header) => {
    const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志', header], [CARD, AT, '10.00', '出', '183.14.25.7']);
    expect(t.ip).toBe('183.14.25.7');
  });

  it.each(['MAC地址', 'MAC', '设备MAC', '交易MAC地址'])('MAC column %s', async (header) => {
    const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志', header], [CARD, AT, '10.00', '出', 'AC-DE-48-00-11-22']);
    expect(t.mac).toBe('acde48001122');
  });

  it.each(['设备号', '终端号', '设备编号', '交易设备号', 'IMEI'])('device column %s', async (header) => {
    const t = await mapOneRow(['交易卡号', '交易时间', '交易金额', '收付标志', header], [CARD, AT, '10.00', '出', '866123045678901']);
    expect(t.device).toBe('866123045678901');
  });
});

describe('currency', () => {
  it.each(['人民币', 'CNY', '156', 'RMB', '01', '人民币元', ''])('%j is CNY', async (cell) => {
    const parsed = await mapTable(['交易卡号', '交易时间', '交易金额', '收付标志', '币种'], [[CARD, AT, '10.00', '进', cell]]);
    expect(parsed.txns[0]?.currency).toBe('CNY');
    expect(parsed.warnings.map((w) => w.code)).not.toContain('BANK_CURRENCY_UNKNOWN');
  });
});

describe('date and time columns', () => {
  it('joins 交易日期 and 交易时间, preferring 交易日期 over another date column', async () => {
    const t = await mapOneRow(['交易卡号', '发生日期', '交易日期', '交易时间', '交易金额', '收付标志'], [CARD, '20240101', '20240315', '093012', '10.00', '进']);
    expect(t.time).toEqual({ utcMs: shanghai(2024, 3, 15, 9, 30, 12), original: '20240315 093012', offsetMinutes: 480 });
  });

  it('reads 交易日期 as the time when the table has no 交易时间 column, and says which rows have only a date', async () => {
    const parsed = await mapTable(['交易卡号', '交易日期', '交易金额', '收付标志'], [
      [CARD, '2024-03-15 09:30:12', '10.00', '进'],
      [CARD, '20240316', '10.00', '进'],
    ]);
    expect(parsed.txns.map((t) => [t.time.utcMs, t.time.original])).toEqual([
      [shanghai(2024, 3, 15, 9, 30, 12), '2024-03-15 09:30:12'],
      [shanghai(2024, 3, 16), '20240316'],
    ]);
    expect(warning(parsed, 'BANK_TIME_DATE_ONLY').message).toMatch(/^1 行的交易时间只有日期，没有时刻：按当天 00:00 读取.*（第 3 行；取值：“20240316”）$/);
  });

  it.each<[string, string[], string[][]]>([
    ['a date-only 交易日期 file', ['交易卡号', '交易日期', '交易金额', '收付标志', '交易余额'], [[CARD, '2024-03-15', '100.00', '进', '100.00'], [CARD, '2024-03-15', '100.00', '出', '0.00']]],
    ['a 交易时间 holding dates', ['交易卡号', '交易时间', '交易金额', '收付标志'], [[CARD, '2024/03/15', '100.00', '进'], [CARD, '2024/03/15', '100.00', '出']]],
    ['a blank 交易时间 beside 交易日期', ['交易卡号', '交易日期', '交易时间', '交易金额', '收付标志'], [[CARD, '20240315', '', '100.00', '进'], [CARD, '20240315', '', '100.00', '出']]],
  ])('imports %s at the day’s midnight, original text kept, with one warning naming the rows', async (_name, header, rows) => {
    const parsed = await mapTable(header, rows);
    expect(parsed.errors).toEqual([]);
    expect(parsed.txns.map((t) => t.time.utcMs)).toEqual([shanghai(2024, 3, 15), shanghai(2024, 3, 15)]);
    expect(parsed.txns.map((t) => t.time.original)).toEqual(rows.map((row) => row.slice(1, header.indexOf('交易金额')).join(' ').trim()));
    const dateOnly = parsed.warnings.filter((w) => w.code === 'BANK_TIME_DATE_ONLY');
    expect(dateOnly.map((w) => w.message)).toEqual([expect.stringMatching(/^2 行的交易时间只有日期.*按时间间隔的规则.*不可靠（第 2, 3 行；/) as unknown]);
  });

  it('gives no date-only warning for a real midnight time or the 000000 placeholder (warned apart)', async () => {
    const parsed = await mapTable(['交易卡号', '交易日期', '交易时间', '交易金额', '收付标志'], [
      [CARD, '20240315', '000000', '1.00', '进'],
      [CARD, '2024-03-15 00:00:00', '00:00:00', '1.00', '进'],
    ]);
    expect(parsed.txns.map((t) => t.time.utcMs)).toEqual([shanghai(2024, 3, 15), shanghai(2024, 3, 15)]);
    expect(parsed.warnings.map((w) => w.code)).not.toContain('BANK_TIME_DATE_ONLY');
  });

  it('reads 交易帐号 (帐 for 账) as the account column', async () => {
    const t = await mapOneRow(['交易帐号', '交易时间', '交易金额', '收付标志'], ['9550880212345600101', AT, '10.00', '进']);
    expect(t.account.accountNumber).toBe('9550880212345600101');
  });
});

describe('detection of variant headers', () => {
  it.each<[string[], string[]]>([
    [['交易卡号', '交易日期', '交易金额(分)', '借贷标志(0-借;1-贷)', '交易余额(分)'], [CARD, '2024-03-15 09:30:12', '1000', '0', '5000']],
    [['本方账号', '交易日期', '交易时间', '借方发生额', '贷方发生额', '余额', '对方户名', '对方账号'], ['9550880212345600101', '20240315', '093012', '10.00', '', '90.00', '王小红', '6222020200112233446']],
    [['交易帐号', '交易时间', '发生额', '资金流向', '对手户名', '交易网点'], ['9550880212345600101', AT, '10.00', '出', '王小红', '某支行']],
  ])('%j is a 查控 交易明细', (header, row) => {
    const head = [header, row].map((cells, index) => ({ sheet: '', line: index + 1, cells }));
    expect(detectFormats({ fileName: '某银行交易明细信息.csv', relPath: '某银行交易明细信息.csv', head })[0]?.format.id).toBe('ccxk.transactions');
  });
});
