import { analyseCardNumber } from './bank-card';
import { analyseCreditCode } from './credit-code';
import { foldWidth } from './fold-width';
import { parseIpv4, parseIpv6 } from './ip';
import { normaliseMac } from './mac';
import { normaliseLandline, normaliseMobile } from './phone';
import { normalisePlate, PLATE_HEAD_SOURCE, PLATE_NEW_ENERGY_TAIL_SOURCE, PLATE_ORDINARY_TAIL_SOURCE } from './plate';
import { analyseResidentId } from './resident-id';
import type { IdentifierKind, IdentifierMatch } from './types';

export interface ExtractOptions {
  /** Only these kinds are returned (all by default). Filtering happens after overlap resolution. */
  kinds?: readonly IdentifierKind[];
  /** yyyy-MM-dd bounding resident-ID birth dates, for reproducible results (defaults to today). */
  today?: string;
}

interface Candidate {
  priority: number;
  match: IdentifierMatch;
}

/**
 * Finds identifiers in free text with their spans. Each stretch of text yields at most one identifier: the more
 * specific shapes (MAC, IP, wxid, credit code, ID with X, masked forms, QQ/WeChat after a context word, grouped card
 * and phone numbers) claim their spans first, and digit runs are classified whole, so a phone number inside an ID or
 * card number, or digits inside a longer run, never come out on their own.
 */
export function extractIdentifiers(text: string, options: ExtractOptions = {}): IdentifierMatch[] {
  const t = foldWidth(text);
  const today = options.today;
  const candidates: Candidate[] = [];
  const add = (priority: number, start: number, end: number, rest: Omit<IdentifierMatch, 'start' | 'end' | 'text'>) => {
    candidates.push({ priority, match: { ...rest, start, end, text: text.slice(start, end) } });
  };

  findMacsAndIpv6(t, add);
  findIpv4(t, add);
  findWxids(t, add);
  findAlnumCreditCodes(t, add);
  findResidentIdsWithX(t, today, add);
  findMasked(t, today, add);
  findContextQq(t, add);
  findContextWechat(t, add);
  findGroupedCards(t, add);
  findPhones(t, add);
  findLandlines(t, add);
  findDigitRuns(t, today, add);
  findPlates(t, add);

  candidates.sort((a, b) => a.priority - b.priority || a.match.start - b.match.start);
  const accepted: IdentifierMatch[] = [];
  const claimed = new Uint8Array(text.length);
  for (const { match } of candidates) {
    if (claimed.subarray(match.start, match.end).includes(1)) continue;
    claimed.fill(1, match.start, match.end);
    accepted.push(match);
  }
  const kinds = options.kinds ? new Set(options.kinds) : null;
  return accepted.filter((m) => kinds === null || kinds.has(m.kind)).sort((a, b) => a.start - b.start);
}

type Add = (priority: number, start: number, end: number, rest: Omit<IdentifierMatch, 'start' | 'end' | 'text'>) => void;

const plain = { valid: true, masked: false, flags: [] as string[] };

/**
 * MAC and IPv6 addresses: maximal runs of hex-ish characters, tried whole and then after a label's colon, so a
 * label glued on ("MAC:AA:BB:…", "IP:240e::1") does not hide the address.
 */
function findMacsAndIpv6(t: string, add: Add): void {
  for (const m of t.matchAll(/[0-9A-Za-z:.%-]*[:.-][0-9A-Za-z:.%-]*/g)) {
    let token = m[0];
    if (!token.endsWith('::')) token = token.replace(/[.:-]+$/, '');
    const starts = [0];
    for (let i = 1; i < token.length - 1; i++) {
      // Only after a label: "IP:", "MAC:", "IPv6:" hold a letter that is not hex; "AA:BB:…" is one address.
      if (token[i] === ':' && token[i - 1] !== ':' && token[i + 1] !== ':' && /[^0-9A-Fa-f:.]/.test(token.slice(0, i))) {
        starts.push(i + 1);
      }
    }
    for (const offset of starts) {
      const candidate = token.slice(offset);
      const start = m.index + offset;
      const end = start + candidate.length;
      const mac = looksLikeMac(candidate) ? normaliseMac(candidate) : null;
      if (mac !== null) {
        add(0, start, end, { kind: 'mac', value: mac, ...plain });
        break;
      }
      if (looksLikeMac(candidate)) break; // an all-zero MAC: a placeholder, not an identifier
      const ip = candidate.includes(':') ? parseIpv6(candidate) : null;
      if (ip) {
        add(1, start, end, { kind: 'ipv6', value: ip.normalized, valid: true, masked: false, flags: [...ip.flags] });
        break;
      }
    }
  }
}

function looksLikeMac(s: string): boolean {
  return /^(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})$/.test(s);
}

function findIpv4(t: string, add: Add): void {
  for (const m of t.matchAll(/(?<!\d|\d\.)\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)/g)) {
    const info = parseIpv4(m[0]);
    if (info) add(2, m.index, m.index + m[0].length, { kind: 'ipv4', value: info.normalized, valid: true, masked: false, flags: [...info.flags] });
  }
}

function findWxids(t: string, add: Add): void {
  for (const m of t.matchAll(/(?<![A-Za-z0-9_])wxid_[A-Za-z0-9]{4,30}(?![A-Za-z0-9_])/gi)) {
    add(3, m.index, m.index + m[0].length, { kind: 'wechat-id', value: m[0].toLowerCase(), valid: true, masked: false, flags: ['wxid'] });
  }
}

function findAlnumCreditCodes(t: string, add: Add): void {
  for (const m of t.matchAll(/(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g)) {
    if (/^\d{17}[\dXx]$/.test(m[0])) continue; // digits (and ID-style X) are classified with the digit runs
    const info = analyseCreditCode(m[0]);
    // A random 18-character token passes the final check 1 time in 31; only report what checks out somewhere.
    if (info && (info.valid || info.orgCodeCheckOk)) {
      add(4, m.index, m.index + m[0].length, { kind: 'credit-code', value: info.normalized, valid: info.valid, masked: false, flags: [...info.problems] });
    }
  }
}

function residentIdMatch(digits: string, today: string | undefined): Omit<IdentifierMatch, 'start' | 'end' | 'text'> | null {
  const info = analyseResidentId(digits, today);
  if (!info) return null;
  const flags: string[] = [...info.problems];
  if (info.format === '15') flags.push('legacy-15');
  return { kind: 'resident-id', value: info.normalized, valid: info.valid, masked: info.format === 'masked', flags };
}

function findResidentIdsWithX(t: string, today: string | undefined, add: Add): void {
  const re = /(?<![0-9A-Za-z])(?:\d{17}[Xx]|\d{6}[ -]\d{8}[ -]\d{3}[\dXx])(?![0-9A-Za-z])/g;
  for (const m of t.matchAll(re)) {
    const found = residentIdMatch(m[0], today);
    // With an X (or 6-8-4 grouping) the shape already says "ID"; a bad check digit is still worth reporting.
    if (found && !found.flags.includes('bad-birth-date')) add(5, m.index, m.index + m[0].length, found);
  }
}

function findMasked(t: string, today: string | undefined, add: Add): void {
  for (const m of t.matchAll(/(?<![0-9A-Za-z*])\d[\d*]*\*[\d*]*[\dXx]?(?![0-9A-Za-z*])/g)) {
    const token = m[0];
    const stars = token.split('*').length - 1;
    const digits = token.replace(/[^\dXx]/g, '').length;
    if (stars < 3 || digits < 4) continue;
    const start = m.index;
    const end = start + token.length;
    if (token.length === 18 && maskedLooksLikeId(token, today)) {
      const found = residentIdMatch(token, today);
      if (found) add(6, start, end, found);
    } else if (token.length === 11 && /^1[3-9]/.test(token) && !/[Xx]/.test(token)) {
      add(6, start, end, { kind: 'mobile', value: token, valid: false, masked: true, flags: [] });
    } else if (token.length >= 15 && token.length <= 19 && /^[3-69]/.test(token) && !/[Xx]/.test(token)) {
      add(6, start, end, { kind: 'bank-card', value: token, valid: false, masked: true, flags: [] });
    }
  }
}

/** An 18-character masked value is an ID when it ends in X, shows a plausible birth date, or cannot be a card. */
function maskedLooksLikeId(token: string, today: string | undefined): boolean {
  if (/[Xx]$/.test(token)) return true;
  const info = analyseResidentId(token, today);
  if (info?.birthDate) return true;
  return /^[1-8]/.test(token) && !/^(?:62|4|5)/.test(token);
}

const QQ_CONTEXT = /(?<![A-Za-z])(?:QQ|扣扣|企鹅号?|q号|Q号)\s*(?:号码|号)?\s*[:是为]?\s*([1-9]\d{4,10})(?!\d)/gi;

function findContextQq(t: string, add: Add): void {
  for (const m of t.matchAll(QQ_CONTEXT)) {
    const num = m[1] ?? '';
    const start = m.index + m[0].length - num.length;
    add(7, start, start + num.length, { kind: 'qq', value: num, ...plain });
  }
}

const WECHAT_CONTEXT =
  /(?<![A-Za-z])(?:微信|威信|薇信|维信|V信|VX|WX|weixin|wechat)\s*(?:号码|号|ID)?\s*[:是为]?\s*([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])/gi;

function findContextWechat(t: string, add: Add): void {
  for (const m of t.matchAll(WECHAT_CONTEXT)) {
    const id = m[1] ?? '';
    const start = m.index + m[0].length - id.length;
    const isWxid = /^wxid_/i.test(id);
    add(8, start, start + id.length, {
      kind: 'wechat-id',
      value: isWxid ? id.toLowerCase() : id,
      ...plain,
      flags: [isWxid ? 'wxid' : 'user-id'],
    });
  }
}

/** "1234.56" is an amount and "1.2.3.4" an address: digits glued to a decimal point are not an identifier. */
function gluedToDecimal(t: string, start: number, end: number): boolean {
  return /\d\.$/.test(t.slice(Math.max(0, start - 2), start)) || /^\.\d/.test(t.slice(end, end + 2));
}

/** A number written with separators must not touch another digit across a separator either ("1234 5678 …"). */
function separatedGuardOk(t: string, start: number, end: number): boolean {
  return !/\d[ -]$/.test(t.slice(Math.max(0, start - 2), start)) && !/^[ -]\d/.test(t.slice(end, end + 2));
}

function findGroupedCards(t: string, add: Add): void {
  for (const m of t.matchAll(/(?<!\d)\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?(?!\d)/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!separatedGuardOk(t, start, end) || gluedToDecimal(t, start, end)) continue;
    const info = analyseCardNumber(m[0]);
    if (info) add(9, start, end, cardMatch(info.normalized, info.luhnValid));
  }
}

function cardMatch(digits: string, luhn: boolean): Omit<IdentifierMatch, 'start' | 'end' | 'text'> {
  return luhn
    ? { kind: 'bank-card', value: digits, valid: true, masked: false, flags: [] }
    : { kind: 'bank-account', value: digits, valid: true, masked: false, flags: ['luhn-failed'] };
}

function findPhones(t: string, add: Add): void {
  const re = /(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
  for (const m of t.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    if (gluedToDecimal(t, start, end) || (/[ -]/.test(m[0]) && !separatedGuardOk(t, start, end))) continue;
    // A leading 86 with no separator and no + / 00 is part of a 13-digit run (IoT numbers start 14/10 and are not
    // phones, but 86 + mobile is): accept it.
    const info = normaliseMobile(m[0]);
    if (info) add(10, start, end, { kind: 'mobile', value: info.normalized, ...plain });
  }
}

function findLandlines(t: string, add: Add): void {
  for (const m of t.matchAll(/(?<!\d)(?:\(0\d{2,3}\)[ -]?|0\d{2,3}[ -])[2-9]\d{6,7}(?!\d)/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!separatedGuardOk(t, start, end) || gluedToDecimal(t, start, end)) continue;
    const info = normaliseLandline(m[0]);
    if (info?.areaCode) add(11, start, end, { kind: 'landline', value: info.normalized, ...plain });
  }
}

function findDigitRuns(t: string, today: string | undefined, add: Add): void {
  for (const m of t.matchAll(/(?<!\d)\d+(?!\d)/g)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    if (gluedToDecimal(t, start, end)) continue;
    const found = classifyRun(run, today);
    if (found) add(12, start, end, found);
  }
}

function classifyRun(run: string, today: string | undefined): Omit<IdentifierMatch, 'start' | 'end' | 'text'> | null {
  const len = run.length;
  if (len === 11 || len === 12) {
    if (len === 11 && /^1[3-9]/.test(run)) return { kind: 'mobile', value: run, ...plain };
    const landline = run.startsWith('0') ? normaliseLandline(run) : null;
    return landline?.areaCode ? { kind: 'landline', value: landline.normalized, ...plain } : null;
  }
  if (len === 16 && run.startsWith('2088')) return { kind: 'alipay-uid', value: run, ...plain };
  if (len === 15) {
    const id = residentIdMatch(run, today);
    if (id?.valid) return id;
  }
  if (len === 18) {
    const id = residentIdMatch(run, today);
    if (id?.valid) return id;
    const code = analyseCreditCode(run);
    if (code?.valid) return { kind: 'credit-code', value: code.normalized, valid: true, masked: false, flags: [...code.problems] };
    const card = analyseCardNumber(run);
    if (card?.luhnValid) return cardMatch(card.normalized, true);
    // Shaped like an ID (region, plausible birth date) with only the check digit wrong: report it as a bad ID.
    if (id && id.flags.length === 1 && id.flags[0] === 'bad-check-digit') return id;
    return cardMatch(run, false);
  }
  if (len >= 15 && len <= 19) {
    const card = analyseCardNumber(run);
    if (card) return cardMatch(card.normalized, card.luhnValid);
  }
  return null;
}

function findPlates(t: string, add: Add): void {
  const sep = '[·•. -]?';
  const re = new RegExp(
    `(?<![A-Za-z0-9])${PLATE_HEAD_SOURCE}${sep}(?:${PLATE_NEW_ENERGY_TAIL_SOURCE}|${PLATE_ORDINARY_TAIL_SOURCE})(?![A-Za-z0-9])`,
    'gi',
  );
  for (const m of t.matchAll(re)) {
    const info = normalisePlate(m[0]);
    if (info) add(13, m.index, m.index + m[0].length, { kind: 'plate', value: info.normalized, ...plain, flags: [info.kind] });
  }
}
