import { foldWidth } from './fold-width';

export interface CardNumberInfo {
  /** Digits only. */
  normalized: string;
  /** Luhn (ISO/IEC 7812) result. A failing number is still reported: internal and 对公 account numbers are not Luhn. */
  luhnValid: boolean;
  /** 'card' when the number is 15–19 digits and passes Luhn, else 'account' (possibly an account number). */
  kind: 'card' | 'account';
}

/** Luhn check over a string of digits; false for anything that is not all digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit that completes `body` (for building test numbers). */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return String(d);
  return '0';
}

/**
 * Normalises a bank card or account number (spaces, dashes and a trailing `\t` removed). Never rejects a number for
 * failing Luhn; only text that is not 15–19 digits after cleaning returns null. Account numbers with `_<n>`
 * sub-account suffixes or other lengths are the importers' business (keep them verbatim).
 */
export function analyseCardNumber(text: string): CardNumberInfo | null {
  const digits = foldWidth(text).trim().replace(/[\s-]+/g, '');
  if (!/^\d{15,19}$/.test(digits)) return null;
  const ok = luhnValid(digits);
  return { normalized: digits, luhnValid: ok, kind: ok ? 'card' : 'account' };
}
