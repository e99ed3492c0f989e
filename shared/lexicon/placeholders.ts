/**
 * Terms are literal text, not regular expressions. The one wildcard is `{n}`, a single numeral, for phrases such
 * as `{n}折解债` that gangs write with any number (5折解债, 五折解债, 两折解债). A term is expanded into its
 * literal forms when the lexicon is compiled.
 */

export const NUMERAL_PLACEHOLDER = '{n}';

/** What `{n}` stands for: one Arabic digit (full-width digits fold to these) or one Chinese numeral. */
export const PLACEHOLDER_NUMERALS: readonly string[] = [...'123456789', ...'一二三四五六七八九两'];

/** Characters a number written before a `{n}` term may also contain (3.5折, 三点五折, 十折): the hit grows over them. */
export const NUMERAL_RUN = /[0-9０-９.．一二三四五六七八九十两点]/;

/** At most this many `{n}` per term, so one term never expands into more than 19² literal forms. */
export const MAX_PLACEHOLDERS = 2;

export function countPlaceholders(term: string): number {
  return term.split(NUMERAL_PLACEHOLDER).length - 1;
}

/** Every literal form of a term, in a stable order. */
export function expandPlaceholders(term: string): string[] {
  const at = term.indexOf(NUMERAL_PLACEHOLDER);
  if (at < 0) return [term];
  const head = term.slice(0, at);
  const tails = expandPlaceholders(term.slice(at + NUMERAL_PLACEHOLDER.length));
  return PLACEHOLDER_NUMERALS.flatMap((n) => tails.map((tail) => head + n + tail));
}
