import { describe, expect, it } from 'vitest';
import { extractChatAmounts, parseNumeralMinor } from '../../../../shared/money';
import type { AmountEvidence } from '../../../../shared/money';

type Row = [text: string, yuanMinor: number, evidence: AmountEvidence];

function amounts(text: string): Row[] {
  return extractChatAmounts(text).map((a) => {
    expect(text.slice(a.start, a.end)).toBe(a.text);
    return [a.text, a.minor, a.evidence];
  });
}

describe('extractChatAmounts', () => {
  it.each<[string, Row[]]>([
    // bare and grouped numbers
    ['先转5000过来', [['5000', 500000, 'bare']]],
    ['先转5,000过来', [['5,000', 500000, 'bare']]],
    ['一共12,345.67', [['12,345.67', 1234567, 'bare']]],
    // magnitude units
    ['给你5千', [['5千', 500000, 'magnitude']]],
    ['五千就行', [['五千', 500000, 'magnitude']]],
    ['5k搞定', [['5k', 500000, 'magnitude']]],
    ['5K搞定', [['5K', 500000, 'magnitude']]],
    ['这单5w', [['5w', 5000000, 'magnitude']]],
    ['这单5W', [['5W', 5000000, 'magnitude']]],
    ['2.5万到账了', [['2.5万', 2500000, 'magnitude']]],
    ['一万二', [['一万二', 1200000, 'magnitude']]],
    ['一万五千', [['一万五千', 1500000, 'magnitude']]],
    ['两千', [['两千', 200000, 'magnitude']]],
    ['三百五', [['三百五', 35000, 'magnitude']]],
    ['1.2亿的盘子', [['1.2亿', 12000000000, 'magnitude']]],
    ['3万5千', [['3万5千', 3500000, 'magnitude']]],
    ['1万2', [['1万2', 1200000, 'magnitude']]],
    ['5万5000', [['5万5000', 5500000, 'magnitude']]],
    ['两万五', [['两万五', 2500000, 'magnitude']]],
    ['一万零五十', [['一万零五十', 1005000, 'magnitude']]],
    ['1.5k', [['1.5k', 150000, 'magnitude']]],
    // currency markers
    ['¥5000', [['¥5000', 500000, 'currency']]],
    ['￥5,000.50', [['￥5,000.50', 500050, 'currency']]],
    ['5000元', [['5000元', 500000, 'currency']]],
    ['八百块', [['八百块', 80000, 'currency']]],
    ['给了八百块钱', [['八百块钱', 80000, 'currency']]],
    ['rmb3000', [['rmb3000', 300000, 'currency']]],
    ['3000RMB', [['3000RMB', 300000, 'currency']]],
    ['人民币壹仟贰佰元整', [['人民币壹仟贰佰元整', 120000, 'currency']]],
    ['二十元', [['二十元', 2000, 'currency']]],
    ['5块5', [['5块5', 550, 'currency']]],
    ['八块五毛', [['八块五毛', 850, 'currency']]],
    ['5000多块', [['5000多块', 500000, 'currency']]],
    ['5万块', [['5万块', 5000000, 'currency']]],
    ['¥ 2.5万', [['¥ 2.5万', 2500000, 'currency']]],
    ['$100', [['$100', 10000, 'currency']]],
    // several in one message
    ['多退两万抽成五千', [['两万', 2000000, 'magnitude'], ['五千', 500000, 'magnitude']]],
    ['先付定金500，尾款3000', [['500', 50000, 'bare'], ['3000', 300000, 'bare']]],
    ['3000-5000元', [['3000', 300000, 'bare'], ['5000元', 500000, 'currency']]],
    // not money: identifiers, dates, times, counts, rates
    ['电话13812345678', []],
    ['卡号6222021234567890128', []],
    ['身份证110105199003071239', []],
    ['2025年3月', []],
    ['2025-03-14见', []],
    ['10:30到', []],
    ['晚上10点30见', []],
    ['3月5日', []],
    ['5000人', []],
    ['三个人', []],
    ['打5折', []],
    ['返30%', []],
    ['4折解债', []],
    ['一起吃饭', []],
    ['千万别说', []],
    ['万一出事', []],
    ['十分感谢', []],
    ['第3000名', []],
    ['5kg', []],
    ['QQ12345678', []],
    ['版本1.2.3', []],
    ['等50', []],
    ['1234.567元', []],
    ['20250314转账50000', [['50000', 5000000, 'bare']]],
    ['他有100多个客户', []],
    ['费用：￥3,500.00元', [['￥3,500.00元', 350000, 'currency']]],
    ['收到 500 元', [['500 元', 50000, 'currency']]],
    ['下午3点转5000', [['5000', 500000, 'bare']]],
    ['10:30 一万二', [['一万二', 1200000, 'magnitude']]],
    ['10:30 5000元', [['5000元', 500000, 'currency']]],
    ['编号 6222 0212 3456', []],
    // small amounts written to the fen right after a payment word count; the same number elsewhere does not
    ['到老太太卡上92.17', [['92.17', 9217, 'bare']]],
    ['已转了 35.50', [['35.50', 3550, 'bare']]],
    ['版本 92.17', []],
    ['卡上92', []],
    ['向金融监管部门（12378）投诉', []],
    ['打95511问一下', []],
    ['转了12378元', [['12378元', 1237800, 'currency']]],
  ])('%s', (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  it('honours minBareYuan and defaultCurrency', () => {
    expect(extractChatAmounts('等50', { minBareYuan: 10 }).map((a) => a.minor)).toEqual([5000]);
    expect(extractChatAmounts('5000', { defaultCurrency: 'HKD' })[0]?.currency).toBe('HKD');
    expect(extractChatAmounts('100美元')[0]?.currency).toBe('USD');
  });
});

describe('parseNumeralMinor', () => {
  it.each<[string, bigint | null]>([
    ['一', 100n],
    ['十', 1000n],
    ['十五', 1500n],
    ['二十', 2000n],
    ['一百零五', 10500n],
    ['一千二百五', 125000n],
    ['一亿二千万', 12000000000n],
    ['一亿二', 12000000000n],
    ['一万亿', 100000000000000n],
    ['1.23456万', 1234560n],
    ['1.234567万', 1234567n],
    ['1.2345678万', null],
    ['一二', null],
    ['百', null],
    ['千万', null],
    ['万', null],
    ['一百千', null],
    ['', null],
  ])('%j → %s', (text, minor) => expect(parseNumeralMinor(text)).toBe(minor));
});
