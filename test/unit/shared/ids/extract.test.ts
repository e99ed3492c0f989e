import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from '../../../../shared/ids';
import type { IdentifierKind } from '../../../../shared/ids';

const TODAY = '2026-06-01';
type Row = [kind: IdentifierKind, text: string, value: string, valid?: boolean, masked?: boolean];

function found(text: string): Row[] {
  return extractIdentifiers(text, { today: TODAY }).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    return [m.kind, m.text, m.value, m.valid, m.masked];
  });
}

describe('extractIdentifiers', () => {
  it.each<[string, Row[]]>([
    ['身份证号11010519491231002X，电话13812345678', [
      ['resident-id', '11010519491231002X', '11010519491231002X', true, false],
      ['mobile', '13812345678', '13812345678', true, false],
    ]],
    // the phone-shaped digits inside the ID and the card are not reported on their own
    ['身份证110105199003071239', [['resident-id', '110105199003071239', '110105199003071239', true, false]]],
    ['卡号6222021381234567802', [['bank-account', '6222021381234567802', '6222021381234567802', true, false]]],
    ['卡号6222021381234567801', [['bank-card', '6222021381234567801', '6222021381234567801', true, false]]],
    ['卡号6222021234567890128收款', [['bank-card', '6222021234567890128', '6222021234567890128', true, false]]],
    ['卡号 6222 0212 3456 7890 128 户名张三', [['bank-card', '6222 0212 3456 7890 128', '6222021234567890128', true, false]]],
    ['身份证号110105199003071238', [['resident-id', '110105199003071238', '110105199003071238', false, false]]],
    ['老身份证110105900307123', [['resident-id', '110105900307123', '110105900307123', true, false]]],
    ['证件3729**********2912', [['resident-id', '3729**********2912', '3729**********2912', false, true]]],
    ['尾号138****5678的手机', [['mobile', '138****5678', '138****5678', false, true]]],
    ['卡6222********1234', [['bank-card', '6222********1234', '6222********1234', false, true]]],
    ['电话：+86 138 1234 5678。', [['mobile', '+86 138 1234 5678', '13812345678', true, false]]],
    ['电话 138-1234-5678 或 0086 13912345678', [
      ['mobile', '138-1234-5678', '13812345678', true, false],
      ['mobile', '0086 13912345678', '13912345678', true, false],
    ]],
    ['手机８６１３８１２３４５６７８', [['mobile', '８６１３８１２３４５６７８', '13812345678', true, false]]],
    ['13812345678,13987654321', [
      ['mobile', '13812345678', '13812345678', true, false],
      ['mobile', '13987654321', '13987654321', true, false],
    ]],
    ['物联网卡1440123456789不是手机', []],
    ['订单号138123456789012345678901', []],
    ['金额13812345678.00元', []],
    ['座机0571-88888888，(010)62345678', [
      ['landline', '0571-88888888', '0571-88888888', true, false],
      ['landline', '(010)62345678', '010-62345678', true, false],
    ]],
    ['用户2088412846264555(马尚德)', [['alipay-uid', '2088412846264555', '2088412846264555', true, false]]],
    ['信用代码91350100M000100Y43。', [['credit-code', '91350100M000100Y43', '91350100M000100Y43', true, false]]],
    ['统一社会信用代码：914401012345678949', [['credit-code', '914401012345678949', '914401012345678949', true, false]]],
    ['订单ABCDEFGHJKLMNPQRTU', []],
    ['加我QQ：123456789', [['qq', '123456789', '123456789', true, false]]],
    ['扣扣号 10001 有事找', [['qq', '10001', '10001', true, false]]],
    ['编号123456789', []],
    ['qq13812345678', [['qq', '13812345678', '13812345678', true, false]]],
    ['加微信zhang_san88聊', [['wechat-id', 'zhang_san88', 'zhang_san88', true, false]]],
    ['vx: Abc-12345 谢谢', [['wechat-id', 'Abc-12345', 'Abc-12345', true, false]]],
    ['the password is hello_world', []],
    ['对方wxid_abc123xyz789发来', [['wechat-id', 'wxid_abc123xyz789', 'wxid_abc123xyz789', true, false]]],
    ['车牌京A12345和粤B·D12345', [
      ['plate', '京A12345', '京A12345', true, false],
      ['plate', '粤B·D12345', '粤BD12345', true, false],
    ]],
    ['登录IP 192.168.1.10 与 100.64.3.2', [
      ['ipv4', '192.168.1.10', '192.168.1.10', true, false],
      ['ipv4', '100.64.3.2', '100.64.3.2', true, false],
    ]],
    ['IP:240E:0388:8A03:0A00::1.', [['ipv6', '240E:0388:8A03:0A00::1', '240e:388:8a03:a00::1', true, false]]],
    ['MAC:AA-BB-CC-DD-EE-FF', [['mac', 'AA-BB-CC-DD-EE-FF', 'aabbccddeeff', true, false]]],
    ['MAC 00:00:00:00:00:00 时间 10:30:00', []],
    ['AA:BB:CC:DD:EE:FF:00', []],
    ['IPv6:2001:db8::1', [['ipv6', '2001:db8::1', '2001:db8::1', true, false]]],
    ['6222 0212 3456 7890 128 6222 0212', []],
    ['1381234567813912345678', []],
    ['版本1.2.3和日期2025.03.14', []],
    ['2025年3月14日 10:30 转账5000元', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('flags what it knows', () => {
    const [card] = extractIdentifiers('6222021381234567802');
    expect(card?.flags).toEqual(['luhn-failed']);
    const [ip] = extractIdentifiers('100.64.0.1');
    expect(ip?.flags).toEqual(['cgnat']);
    const [plate] = extractIdentifiers('京AD12345');
    expect(plate?.flags).toEqual(['new-energy']);
    const [legacy] = extractIdentifiers('110105900307123', { today: TODAY });
    expect(legacy?.flags).toEqual(['legacy-15']);
  });

  it('filters kinds after resolving overlaps', () => {
    const text = '身份证11010519491231002X 电话13812345678';
    expect(extractIdentifiers(text, { kinds: ['mobile'] }).map((m) => m.value)).toEqual(['13812345678']);
  });
});
