/**
 * Chinese and mixed numerals as written in chat: 五千, 一万二 (= 12000), 三百五 (= 350), 两千, 一万零五十,
 * 壹仟贰佰, 2.5万, 1.2亿, 3万5千, 1万2, 5k, 5w. Values are computed exactly in minor units (×100) with BigInt,
 * so 1.23456万 is 12345.60 and anything finer than 0.01 is refused.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 两: 2, 贰: 2, 俩: 2,
  三: 3, 叁: 3, 仨: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, bigint>> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n, k: 1000n, K: 1000n };
const BIG_UNITS: Readonly<Record<string, bigint>> = { 万: 10_000n, 萬: 10_000n, w: 10_000n, W: 10_000n, 亿: 100_000_000n, 億: 100_000_000n };

/** Characters that may appear in a numeral; the extractor uses it to find candidate spans. */
export const NUMERAL_CHARS = `${Object.keys(DIGITS).join('')}${Object.keys(SMALL_UNITS).join('')}${Object.keys(BIG_UNITS).join('')}`;
/** Units that mark a numeral as a magnitude (百 and up; 十 alone is too common: 十分, 二十个). */
export const MAGNITUDE_CHARS = '百佰千仟kK万萬wW亿億';

type Token =
  | { t: 'num'; n: bigint; scale: number; singleDigit: boolean }
  | { t: 'zero' }
  | { t: 'small'; u: bigint }
  | { t: 'big'; u: bigint };

function tokenize(s: string): Token[] | null {
  const tokens: Token[] = [];
  for (let i = 0; i < s.length; ) {
    const rest = s.slice(i);
    const arabic = /^(\d+)(?:\.(\d+))?/.exec(rest);
    if (arabic) {
      const int = arabic[1] ?? '';
      const frac = arabic[2] ?? '';
      tokens.push({ t: 'num', n: BigInt(int + frac), scale: frac.length, singleDigit: frac === '' && int.length === 1 });
      i += arabic[0].length;
      continue;
    }
    const ch = s[i] ?? '';
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      tokens.push(digit === 0 ? { t: 'zero' } : { t: 'num', n: BigInt(digit), scale: 0, singleDigit: true });
    } else if (SMALL_UNITS[ch] !== undefined) {
      tokens.push({ t: 'small', u: SMALL_UNITS[ch] });
    } else if (BIG_UNITS[ch] !== undefined) {
      tokens.push({ t: 'big', u: BIG_UNITS[ch] });
    } else {
      return null;
    }
    i += 1;
  }
  return tokens;
}

/** value × unit in minor units (×100), or null when it leaves a fraction of a 分. */
function times(n: bigint, scale: number, unit: bigint): bigint | null {
  const numerator = n * unit * 100n;
  const denominator = 10n ** BigInt(scale);
  return numerator % denominator === 0n ? numerator / denominator : null;
}

/** Parses a numeral to minor units (×100); null when it is not a well-formed number. */
export function parseNumeralMinor(text: string): bigint | null {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return null;
  let total = 0n;
  let section = 0n;
  let pending: Extract<Token, { t: 'num' }> | null = null;
  let lastSmall: bigint | null = null;
  let lastBig: bigint | null = null;
  let lastUnit: 'small' | 'big' | null = null;
  let zeroSinceUnit = false;
  let sawNumber = false;

  for (const tok of tokens) {
    if (tok.t === 'num') {
      if (pending !== null) return null; // 一二, 5 5
      // A decimal or multi-digit Arabic number can only start the numeral or follow a unit (1万2000).
      pending = tok;
      sawNumber = true;
    } else if (tok.t === 'zero') {
      if (pending !== null) return null;
      zeroSinceUnit = true;
      sawNumber = true;
    } else if (tok.t === 'small') {
      let base: Extract<Token, { t: 'num' }> | null = pending;
      if (base === null) {
        if (tok.u !== 10n || section !== 0n || total !== 0n || zeroSinceUnit) return null; // 百, 千万 (the adverb)
        base = { t: 'num', n: 1n, scale: 0, singleDigit: true }; // 十五 = 一十五
        sawNumber = true;
      }
      if (lastSmall !== null && tok.u >= lastSmall) return null;
      const v = times(base.n, base.scale, tok.u);
      if (v === null) return null;
      section += v;
      pending = null;
      lastSmall = tok.u;
      lastUnit = 'small';
      zeroSinceUnit = false;
    } else {
      let scaled = section * tok.u;
      if (pending !== null) {
        const v = times(pending.n, pending.scale, tok.u); // 2.5万: the decimal is exact only after scaling
        if (v === null) return null;
        scaled += v;
        pending = null;
      }
      const isYi = tok.u === 100_000_000n;
      if (scaled === 0n && !(isYi && total > 0n)) return null; // 万 alone, 万一
      if (lastBig !== null && tok.u >= lastBig && !isYi) return null; // 一万万
      total = isYi ? total * tok.u + scaled : total + scaled;
      section = 0n;
      lastBig = tok.u;
      lastSmall = null;
      lastUnit = 'big';
      zeroSinceUnit = false;
    }
  }
  if (!sawNumber) return null;
  if (pending !== null) {
    // Colloquial abbreviation: a lone digit right after a unit counts in the next lower unit (一万二 = 12000,
    // 三百五 = 350), unless a 零 stood between them (一万零二 = 10002).
    let unit = 1n;
    if (pending.singleDigit && !zeroSinceUnit) {
      if (lastUnit === 'small' && lastSmall !== null && lastSmall > 10n) unit = lastSmall / 10n;
      else if (lastUnit === 'big' && lastBig !== null) unit = lastBig / 10n;
    }
    const v = times(pending.n, pending.scale, unit);
    if (v === null) return null;
    section += v;
  }
  return total + section;
}
