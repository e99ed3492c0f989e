import { foldWidth } from './fold-width';

/** GB 11643-1999 check-digit weights (2^(17-i) mod 11) and the Σ mod 11 → check character map. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type ResidentIdFormat = '18' | '15' | 'masked';
export type ResidentIdProblem = 'bad-shape' | 'bad-check-digit' | 'bad-birth-date' | 'future-birth-date' | 'bad-region';

export interface ResidentIdInfo {
  /** Upper-case, separators removed; masked forms keep their `*`. */
  normalized: string;
  format: ResidentIdFormat;
  /** True when every check that the format allows passed (masked forms are never valid: they cannot be checked). */
  valid: boolean;
  problems: ResidentIdProblem[];
  /** First six digits (GB/T 2260 area code at issue time), for region clustering; null when masked away. */
  region: string | null;
  /** yyyy-MM-dd, or null when masked or implausible. */
  birthDate: string | null;
  /** From the sequence number's parity (odd = male); null when masked. */
  sex: 'M' | 'F' | null;
}

/** The 18th character for a 17-digit body, or null when the body is not 17 digits. */
export function residentIdCheckChar(body17: string): string | null {
  if (!/^\d{17}$/.test(body17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? null;
}

/** The 18-digit form of a legacy 15-digit number (century 19 inserted, check digit appended). */
export function upgradeResidentId15(id15: string): string | null {
  if (!/^\d{15}$/.test(id15)) return null;
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + (residentIdCheckChar(body) ?? '');
}

/**
 * Validates a 居民身份证 number. `today` (yyyy-MM-dd) bounds the birth date; pass it for reproducible results
 * (defaults to the current date).
 */
export function analyseResidentId(text: string, today?: string): ResidentIdInfo | null {
  const cleaned = foldWidth(text).trim().replace(/[\s-]+/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(cleaned)) return analyse18(cleaned, today);
  if (/^\d{15}$/.test(cleaned)) return analyse15(cleaned, today);
  if (/^[\d*]{17}[\dX*]$/.test(cleaned) && cleaned.includes('*') && cleaned.replace(/\*/g, '').length >= 4) {
    return analyseMasked(cleaned, today);
  }
  return null;
}

/** True for an 18-digit number with a correct check digit, a plausible birth date and a plausible region. */
export function isValidResidentId(text: string, today?: string): boolean {
  const info = analyseResidentId(text, today);
  return info !== null && info.format !== 'masked' && info.valid;
}

function analyse18(id: string, today: string | undefined): ResidentIdInfo {
  const problems: ResidentIdProblem[] = [];
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) problems.push('bad-check-digit');
  const birth = checkBirthDate(id.slice(6, 10), id.slice(10, 12), id.slice(12, 14), today);
  if (birth.problem) problems.push(birth.problem);
  if (!plausibleRegion(id.slice(0, 6))) problems.push('bad-region');
  const seq = Number(id.charCodeAt(16) - 48);
  return {
    normalized: id,
    format: '18',
    valid: problems.length === 0,
    problems,
    region: id.slice(0, 6),
    birthDate: birth.date,
    sex: seq % 2 === 1 ? 'M' : 'F',
  };
}

function analyse15(id: string, today: string | undefined): ResidentIdInfo {
  const problems: ResidentIdProblem[] = [];
  // Legacy numbers were issued until 1999 to people born in the 1900s: the two-digit year is 19YY.
  const birth = checkBirthDate(`19${id.slice(6, 8)}`, id.slice(8, 10), id.slice(10, 12), today);
  if (birth.problem) problems.push(birth.problem);
  if (!plausibleRegion(id.slice(0, 6))) problems.push('bad-region');
  const seq = Number(id.charCodeAt(14) - 48);
  return {
    normalized: id,
    format: '15',
    valid: problems.length === 0,
    problems,
    region: id.slice(0, 6),
    birthDate: birth.date,
    sex: seq % 2 === 1 ? 'M' : 'F',
  };
}

function analyseMasked(id: string, today: string | undefined): ResidentIdInfo {
  const region = /^\d{6}/.test(id) ? id.slice(0, 6) : null;
  const birthDigits = id.slice(6, 14);
  const birth = /^\d{8}$/.test(birthDigits)
    ? checkBirthDate(birthDigits.slice(0, 4), birthDigits.slice(4, 6), birthDigits.slice(6, 8), today)
    : { date: null };
  const seqChar = id[16] ?? '*';
  const sex = /\d/.test(seqChar) ? (Number(seqChar) % 2 === 1 ? 'M' : 'F') : null;
  return { normalized: id, format: 'masked', valid: false, problems: [], region, birthDate: birth.date, sex };
}

/** Region codes start with 1–8 (provinces 11–82); 0 and 9 never begin one. */
function plausibleRegion(region: string): boolean {
  return /^[1-8][1-9]\d{4}$/.test(region);
}

function checkBirthDate(
  y: string,
  m: string,
  d: string,
  today: string | undefined,
): { date: string | null; problem?: ResidentIdProblem } {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (!(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month)) || year < 1850) {
    return { date: null, problem: 'bad-birth-date' };
  }
  const date = `${y}-${m}-${d}`;
  const limit = today ?? new Date().toISOString().slice(0, 10);
  if (date > limit) return { date: null, problem: 'future-birth-date' };
  return { date };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
