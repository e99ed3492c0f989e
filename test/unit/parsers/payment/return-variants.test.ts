import { describe, expect, it } from 'vitest';
import { PAYMENT_FORMATS } from '../../../../shared/parsers/payment/index';
import { detectFormats, formatById } from '../../../../shared/parsers/registry';
import type { FormatSpec } from '../../../../shared/parsers/types';
import { detectInput, mapFile, shanghai, textRecords } from '../../../support/parser-records';
import type { MappedFile } from '../../../support/parser-records';

/**
 * Alipay and Tenpay police returns and personal bills in variants the fixtures do not show (DOMAIN.md §1.2–1.4):
 * hand-written tab-separated rows, detected and mapped like a dropped file.
 */

function format(id: string): FormatSpec {
  const spec = formatById(id, PAYMENT_FORMATS);
  if (spec === undefined) throw new Error(`no format ${id}`);
  return spec;
}

async function importText(fileName: string, id: string, text: string): Promise<MappedFile> {
  const loaded = { fileName, relPath: `drop/${fileName}`, records: textRecords(text) };
  expect(detectFormats(detectInput(loaded), PAYMENT_FORMATS)[0]?.format.id).toBe(id);
  return mapFile(format(id), loaded);
}

const lines = (...rows: string[][]): string => rows.map((row) => row.join('\t')).join('\n');

describe('alipay.trades (账户明细) variants', () => {
  const header = ['交易号', '交易创建时间', '用户信息', '交易对方信息', '金额（元）', '收/支', '交易状态', '资金状态'];
  const row = (no: string, counterparty: string, amount: string, direction: string, status: string, fund = ''): string[] => [
    no,
    '2025-08-09 08:50:20',
    '2088412846264555(马尚德)',
    counterparty,
    amount,
    direction,
    status,
    fund,
  ];

  it.each<[string, { account?: string; name?: string; bank?: string }]>([
    ['2088002020170361(王云)', { account: '2088002020170361', name: '王云' }],
    ['王云(2088002020170361)', { account: '2088002020170361', name: '王云' }],
    ['王云（13800138000）', { account: '13800138000', name: '王云' }],
    ['(中国建设银行)6217001210012077689', { account: '6217001210012077689', bank: '中国建设银行' }],
    ['中国建设银行(6217001210012077689)', { account: '6217001210012077689', bank: '中国建设银行' }],
    ['王云(招商银行)(6225880112345674)', { account: '6225880112345674', name: '王云', bank: '招商银行' }],
    ['某某专营店', { name: '某某专营店' }],
  ])('交易对方信息 %j', async (cell, counterparty) => {
    const out = await importText('x_账户明细d2_part1.csv', 'alipay.trades', lines(header, row('A1', cell, '100.00', '支出', '交易成功')));
    expect(out.txns[0]?.counterparty).toEqual({ account: undefined, name: undefined, bank: undefined, ...counterparty });
  });

  it('keeps closed and failed trades flagged, and refunds as done', async () => {
    const out = await importText(
      'x_账户明细d2_part1.csv',
      'alipay.trades',
      lines(header, row('A1', '王云', '10.00', '支出', '交易成功'), row('A2', '王云', '10.00', '支出', '交易关闭'), row('A3', '王云', '10.00', '收入', '退款成功'), row('A4', '王云', '10.00', '支出', '支付失败')),
    );
    expect(out.txns.map((t) => [t.txnNo, t.succeeded, t.failReason])).toEqual([
      ['A1', true, undefined],
      ['A2', false, '交易关闭'],
      ['A3', true, undefined],
      ['A4', false, '支付失败'],
    ]);
  });

  it('takes the direction from 资金状态 when 收/支 is blank, then from a signed amount', async () => {
    const out = await importText(
      'x_账户明细d2_part1.csv',
      'alipay.trades',
      lines(header, row('A1', '王云', '10.00', '', '交易成功', '已支出'), row('A2', '王云', '10.00', '', '交易成功', '已收入'), row('A3', '王云', '-10.00', '', '交易成功'), row('A4', '王云', '10.00', '', '交易成功', '资金转移')),
    );
    expect(out.txns.map((t) => [t.amountMinor, t.direction, t.directionRaw])).toEqual([
      [-1000, 'out', '已支出'],
      [1000, 'in', '已收入'],
      [-1000, 'out', '-'],
      [1000, null, ''],
    ]);
  });

  it.each<[string, string, string, 'in' | 'out' | null, number, string]>([
    // an explicit 不计收支 is neutral: 资金状态 and the sign never override it
    ['不计收支', '已收入', '10.00', null, 1000, '不计收支'],
    ['不计收支', '已支出', '-10.00', null, 1000, '不计收支'],
    // 资金状态 only fills a blank 收/支
    ['', '已收入', '10.00', 'in', 1000, '已收入'],
    ['其他', '已收入', '10.00', null, 1000, '其他'],
    ['支出', '已收入', '10.00', 'out', -1000, '支出'],
  ])('收/支 %j with 资金状态 %j and 金额 %j → %s', async (printed, fund, amount, direction, amountMinor, directionRaw) => {
    const out = await importText('x_账户明细d2_part1.csv', 'alipay.trades', lines(header, row('A1', '王云', amount, printed, '交易成功', fund)));
    expect(out.txns.map((t) => [t.direction, t.amountMinor, t.directionRaw])).toEqual([[direction, amountMinor, directionRaw]]);
  });

  it('reads a return that prints 资金状态 instead of 收/支', async () => {
    const out = await importText(
      'x_账户明细d2_part1.csv',
      'alipay.trades',
      lines(['交易号', '交易时间', '用户信息', '交易对方', '金额', '资金状态', '交易状态'], ['A1', '2025/8/9 下午2:05:00', '2088412846264555', '王云(2088002020170361)', '66.00', '已支出', '交易成功']),
    );
    expect(out.txns[0]).toMatchObject({
      account: { number: '2088412846264555' },
      amountMinor: -6600,
      direction: 'out',
      time: { utcMs: shanghai('2025-08-09 14:05:00'), original: '2025/8/9 下午2:05:00' },
      counterparty: { account: '2088002020170361', name: '王云' },
    });
  });
});

describe('alipay.bill (personal export) 2019 layout', () => {
  it('signs a row with a blank 收/支 by its 资金状态', async () => {
    const header = ['交易号', '交易创建时间', '交易对方', '商品名称', '金额（元）', '收/支', '交易状态', '资金状态'];
    const text = `支付宝交易记录明细查询\n账号:[faker@example.com]\n${lines(header, ['T1', '2019-09-30 13:11:25', '余额宝', '转出', '27.00', '', '交易成功', '已支出'], ['T2', '2019-09-30 13:12:25', '某人', '转账', '5.00', '', '交易成功', '资金转移'])}`;
    const out = await importText('alipay_record.csv', 'alipay.bill', text);
    expect(out.txns.map((t) => [t.amountMinor, t.direction, t.directionRaw])).toEqual([
      [-2700, 'out', '已支出'],
      [500, null, ''],
    ]);
  });
});

describe('不计收支 reads the same in the police return and the personal bill', () => {
  it.each<[string, string, 'in' | 'out' | null]>([
    ['不计收支', '已收入', null],
    ['不计收支', '已支出', null],
    ['', '已收入', 'in'],
    ['收入', '已支出', 'in'],
  ])('收/支 %j with 资金状态 %j → %s in both', async (printed, fund, direction) => {
    const trades = await importText(
      'x_账户明细d2_part1.csv',
      'alipay.trades',
      lines(['交易号', '交易创建时间', '用户信息', '交易对方信息', '金额（元）', '收/支', '交易状态', '资金状态'], ['A1', '2019-09-30 13:11:25', '2088412846264555', '余额宝', '27.00', printed, '交易成功', fund]),
    );
    const bill = await importText(
      'alipay_record.csv',
      'alipay.bill',
      `支付宝交易记录明细查询\n账号:[faker@example.com]\n${lines(['交易号', '交易创建时间', '交易对方', '商品名称', '金额（元）', '收/支', '交易状态', '资金状态'], ['T1', '2019-09-30 13:11:25', '余额宝', '转出', '27.00', printed, '交易成功', fund])}`,
    );
    expect([trades.txns[0]?.direction, bill.txns[0]?.direction]).toEqual([direction, direction]);
    expect([trades.txns[0]?.amountMinor, bill.txns[0]?.amountMinor]).toEqual(direction === 'out' ? [-2700, -2700] : [2700, 2700]);
  });
});

describe('tenpay.trades variants', () => {
  it('reads 交易类型 转账/红包/提现/充值, 借贷类型 出/入, wxid and custom 用户ID forms, and the usual time forms', async () => {
    const header = ['用户ID', '交易单号', '借贷类型', '交易类型', '交易时间', '交易金额(分)', '账户余额(分)', '对手方ID', '对手侧账户名称', '对手方接收金额(分)'];
    const out = await importText(
      'TenpayTrades.txt',
      'tenpay.trades',
      lines(
        header,
        ['wxid_4k2x9ab7c8d912', '1000050001202503150001', '出', '转账', '2025-03-15 09:30:12', '10000', '5000', 'wxid_def456', '李四', '10000'],
        ['wxid_4k2x9ab7c8d912', '1000050001202503150002', '出', '微信红包', '2025/3/15 9:31:00', '2000', '3000', 'abc@chatroom', '', '800'],
        ['zhang_san88', '1000050001202503150003', '入', '充值', '20250315093200', '1', '3001', '', '', ''],
        ['zhang_san88', '1000050001202503150004', '出', '提现', '2025-03-15 09:33:00 +0800 CST', '3001', '0', '', '招商银行', ''],
      ),
    );
    expect(out.errors).toEqual([]);
    expect(out.txns.map((t) => [t.account.number, t.amountMinor, t.direction, t.balanceMinor, t.channel, t.counterparty.account ?? null, t.counterparty.name ?? null])).toEqual([
      ['wxid_4k2x9ab7c8d912', -10000, 'out', 5000, '转账', 'wxid_def456', '李四'],
      ['wxid_4k2x9ab7c8d912', -2000, 'out', 3000, '微信红包', 'abc@chatroom', null],
      ['zhang_san88', 1, 'in', 3001, '充值', null, null],
      ['zhang_san88', -3001, 'out', 0, '提现', null, '招商银行'],
    ]);
    expect(out.txns[1]?.memo).toBe('群红包: 对手方接收金额 8.00 元 < 交易金额 20.00 元');
    expect(out.txns.map((t) => t.time.utcMs)).toEqual([
      shanghai('2025-03-15 09:30:12'),
      shanghai('2025-03-15 09:31:00'),
      shanghai('2025-03-15 09:32:00'),
      shanghai('2025-03-15 09:33:00'),
    ]);
  });

  it('reads amounts in 元 when the header says 元, and rejects 元 in a 分 column', async () => {
    const yuan = await importText('TenpayTrades.txt', 'tenpay.trades', lines(['用户ID', '借贷类型', '交易时间', '交易金额(元)', '账户余额(元)'], ['u1', '出', '2025-03-15 09:30:12', '100.50', '0.50']));
    expect(yuan.txns.map((t) => [t.amountMinor, t.balanceMinor])).toEqual([[-10050, 50]]);
    const fen = await importText('TenpayTrades.txt', 'tenpay.trades', lines(['用户ID', '借贷类型', '交易时间', '交易金额(分)'], ['u1', '出', '2025-03-15 09:30:12', '100.50']));
    expect(fen.errors).toEqual([{ type: 'error', sheet: '', line: 2, code: 'BAD_AMOUNT', message: '交易金额(分)“100.50”不是以分为单位的整数' }]);
  });
});

describe('wechat.bill variants', () => {
  it('reads ¥/￥ amounts, 收入/支出 and the neutral “/”, with 交易状态 as the status column', async () => {
    const header = ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '交易状态', '交易单号', '商户单号', '备注'];
    const text = `微信支付账单明细\n微信昵称：[小明]\n${lines(
      header,
      ['2024-03-15 09:30:12', '转账', '李四', '/', '支出', '"￥1,000.00"', '零钱', '支付成功', '1000', '/', '/'],
      ['2024-03-15 10:00:00', '微信红包', '王五', '/', '收入', '¥8.88', '/', '已存入零钱', '1001', '/', '/'],
      ['2024-03-15 11:00:00', '零钱提现', '招商银行', '/', '/', '¥100.00', '零钱', '提现已到账', '1002', '/', '服务费¥0.10'],
      ['2024-03-15 12:00:00', '商户消费', '某店', '/', '支出', '¥20.00', '零钱', '支付失败', '1003', '/', '/'],
    )}`;
    const out = await importText('微信支付账单(20240301-20240331).csv', 'wechat.bill', text);
    expect(out.txns.map((t) => [t.amountMinor, t.direction, t.succeeded])).toEqual([
      [-100000, 'out', true],
      [888, 'in', true],
      [10000, null, true],
      [-2000, 'out', false],
    ]);
  });
});

describe('bills and returns printed in pages', () => {
  it('drop the header repeated at a page break', async () => {
    const header = ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态'];
    const row = ['2024-03-15 09:30:12', '转账', '李四', '/', '支出', '¥1.00', '零钱', '支付成功'];
    const bill = await importText('微信支付账单.csv', 'wechat.bill', `微信昵称：[小明]\n${lines(header, row, header, row)}`);
    expect([bill.txns.map((t) => t.line), bill.errors]).toEqual([[3, 5], []]);
    const tenpayHeader = ['用户ID', '借贷类型', '交易时间', '交易金额(分)'];
    const trades = await importText('TenpayTrades.txt', 'tenpay.trades', lines(tenpayHeader, ['u1', '出', '2025-03-15 09:30:12', '100'], tenpayHeader, ['u1', '入', '2025-03-15 09:31:12', '100']));
    expect([trades.txns.map((t) => t.line), trades.errors]).toEqual([[2, 4], []]);
  });
});

describe('row errors and file warnings are worded in Chinese, like the bank ones', () => {
  const ENGLISH = /\b(?:is|are|was|the|not|no|names|empty|found|line|sheet|rows?|both|hold)\b/;

  it.each<[string, string, string]>([
    ['x_账户明细d2_part1.csv', 'alipay.trades', lines(['交易号', '交易创建时间', '用户信息', '交易对方信息', '金额（元）', '收/支'], ['A1', '2025-08-09 08:50:20', 'null', '王云', '1.00', '支出'], ['A2', '2025-08-09 08:50:20', '2088412846264555', '王云', '', '支出'], ['A3', '2025-08-09 08:50:20', '2088412846264555', '王云', 'abc', '支出'], ['A4', '昨天', '2088412846264555', '王云', '1.00', '支出'])],
    ['TenpayTrades.txt', 'tenpay.trades', lines(['用户ID', '借贷类型', '交易时间', '交易金额(分)', '账户余额(分)'], ['u1', '出', '2025-03-15 09:30:12', '12.5', ''], ['u1', '出', '2025-03-15 09:30:12', '', ''], ['u1', '出', '', '100', ''], ['u1', '出', '2025-03-15 09:30:12', '100', 'x'])],
    ['微信支付账单.csv', 'wechat.bill', `微信昵称：[小明]\n共9笔记录\n${lines(['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态'], ['2024-03-15 09:30:12', '转账', '李四', '/', '支出', 'abc', '零钱', '支付成功'], ['2024-02-30 09:30:12', '转账', '李四', '/', '支出', '1.00', '零钱', '支付成功'])}`],
  ])('%s (%s)', async (fileName, id, text) => {
    const out = await importText(fileName, id, text);
    const messages = [...out.errors, ...out.warnings].map((o) => o.message);
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) {
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toMatch(ENGLISH);
    }
  });
});
