import { foldWidth } from './fold-width';

export interface MobileInfo {
  /** The 11-digit national number, country prefix and separators removed. */
  normalized: string;
  /** True when a +86 / 0086 / 86 prefix was present. */
  hadCountryCode: boolean;
}

export interface LandlineInfo {
  /** `0AA-NNNNNNNN` when the area code is known, else the bare subscriber number. */
  normalized: string;
  areaCode: string | null;
  number: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Normalises a mainland mobile number: strips spaces, dashes, dots and brackets and an optional +86 / 0086 / 86
 * prefix, then requires `1[3-9]` and 11 digits. 13-digit IoT numbers (e.g. 1440…, 1064…) are not mobiles.
 */
export function normaliseMobile(text: string): MobileInfo | null {
  const compact = foldWidth(text).trim().replace(/[\s\-.()]+/g, '');
  const match = /^(?:(\+86|0086|86))?(\d+)$/.exec(compact);
  if (!match) return null;
  const prefix = match[1];
  const rest = match[2] ?? '';
  return MOBILE.test(rest) ? { normalized: rest, hadCountryCode: prefix !== undefined } : null;
}

export function isMobile(text: string): boolean {
  return normaliseMobile(text) !== null;
}

/**
 * Mainland area codes: 010 and 02X are three digits, every other code is four (0 + 3). The subscriber number is 7
 * or 8 digits and never starts with 0 or 1.
 */
const AREA_CODE = /^(?:010|02\d|0[3-9]\d{2})$/;

/** Normalises a fixed-line number written with an area code (`0571-88888888`, `(010)12345678`, `02088886666`). */
export function normaliseLandline(text: string): LandlineInfo | null {
  const folded = foldWidth(text).trim();
  const withCode = /^\(?(0\d{2,3})\)?[\s-]?([2-9]\d{6,7})$/.exec(folded);
  if (withCode) {
    const area = withCode[1] ?? '';
    const number = withCode[2] ?? '';
    if (AREA_CODE.test(area)) return { normalized: `${area}-${number}`, areaCode: area, number };
  }
  const digits = folded.replace(/[\s\-()]+/g, '');
  if (/^0\d{9,11}$/.test(digits)) {
    for (const len of [3, 4]) {
      const area = digits.slice(0, len);
      const number = digits.slice(len);
      if (AREA_CODE.test(area) && /^[2-9]\d{6,7}$/.test(number)) {
        return { normalized: `${area}-${number}`, areaCode: area, number };
      }
    }
    return null;
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) return { normalized: digits, areaCode: null, number: digits };
  return null;
}
