/**
 * Full-width ASCII forms (U+FF01–U+FF5E), the ideographic space and the full-width yen sign are folded to their
 * ASCII counterparts one UTF-16 code unit for one, so an index found in the folded text is an index into the
 * original. Seized text mixes widths freely (`１３８`, an ideographic space, `￥５,０００`).
 */
export function foldWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else if (code === 0xffe5) {
      out += '¥';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/** Keeps only ASCII digits (after width folding); for normalising phone and card numbers typed with separators. */
export function digitsOnly(text: string): string {
  return foldWidth(text).replace(/\D+/g, '');
}
