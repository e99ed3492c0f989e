import { describe, expect, it } from 'vitest';
import { splitAlipayParty } from '../../../../shared/parsers/payment/alipay/party';
import { splitBoundCards } from '../../../../shared/parsers/payment/alipay/register';
import { clean, currencyCode, parseYuan, statusSucceeded } from '../../../../shared/parsers/payment/common/cells';
import { tenpayPathFacts } from '../../../../shared/parsers/payment/tenpay/path';
import { secondColumn } from '../../../../shared/parsers/payment/tenpay/trades';

describe('parseYuan', () => {
  it.each([
    ['28.16', 2816],
    ['¥28.16', 2816],
    ['￥1000.00', 100000],
    ['"1,234.50"'.replace(/"/g, ''), 123450],
    ['-1200.0', -120000],
    // numbers re-saved by a spreadsheet
    ['548.58000000000004', 54858],
    ['7.0000000000000007E-2', 7],
    ['0.29999999999999999', 30],
    ['1.1E+3', 110000],
  ])('%s → %i 分', (text, minor) => {
    expect(parseYuan(text)).toMatchObject({ ok: true, minor });
  });

  it.each([
    ['1.234', 'too-many-decimals'],
    ['12.3456789', 'too-many-decimals'],
    ['1e5x', 'not-a-number'],
    ['null', 'empty'],
    ['/', 'empty'],
  ])('%s is refused (%s)', (text, reason) => {
    expect(parseYuan(text)).toMatchObject({ ok: false, reason });
  });
});

describe('cell helpers', () => {
  it('treats the platforms’ empty markers as empty', () => {
    expect(['/', 'null', 'NULL', '--', ' \t', '<nil>'].map(clean)).toEqual(['', '', '', '', '', '']);
    expect(clean('  交易成功\t')).toBe('交易成功');
  });

  it.each([
    ['交易成功', true],
    ['交易成功结束', true],
    ['等待确认收货', true],
    ['已全额退款', true],
    ['对方已退还', true],
    ['交易关闭', false],
    ['支付失败', false],
    ['已取消', false],
    ['等待付款', false],
  ])('status %s → succeeded %s', (status, ok) => {
    expect(statusSucceeded(status)).toBe(ok);
  });

  it('maps 币种 words to ISO codes', () => {
    expect(['人民币', 'RMB', '', '美元', 'hkd', 'JPY'].map(currencyCode)).toEqual(['CNY', 'CNY', 'CNY', 'USD', 'HKD', 'JPY']);
  });
});

describe('Alipay cells', () => {
  it.each([
    ['2088412846264555(马尚德)', { account: '2088412846264555', uid: '2088412846264555', name: '马尚德' }],
    ['2088412846264555（马尚德）', { account: '2088412846264555', uid: '2088412846264555', name: '马尚德' }],
    ['(中国建设银行)6217001210012077689', { account: '6217001210012077689', bank: '中国建设银行' }],
    ['王云(招商银行)(6225880112345674)', { account: '6225880112345674', name: '王云', bank: '招商银行' }],
    ['wangyun@example.com(王云)', { account: 'wangyun@example.com', name: '王云' }],
    ['某某专营店', { name: '某某专营店' }],
    ['null', {}],
  ])('%s', (cell, parts) => {
    expect(splitAlipayParty(cell)).toEqual(parts);
  });

  it('splits 绑定银行卡', () => {
    expect(splitBoundCards('借记卡:COMM:6222600110033606521;信用卡：CCB：4367 4200 1234 5678；')).toEqual([
      { cardType: '借记卡', bankCode: 'COMM', number: '6222600110033606521' },
      { cardType: '信用卡', bankCode: 'CCB', number: '4367420012345678' },
    ]);
    expect(splitBoundCards('借记卡:COMM:6222600110033606521 借记卡:CCB:6217001210012077689').map((c) => c.number)).toEqual([
      '6222600110033606521',
      '6217001210012077689',
    ]);
    expect(splitBoundCards('6222600110033606521')).toEqual([{ cardType: '', bankCode: '', number: '6222600110033606521' }]);
  });
});

describe('Tenpay helpers', () => {
  it('reads the return folder tree', () => {
    expect(tenpayPathFacts('drop/L-1/TP5d/IDCARD/372922197910112912/big_lu_1/TenpayTrades.txt')).toEqual({
      idCard: '372922197910112912',
      accountDir: 'big_lu_1',
    });
    expect(tenpayPathFacts('drop/WX54/IPHONE/15900578144/regInfobasicInfo.txt')).toEqual({ phone: '15900578144' });
    expect(tenpayPathFacts('drop/IDCARD/372922197910112912/TenpayTrades.txt')).toEqual({ idCard: '372922197910112912' });
    expect(tenpayPathFacts('TenpayTrades.txt')).toEqual({});
  });

  it('finds the second column of a repeated header name', () => {
    expect(secondColumn({ '网联/银联': 'a', '网联/银联#20': ' 银联\t' }, '网联/银联')).toBe('银联');
    expect(secondColumn({ '网联/银联': 'a' }, '网联/银联')).toBe('');
  });
});
