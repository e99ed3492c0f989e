import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYMENT_FORMATS } from '../../../../shared/parsers/payment/index';
import { detectFormats, formatById } from '../../../../shared/parsers/registry';
import type { FormatSpec } from '../../../../shared/parsers/types';
import { PAYMENT_FIXTURES, detectInput, loadFile, mapFile, shanghai, textRecords } from '../../../support/parser-records';

/** 支付流水汇总 of payment institutions other than Alipay/Tenpay (DOMAIN.md §1.3), with device IP and MAC. */

function format(id: string): FormatSpec {
  const spec = formatById(id, PAYMENT_FORMATS);
  if (spec === undefined) throw new Error(`no format ${id}`);
  return spec;
}

describe('payment.summary (支付流水汇总)', () => {
  it('picks the subject side from 出入账标识 and carries device IP and MAC', async () => {
    const loaded = await loadFile(join(PAYMENT_FIXTURES, 'payment-summary/某支付机构_支付流水汇总.csv'), PAYMENT_FIXTURES);
    expect(detectFormats(detectInput(loaded), PAYMENT_FORMATS).map((r) => r.format.id)).toEqual(['payment.summary']);
    const out = await mapFile(format('payment.summary'), loaded);
    expect(out.txns.map((t) => [t.line, t.account.number, t.amountMinor, t.direction, t.balanceMinor, t.counterparty.account ?? null])).toEqual([
      [2, 'U20001', -100000, 'out', 50000, 'M10001'],
      [3, 'U20001', 20000, 'in', 70000, 'U30003'],
      [4, 'U20001', -10000, 'out', 60000, '6225880112345674'],
    ]);
    expect(out.txns[0]).toMatchObject({
      account: { kind: 'payment', number: 'U20001', subAccount: '', cardNumber: '6222600110033606521', bankName: '交通银行' },
      time: { utcMs: shanghai('2025-01-01 10:00:00'), original: '2025-01-01 10:00:00', offsetMinutes: 480 },
      currency: 'CNY',
      directionRaw: '出',
      counterparty: { account: 'M10001', name: '某某科技有限公司' },
      summary: '消费',
      channel: '快捷支付',
      ip: '115.239.210.27',
      mac: '001a2b3c4d5e',
      merchant: '某某科技有限公司',
      txnNo: 'P202501010001',
      logNo: 'F0001',
      succeeded: true,
    });
    expect(out.txns[0]?.raw['支付订单号']).toBe('P202501010001\t');
    // an all-zero MAC is "unknown"; IPv6 normalised
    expect(out.txns[1]).toMatchObject({ ip: '240e::1', mac: undefined, memo: '朋友转账', merchant: undefined });
    // an unreadable IP or MAC is not dropped silently: it stays in the memo (and raw)
    expect(out.txns[2]).toMatchObject({ ip: undefined, memo: '交易支付设备ip abc; mac地址 AA-BB-CC', mac: undefined, counterparty: { account: '6225880112345674', bank: '招商银行' } });
    expect(out.errors).toEqual([
      { type: 'error', sheet: '', line: 5, code: 'MISSING_FIELD', message: '无法确定交易主体的支付帐号（出入账标识为“X”）' },
      { type: 'error', sheet: '', line: 6, code: 'BAD_AMOUNT', message: '交易金额“1.0.0”不是数字' },
    ]);
  });

  it('uses a 支付帐号 column as the subject when the file has one', async () => {
    const records = textRecords(
      '支付帐号,交易主体的出入账标识,交易时间,交易金额,付款方的支付帐号,收款方的支付帐号\nA1,出,2025-01-01 10:00:00,5.00,A1,B2\nA1,未知,2025-01-01 11:00:00,6.00,C3,A1',
      ',',
    );
    const out = await mapFile(format('payment.summary'), { fileName: '支付流水汇总.csv', relPath: 'r/支付流水汇总.csv', records });
    expect(out.txns.map((t) => [t.account.number, t.amountMinor, t.direction, t.counterparty.account])).toEqual([
      ['A1', -500, 'out', 'B2'],
      ['A1', 600, null, 'C3'],
    ]);
  });
});
