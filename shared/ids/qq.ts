import { foldWidth } from './fold-width';

/** A QQ number: 5–11 digits, no leading zero. Too ambiguous to find in text without a QQ context word. */
export function isQqNumber(text: string): boolean {
  return /^[1-9]\d{4,10}$/.test(foldWidth(text).trim());
}
