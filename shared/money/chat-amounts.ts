import { foldWidth } from '../ids/fold-width';
import { extractIdentifiers } from '../ids/extract';
import { MAGNITUDE_CHARS, NUMERAL_CHARS, parseNumeralMinor } from './numerals';
import type { CurrencyCode } from './types';

/**
 * How sure the match is to be money: a currency marker (¥, 元, 块, rmb …) beats a magnitude unit (5k, 2.5万,
 * 三百五) beats a bare number (5000, 5,000).
 */
export type AmountEvidence = 'currency' | 'magnitude' | 'bare';

export interface ChatAmount {
  /** UTF-16 offsets into the original text, markers included; `end` exclusive. */
  start: number;
  end: number;
  text: string;
  minor: number;
  currency: CurrencyCode;
  evidence: AmountEvidence;
}

export interface ChatAmountOptions {
  /** Bare numbers (no marker, no unit) below this many yuan are not reported. Default 100. */
  minBareYuan?: number;
  /** Currency assumed when the text names none. Default CNY. */
  defaultCurrency?: CurrencyCode;
}

const PREFIX = /(?:人民币|RMB|CNY|¥|US\$|USD|\$)\s*$/i;
const SUFFIX = /^\s*(多)?\s*(块钱|块|元整|元|圆|人民币|RMB|CNY|美元|美金|USD|港币|港元|HKD)/i;
const CURRENCY_OF: ReadonlyArray<readonly [RegExp, CurrencyCode]> = [
  [/^(?:US\$|USD|\$|美元|美金)$/i, 'USD'],
  [/^(?:港币|港元|HKD)$/i, 'HKD'],
];
/** After a number these make it a count, a date part, a time, a rate or a measure, not money. */
const NOT_MONEY_AFTER =
  /^\s*[多余来]?\s*(?:[人个次天年月日号岁周倍折成点分秒时楼层条张份家名位户台辆套页行单件只斤克吨米里平方度集期章节届组笔粉赞]|小时|公里|%|‰|[A-Za-z_@*/]|:\d)/;
/** Words right before a number that say money moves (转了, 到账, 卡上, 付 …). */
const PAYMENT_BEFORE = /(?:转|付|收|到账|到|卡上|打给?|汇|还|交|退|赔|给|共|合计|余额)了?\s*$/;
const NOT_MONEY_BEFORE = /(?:[A-Za-z_@#*/:第点]|\d\.)$/;

/** Dates and times whose digits must not be read as amounts (after width folding). */
const DATE_TIME = [
  /(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?(?!\d)/g,
  /(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])(?:\1(?:0?[1-9]|[12]\d|3[01]))?(?!\d)/g,
  /(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?/g,
  /(?<!\d)\d{1,2}月(?:\d{1,2}[日号])?/g,
  /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g,
  /(?<!\d)\d{1,2}[点时](?:\d{1,2}分?|半|钟)?/g,
];

const HAS_MAGNITUDE = new RegExp(`[${MAGNITUDE_CHARS}]`);

const CORE = new RegExp(
  `(?:\\d|[${NUMERAL_CHARS.replace(/[kKwW]/g, '')}])(?:[\\d.,${NUMERAL_CHARS.replace(/[kKwW]/g, '')}]|[kKwW](?![A-Za-z]))*`,
  'g',
);

/**
 * Finds amounts of money in chat text with their spans, in minor units. Digits that belong to phone, card or ID
 * numbers (see shared/ids) and to dates and times are skipped, as are counts (三个, 5000人), rates (5折, 30%) and
 * bare numbers below `minBareYuan`.
 */
export function extractChatAmounts(text: string, options: ChatAmountOptions = {}): ChatAmount[] {
  const t = foldWidth(text);
  const minBareMinor = BigInt(Math.round((options.minBareYuan ?? 100) * 100));
  const defaultCurrency = options.defaultCurrency ?? 'CNY';
  const blocked = new Uint8Array(t.length);
  for (const m of extractIdentifiers(text)) blocked.fill(1, m.start, m.end);
  for (const re of DATE_TIME) for (const m of t.matchAll(re)) blocked.fill(1, m.index, m.index + m[0].length);

  const out: ChatAmount[] = [];
  for (const m of t.matchAll(CORE)) {
    for (const [pieceStart, piece] of splitCore(m.index, m[0])) {
      const found = judge(t, pieceStart, piece, blocked, minBareMinor, defaultCurrency);
      if (found) out.push({ ...found, text: text.slice(found.start, found.end) });
    }
  }
  return out;
}

/** A core with commas that are not thousands separators ("5000,3000") is several numbers. */
function splitCore(start: number, core: string): [number, string][] {
  const trimmed = core.replace(/[.,]+$/, '');
  if (!trimmed.includes(',') || /^\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[^\d.,].*)?$/.test(trimmed)) return [[start, trimmed]];
  const pieces: [number, string][] = [];
  let offset = start;
  for (const part of trimmed.split(',')) {
    if (part !== '') pieces.push([offset, part.replace(/\.+$/, '')]);
    offset += part.length + 1;
  }
  return pieces;
}

function judge(
  t: string,
  start: number,
  core: string,
  blocked: Uint8Array,
  minBareMinor: bigint,
  defaultCurrency: CurrencyCode,
): Omit<ChatAmount, 'text'> | null {
  let end = start + core.length;
  if (core === '' || blocked.subarray(start, end).includes(1)) return null;
  const minorBig = parseNumeralMinor(core.replace(/,/g, '')); // commas were checked as thousands separators
  if (minorBig === null || minorBig <= 0n || minorBig > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  let minor = minorBig;

  const before = t.slice(Math.max(0, start - 8), start);
  const prefix = PREFIX.exec(before);
  let spanStart = start;
  let currency: CurrencyCode | null = null;
  if (prefix) {
    spanStart = start - prefix[0].length;
    currency = currencyOf(prefix[0].trim());
  } else if (NOT_MONEY_BEFORE.test(before)) {
    return null;
  }

  const after = t.slice(end, end + 12);
  const suffix = SUFFIX.exec(after);
  if (suffix) {
    currency = currency ?? currencyOf(suffix[2] ?? '');
    end += suffix[0].length;
    // 5块5 / 八块五 / 3块5毛: yuan and jiao.
    if (/块$/.test(suffix[0])) {
      const jiao = /^([0-9一二两三四五六七八九])(?:毛|角)?(?![0-9.,])/.exec(t.slice(end, end + 3));
      const digit = jiao ? parseNumeralMinor(jiao[1] ?? '') : null;
      if (jiao && digit !== null && !NOT_MONEY_AFTER.test(t.slice(end + jiao[0].length, end + jiao[0].length + 3))) {
        minor += digit / 10n;
        end += jiao[0].length;
      }
    }
    if (/[A-Za-z]$/.test(suffix[0]) && /^[A-Za-z]/.test(t.slice(end, end + 1))) return null; // "5000rmbx"
  } else if (NOT_MONEY_AFTER.test(after)) {
    return null;
  }

  const isArabicOnly = /^[\d.,]+$/.test(core);
  const hasMagnitude = HAS_MAGNITUDE.test(core);
  let evidence: AmountEvidence;
  if (currency !== null) evidence = 'currency';
  else if (hasMagnitude) evidence = 'magnitude';
  else if (isArabicOnly) evidence = 'bare';
  else return null; // 二十, 三: Chinese numerals without a unit or a marker are counts far more often than money
  if (evidence === 'bare') {
    const intDigits = core.split('.')[0]?.replace(/,/g, '') ?? '';
    // a small bare number still counts when it is written to the fen (92.17) right after a payment word
    const paid = /^\d+\.\d{2}$/.test(core) && PAYMENT_BEFORE.test(before);
    if ((minor < minBareMinor && !paid) || intDigits.length > 9 || /^0\d/.test(intDigits)) return null;
    // five-digit service numbers (12378 insurance complaints, 12363 PBOC, 95511 …) are called, not paid
    if (/^(?:12|9[56])\d{3}$/.test(core)) return null;
    // One group of a number written in spaced groups ("6222 0212 3456") is not an amount of its own.
    if (/\d $/.test(before) || /^ \d/.test(t.slice(start + core.length, start + core.length + 2))) return null;
  }
  return { start: spanStart, end, minor: Number(minor), currency: currency ?? defaultCurrency, evidence };
}

function currencyOf(marker: string): CurrencyCode {
  for (const [re, code] of CURRENCY_OF) if (re.test(marker)) return code;
  return 'CNY';
}
