/**
 * The ways people write an amount in chat (5000, 5,000, 5千, 五千, 5k, 5w, 2.5万, 一万二, ¥5000, 5000元, 5000块),
 * each paired with the exact value it denotes so the ground truth can state what an extractor should find.
 */
import type { Rng } from './prng';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0–9999 in Chinese numerals (两 for a leading 2 before 千/百) */
function under10k(n: number, leadingTwo: boolean): string {
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let out = '';
  let zero = false;
  let first = true;
  for (const [u, name] of units) {
    const d = Math.floor(n / u) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    const digit = d === 2 && first && leadingTwo && u >= 100 ? '两' : (DIGITS[d] ?? '');
    out += u === 10 && d === 1 && first ? '十' : digit + name;
    first = false;
  }
  return out;
}

/** a whole number of yuan in Chinese numerals, e.g. 12000 → 一万二千, 10500 → 一万零五百 */
export function chineseNumber(n: number): string {
  if (n === 0) return '零';
  const wan = Math.floor(n / 10_000);
  const rest = n % 10_000;
  if (wan === 0) return under10k(rest, true);
  let out = `${wan === 2 ? '两' : under10k(wan, true)}万`;
  if (rest === 0) return out;
  if (rest < 1000) out += '零';
  return out + under10k(rest, false);
}

/** colloquial forms: 一万二 (12000), 三千五 (3500), 两万五 (25000); null when the amount has no such form */
export function colloquial(n: number): string | null {
  if (n >= 10_000 && n % 1_000 === 0 && n < 100_000) {
    const wan = Math.floor(n / 10_000);
    const k = (n % 10_000) / 1_000;
    if (k === 0) return null;
    return `${wan === 2 ? '两' : (DIGITS[wan] ?? '')}万${DIGITS[k] ?? ''}`;
  }
  if (n >= 1_000 && n < 10_000 && n % 100 === 0 && n % 1_000 !== 0) {
    const k = Math.floor(n / 1_000);
    return `${k === 2 ? '两' : (DIGITS[k] ?? '')}千${DIGITS[(n % 1_000) / 100] ?? ''}`;
  }
  return null;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface AmountText {
  text: string;
  /** 分 */
  amountMinor: number;
}

/**
 * One written form of an amount (in 分). Amounts with 角/分 are written with decimals; whole amounts get one of
 * the colloquial forms that fits them exactly.
 */
export function amountText(rng: Rng, minor: number): AmountText {
  if (minor % 100 !== 0) {
    const y = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
    return { text: rng.pick([`${y}`, `¥${y}`, `${y}元`]), amountMinor: minor };
  }
  const y = minor / 100;
  const forms: string[] = [String(y), `${y}元`, `${y}块`, `¥${y}`];
  if (y >= 1_000) forms.push(grouped(y), `¥${grouped(y)}.00`);
  if (y % 1_000 === 0 && y < 10_000) forms.push(`${y / 1_000}千`, `${y / 1_000}k`, chineseNumber(y));
  if (y % 10_000 === 0) forms.push(`${y / 10_000}w`, `${y / 10_000}万`, chineseNumber(y));
  if (y >= 10_000 && y % 1_000 === 0 && y % 10_000 !== 0) forms.push(`${(y / 10_000).toFixed(1).replace(/\.0$/, '')}万`);
  const c = colloquial(y);
  if (c) forms.push(c, c);
  return { text: rng.pick(forms), amountMinor: minor };
}
