import { describe, expect, it } from 'vitest';
import { PAYMENT_FORMATS } from '../../../../shared/parsers/payment/index';
import { BUILT_IN_FORMATS, detectFormats } from '../../../../shared/parsers/registry';
import type { DetectInput } from '../../../../shared/parsers/types';
import { textRecords } from '../../../support/parser-records';

function input(fileName: string, text: string, delimiter = ','): DetectInput {
  return { fileName, relPath: `drop/${fileName}`, head: textRecords(text, delimiter) };
}

describe('payment format registry', () => {
  it('lists every payment format once, version 1, with names in both languages', () => {
    expect(PAYMENT_FORMATS.map((f) => [f.id, f.kind, f.grade])).toEqual([
      ['alipay.register', 'registrations', 'official'],
      ['alipay.logins', 'logins', 'official'],
      ['alipay.trades', 'transactions', 'official'],
      ['alipay.balance', 'transactions', 'official'],
      ['alipay.bill', 'transactions', 'self-provided'],
      ['tenpay.trades', 'transactions', 'official'],
      ['tenpay.register', 'registrations', 'official'],
      ['tenpay.bound-cards', 'bound-cards', 'official'],
      ['tenpay.logins', 'logins', 'official'],
      ['tenpay.basic-info', 'registrations', 'official'],
      ['wechat.bill', 'transactions', 'self-provided'],
      ['payment.summary', 'transactions', 'official'],
    ]);
    for (const f of PAYMENT_FORMATS) {
      expect(f.version).toBe(1);
      expect(f.name.zh).not.toBe('');
      expect(f.name.en).not.toBe('');
    }
    for (const f of PAYMENT_FORMATS) expect(BUILT_IN_FORMATS).toContain(f);
  });
});

describe('never claims a 查控 bank return', () => {
  const header = '交易卡号,交易账号,查询反馈结果原因,交易户名,交易证件号码,交易时间,交易金额,交易余额,收付标志,交易对手账卡号,现金标志,对手户名,对手身份证号,对手开户银行,摘要说明,交易币种,交易网点名称,交易发生地,交易是否成功,传票号,IP地址,MAC地址,对手交易余额,交易流水号,日志号,凭证种类,凭证号,交易柜员号,备注,商户名称,商户代码,交易类型';

  it('the 32-field 交易明细 (shares 交易时间, 交易金额, IP地址, MAC地址, 交易类型 with payment layouts)', () => {
    const text = `${header}\n6222600110033606521\t,,,马尚德,372922197910112912,20250101100000,100.00,200.00,出,6217001210012077689,,王云,,,转账,CNY,,,成功,,115.239.210.27,00-1A-2B-3C-4D-5E,,F1,,,,,,,,`;
    expect(detectFormats(input('广发银行股份有限公司交易明细信息.csv', text), PAYMENT_FORMATS)).toEqual([]);
  });

  it('even when it also carries a payment column or a payment-like file name', () => {
    const text = `${header},交易主体的出入账标识,交易支付设备ip\n6222,,,,,20250101100000,1,1,出,,,,,,,,,,,,,,,,,,,,,,,,出,1.1.1.1`;
    expect(detectFormats(input('TenpayTrades_支付流水汇总.csv', text), PAYMENT_FORMATS)).toEqual([]);
  });

  it('账户信息 with 交易卡号/交易账号', () => {
    const text = '账户开户名称,开户人证件号码,交易卡号,交易账号,账号开户时间,账户余额,可用余额,币种,账户状态,联系电话,注册时间\n马尚德,372922197910112912,6222,6222,20200101,1,1,CNY,正常,15900578144,20200101';
    expect(detectFormats(input('账户信息.csv', text), PAYMENT_FORMATS)).toEqual([]);
  });
});

describe('detection reasons and hints', () => {
  it('names the matched columns and the file-name hint', () => {
    const text = '用户ID\t交易单号\t大单号\t借贷类型\t交易时间\t交易金额(分)\nu\tT\tD\t出\t2025-01-01 00:00:00\t1';
    const [top] = detectFormats({ fileName: 'TenpayTrades.txt', relPath: 'a/TenpayTrades.txt', head: textRecords(text) }, PAYMENT_FORMATS);
    expect(top?.format.id).toBe('tenpay.trades');
    expect(top?.reason).toMatch(/^财付通交易明细 TenpayTrades：表头匹配 6\/21 个字段（用户ID, 交易单号, 大单号, 借贷类型 …）；文件名\/路径符合/);
  });

  it('a bare 时间 + IP table without any hint is only a low-confidence login trail', () => {
    const [top] = detectFormats(input('data.txt', '时间\tIP\n2026-01-01 00:00:00\t1.2.3.4', '\t'), PAYMENT_FORMATS);
    expect(top?.format.id).toBe('tenpay.logins');
    expect(top?.confidence).toBe(0.45);
  });

  it('a key-value file needs 微信号 and another known key', () => {
    expect(detectFormats(input('notes.txt', '昵称: 甲\n注册时间: 2020-01-01', '\t'), PAYMENT_FORMATS)).toEqual([]);
    expect(detectFormats(input('notes.txt', '微信号: wxid_abcd1234\n昵称: 甲', '\t'), PAYMENT_FORMATS).map((r) => r.format.id)).toEqual(['tenpay.basic-info']);
  });
});
