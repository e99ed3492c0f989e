import type { SearchReading } from '@shared/domain';
import { analyseCreditCode, analyseResidentId, digitsOnly, foldWidth, luhnValid, normaliseLandline, normaliseMac, normaliseMobile, parseIp } from '@shared/ids';
import { parseBankAmount, parseNumeralMinor } from '@shared/money';

/** What one query is searched as, derived from its readings. */
export interface SearchTerms {
  /** the query after width folding and whitespace collapsing */
  folded: string;
  readings: SearchReading[];
  /** values compared for equality with identifier-like columns (numbers, IDs, codes in their stored forms) */
  exact: string[];
  /** a name or other words: compared with names (contains) and searched in message text */
  text: string | null;
  amounts: { minor: number; currency: string }[];
  /** lower-case hex: the start of a SHA-256 or SM3 value */
  hashPrefix: string | null;
  /** strings looked for inside free text (message text, 摘要, 附言, file names) */
  contains: string[];
}

/** Bare digits up to this many are also read as an amount in yuan (longer runs are numbers, not money). */
const MAX_BARE_AMOUNT_DIGITS = 9;
/** Digit strings shorter than this are too common to search as numbers (they may still be amounts). */
const MIN_NUMBER_DIGITS = 5;

const AMOUNT_MARKER = /[¥$元块万萬千仟百佰亿億]|人民币|RMB|CNY|USD|HKD|EUR|(?<=\d)[kKwW]$/i;

/** Everything an amount may be written with: what is left after removing these is more than an amount. */
const AMOUNT_WORDS = /[\d.,\s¥$元块钱整万萬千仟百佰亿億零〇一壹幺二两贰俩三叁仨四肆五伍六陆七柒八捌九玖十拾kKwW]|人民币|RMB|CNY|USD|HKD|EUR/gi;

function reading(kind: SearchReading['kind'], value: string): SearchReading {
  return { kind, value, amountMinor: null, currency: null };
}

/** The amount a query states, exactly, in minor units: 5000, 5,000.00, ¥5000, 5千, 五千元, 2.5万. */
export function readAmount(folded: string): { minor: number; currency: string } | null {
  const bare = new RegExp(`^[1-9]\\d{0,${MAX_BARE_AMOUNT_DIGITS - 1}}$`).test(folded);
  const marked = AMOUNT_MARKER.test(folded) || /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/.test(folded) || /^\d+\.\d{1,2}$/.test(folded);
  if (!bare && !marked) return null;
  const bank = parseBankAmount(folded.replace(/块钱?$/, '元'));
  if (bank.ok) return bank.minor === 0 ? null : { minor: Math.abs(bank.minor), currency: bank.currency ?? 'CNY' };
  const numeral = folded.replace(/^(?:人民币|RMB|CNY|¥)\s*/i, '').replace(/\s*(?:元整|元|块钱|块|人民币|RMB|CNY)$/i, '');
  const minor = parseNumeralMinor(numeral);
  if (minor === null || minor <= 0n || minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { minor: Number(minor), currency: 'CNY' };
}

/**
 * Reads a search query the ways an investigator may mean it: a mobile or landline number, an ID number (居民身份证
 * or 统一社会信用代码), a card or account number, an IP or MAC address, an e-mail, a code (WeChat ID, 交易流水号), a
 * hash, an amount, a name. Width is folded first (１３８…, ￥), separators in numbers are dropped.
 */
export function readQuery(query: string): SearchTerms {
  const folded = foldWidth(query).replace(/\s+/g, ' ').trim();
  const terms: SearchTerms = { folded, readings: [], exact: [], text: null, amounts: [], hashPrefix: null, contains: [] };
  if (folded === '') return terms;
  const exact = new Set<string>();
  const contains = new Set<string>();
  const add = (kind: SearchReading['kind'], value: string, ...forms: string[]) => {
    terms.readings.push(reading(kind, value));
    for (const form of [value, ...forms]) exact.add(form);
  };

  const ip = parseIp(folded);
  const mac = ip ? null : normaliseMac(folded);
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(folded) ? folded.toLowerCase() : null;
  const compact = folded.replace(/[\s\-()]/g, '');
  const numeric = /^\+?[\d\s\-()]+$/.test(folded) && /\d/.test(folded);

  if (ip) add('ip', ip.normalized);
  else if (mac) add('mac', mac);
  else if (email) add('email', email);
  else if (numeric) {
    const digits = digitsOnly(folded);
    const mobile = normaliseMobile(folded);
    const landline = mobile ? null : normaliseLandline(folded);
    const id = /^(?:\d{15}|\d{18})$/.test(digits) ? analyseResidentId(digits) : null;
    if (mobile) add('mobile', mobile.normalized);
    else if (landline?.areaCode) add('landline', landline.normalized, digits);
    else if (id?.valid) add('id-number', id.normalized);
    else if (digits.length >= 15 && digits.length <= 19 && luhnValid(digits)) add('card', digits);
    else if (digits.length >= MIN_NUMBER_DIGITS) add('number', digits);
    if (digits.length >= MIN_NUMBER_DIGITS) contains.add(mobile?.normalized ?? digits);
  } else if (/^(?:\d{17}[Xx]|\d{6}[ -]\d{8}[ -]\d{3}[\dXx])$/.test(folded)) {
    const id = analyseResidentId(compact);
    add('id-number', id?.normalized ?? compact.toUpperCase());
    contains.add(id?.normalized ?? compact.toUpperCase());
  } else if (analyseCreditCode(compact)?.valid) {
    const code = analyseCreditCode(compact)?.normalized ?? compact;
    add('id-number', code);
    contains.add(code);
  } else if (/^[\w.:@#/-]{3,}$/.test(folded) && /[A-Za-z]/.test(folded)) {
    add('code', folded, folded.toLowerCase(), folded.toUpperCase());
    contains.add(folded);
  }

  // a hash is hex with a letter somewhere in its first characters (a run of digits is a number, not a hash)
  if (/^[0-9a-f]{8,64}$/i.test(folded) && (/[a-f]/i.test(folded) || folded.length >= 32)) {
    terms.hashPrefix = folded.toLowerCase();
    terms.readings.push(reading('hash', terms.hashPrefix));
  }

  const amount = ip || mac || email ? null : readAmount(folded);
  if (amount) {
    terms.amounts.push(amount);
    terms.readings.push({ kind: 'amount', value: String(amount.minor), amountMinor: amount.minor, currency: amount.currency });
  }

  const onlyAmount = amount !== null && folded.replace(AMOUNT_WORDS, '') === '';
  if (/\p{L}/u.test(folded) && !ip && !mac && !email && !onlyAmount) {
    terms.text = folded;
    terms.readings.push(reading('text', folded));
    contains.add(folded);
  }
  terms.exact = [...exact];
  terms.contains = [...contains];
  return terms;
}
