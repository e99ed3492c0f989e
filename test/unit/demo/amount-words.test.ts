import { describe, expect, it } from 'vitest';
import { Rng } from '../../../electron/core/demo/prng';
import { amountText, chineseNumber, colloquial } from '../../../electron/core/demo/amount-words';

const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** an independent reader for the forms the generator writes, in 分 */
function readAmount(text: string): number {
  const t = text.replace(/^¥/, '').replace(/[元块]$/, '');
  let m = /^([\d,]+)(?:\.(\d{2}))?$/.exec(t);
  if (m) return Number((m[1] ?? '').replace(/,/g, '')) * 100 + Number(m[2] ?? '0');
  m = /^(\d+(?:\.\d)?)([kw千万])$/.exec(t);
  if (m) {
    const [whole, frac = ''] = (m[1] ?? '').split('.');
    const unit = m[2] === 'k' || m[2] === '千' ? 1_000 : 10_000;
    return (Number(whole) * unit + (Number(frac || '0') * unit) / 10) * 100;
  }
  // Chinese numerals, with the colloquial tail (一万二 = 12000, 三千五 = 3500)
  let total = 0;
  let section = 0;
  let digit = 0;
  let lastUnit = 1;
  for (const ch of t) {
    if (ch in DIGIT) digit = DIGIT[ch] ?? 0;
    else if (ch in UNIT) {
      const u = UNIT[ch] ?? 1;
      section += (digit === 0 && ch === '十' ? 1 : digit) * u;
      digit = 0;
      lastUnit = u;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
      lastUnit = 10_000;
    } else throw new Error(`cannot read ${text}`);
  }
  const tail = digit > 0 && !t.endsWith('零' + Object.keys(DIGIT).find((k) => DIGIT[k] === digit)) && /[千万百]$/.test(t.slice(0, -1)) ? digit * (lastUnit / 10) : digit;
  return (total + section + tail) * 100;
}

describe('amounts as people write them', () => {
  it('writes Chinese numerals', () => {
    expect(chineseNumber(5000)).toBe('五千');
    expect(chineseNumber(2000)).toBe('两千');
    expect(chineseNumber(20000)).toBe('两万');
    expect(chineseNumber(12000)).toBe('一万二千');
    expect(chineseNumber(10500)).toBe('一万零五百');
    expect(chineseNumber(3500)).toBe('三千五百');
    expect(chineseNumber(15)).toBe('十五');
  });

  it('writes colloquial short forms only where they are exact', () => {
    expect(colloquial(12000)).toBe('一万二');
    expect(colloquial(25000)).toBe('两万五');
    expect(colloquial(3500)).toBe('三千五');
    expect(colloquial(20000)).toBeNull();
    expect(colloquial(12345)).toBeNull();
  });

  it('every written form reads back to the value the ground truth records', () => {
    const rng = new Rng('amounts');
    const seen = new Set<string>();
    for (let i = 0; i < 3_000; i++) {
      const minor = rng.chance(0.2) ? rng.int(1, 9_999_999) : rng.pick([500, 3_500, 5_000, 12_000, 20_000, 25_000, 50_000, 100_000, 8_800]) * 100;
      const a = amountText(rng, minor);
      expect(a.amountMinor).toBe(minor);
      expect(readAmount(a.text), a.text).toBe(minor);
      seen.add(a.text.replace(/\d/g, '9'));
    }
    for (const form of ['9999', '9,999', '9千', '9k', '9w', '9.9万', '¥9999', '9999元', '9999块', '五千', '一万二']) {
      expect([...seen].some((s) => s === form || s === form.replace(/\d/g, '9')), form).toBe(true);
    }
  });
});
