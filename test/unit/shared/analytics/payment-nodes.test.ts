import { describe, expect, it } from 'vitest';
import list from '../../../../resources/reference/payment-nodes.json';
import { createPaymentNodeMatcher, parsePaymentNodeList } from '@shared/analytics/payment-nodes';

const matcher = createPaymentNodeMatcher(parsePaymentNodeList(list));
const idOf = (text: Parameters<typeof matcher.match>[0]) => matcher.match(text)?.id ?? null;

describe('payment-nodes.json', () => {
  it('recognises the platforms and clearing organisations by the names bank returns print', () => {
    expect(idOf({ account: '243300133', name: '财付通支付科技有限公司' })).toBe('tenpay');
    expect(idOf({ account: '215500690', name: '支付宝（中国）网络技术有限公司' })).toBe('alipay');
    expect(idOf({ account: null, name: '支付宝(中国)网络技术有限公司' })).toBe('alipay');
    expect(idOf({ account: null, name: '网联清算有限公司' })).toBe('nucc');
    expect(idOf({ account: null, name: '中国银联股份有限公司' })).toBe('unionpay');
    // the acquirer, not the card scheme: the longer name wins
    expect(idOf({ account: '571509342071764', name: '银联商务股份有限公司' })).toBe('chinaums');
    expect(idOf({ account: null, name: '网银在线（北京）科技有限公司' })).toBe('jdpay');
    expect(idOf({ account: '3100012345', name: '某银行待清算款项' })).toBe('bank-clearing');
  });

  it('reads the summary only when the row names nobody, and a wallet top-up or withdrawal as its own platform', () => {
    expect(idOf({ account: null, name: null, summary: '支付宝-李四' })).toBe('alipay');
    expect(idOf({ account: null, name: null, summary: '财付通-微信红包' })).toBe('tenpay');
    expect(idOf({ account: null, name: '李四', summary: '支付宝-李四' })).toBeNull();
    expect(idOf({ account: null, name: null, summary: '零钱提现', ownKind: 'tenpay' })).toBe('tenpay');
    expect(idOf({ account: null, name: null, summary: '充值', ownKind: 'alipay' })).toBe('alipay');
    expect(idOf({ account: null, name: null, summary: 'ATM取款', ownKind: 'bank' })).toBeNull();
  });

  it('leaves people, shops and ordinary companies alone', () => {
    for (const name of ['张三', '天河百佳百货', '重庆正信法务咨询有限公司', '厦门嘉禾供应链有限公司', '银河超市', '联动科技有限公司']) {
      expect(idOf({ account: '6222000000000000001', name })).toBeNull();
    }
  });

  it('rejects a malformed list with the place of the problem', () => {
    expect(() => parsePaymentNodeList({ version: 1, nodes: [{ id: 'x', kind: 'bank', name: { zh: '', en: '' } }] })).toThrow(/x\.kind/);
  });
});
