import { describe, expect, it } from 'vitest';
import { countEn, listEn, money, moneyEn, percentRange } from '../../../../../shared/analytics/detectors/hit-helpers';

describe('how a finding’s title words its figures', () => {
  it('money: 万 in the Chinese title, yuan and fen with separators in the English one', () => {
    expect(money(7_587_000)).toBe('¥7.59万');
    expect(moneyEn(7_587_000)).toBe('¥75,870.00');
    expect(money(123_456)).toBe('¥1,234.56');
    expect(moneyEn(123_456)).toBe('¥1,234.56');
    expect(moneyEn(104_890_000_00)).toBe('¥104,890,000.00');
  });

  it('counts with the noun in the singular only for one', () => {
    expect(countEn(1, 'day')).toBe('1 day');
    expect(countEn(0, 'day')).toBe('0 days');
    expect(countEn(2, 'policyholder')).toBe('2 policyholders');
    expect(countEn(1.5, 'day')).toBe('1.5 days');
  });

  it('names as an English list, shares as one figure when both ends print alike', () => {
    expect(listEn(['李敏 6222…0020'])).toBe('李敏 6222…0020');
    expect(listEn(['李敏', '蒋伟'])).toBe('李敏 and 蒋伟');
    expect(listEn(['李敏', '蒋伟', '王芳'])).toBe('李敏, 蒋伟 and 王芳');
    expect(percentRange([0.18, 0.181])).toBe('18%');
    expect(percentRange([0.1, 0.3])).toBe('10%–30%');
  });
});
