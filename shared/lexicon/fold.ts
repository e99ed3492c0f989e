/**
 * The folding the lexicon matcher applies to text and terms alike, one UTF-16 code unit at a time so that offsets
 * found in folded text are offsets in the original: full-width ASCII (U+FF01–U+FF5E) and the ideographic space
 * become ASCII, ASCII letters become lower case, and invisible format characters (zero-width spaces and joiners,
 * bidi marks, embeddings, overrides and isolates, soft hyphens, BOMs, variation selectors) are stepped over, so
 * `停\u200B息挂账` and `ＡＢ贷` still match. Traditional forms (帳 for 账) are not folded: list them as variants.
 */

/** Returned by `foldCode` for a code unit the matcher steps over. */
export const INVISIBLE = -1;

export function isInvisible(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x206f) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff
  );
}

/** The code unit `code` is matched as, or `INVISIBLE`. */
export function foldCode(code: number): number {
  let c = code;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) return 0x20;
  else if (isInvisible(c)) return INVISIBLE;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

/** A term as the matcher sees it: folded, invisible characters removed. */
export function foldTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const c = foldCode(term.charCodeAt(i));
    if (c !== INVISIBLE) out += String.fromCharCode(c);
  }
  return out;
}

/** ASCII letter or digit after folding: terms that begin or end with one need a word boundary there. */
export function isAsciiWordCode(folded: number): boolean {
  return (folded >= 0x30 && folded <= 0x39) || (folded >= 0x61 && folded <= 0x7a);
}
