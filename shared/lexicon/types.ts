/**
 * The typology lexicon (DOMAIN.md §3.6) is data: resources/lexicon/default.json ships with the app, and
 * investigators may edit a copy. `parseLexicon` (schema.ts) checks one; `compileLexicon` (matcher.ts) turns it into
 * a matcher.
 */

export interface LocalisedName {
  zh: string;
  en: string;
}

export interface LexiconTerm {
  /** The canonical spelling, reported on every hit. Literal text; `{n}` stands for one numeral (5折解债 → `{n}折解债`). */
  term: string;
  /** Other spellings and synonyms reported as this term (停息挂帐 for 停息挂账). Literal text, `{n}` allowed. */
  variants?: string[];
  /**
   * How telling one occurrence is, 0..1: about 0.8–0.95 for jargon that hardly occurs innocently (停息挂账, AB贷,
   * 全额退保), 0.4–0.7 for suggestive words, 0.3 and below for everyday words (投诉, 保单, 负债, 执行, 商户) that
   * only count next to others.
   */
  weight: number;
  gloss: { en: string; zh?: string };
}

export interface LexiconGroup {
  /** Stable ASCII id used in hits, scores and saved findings (fees, surrender, anti-collection …). */
  id: string;
  name: LocalisedName;
  terms: LexiconTerm[];
}

export interface Lexicon {
  version: string;
  description?: string;
  groups: LexiconGroup[];
}

/** One occurrence of a term in a text. */
export interface Hit {
  /** The group's id. A word listed in several groups (分成, 12378, 换号) gives one hit per group on the same span. */
  group: string;
  /** The canonical term, whichever variant or spelling occurred. */
  term: string;
  /** UTF-16 offsets into the original text, `end` exclusive. */
  start: number;
  end: number;
  /** The original text of the span, as written. */
  text: string;
  /** The term's weight. */
  weight: number;
}

export interface Matcher {
  readonly lexicon: Lexicon;
  /**
   * Every term found, in text order. Spans of different words never overlap: where terms overlap the longest
   * wins, then the leftmost. Width and ASCII case are folded; invisible format characters inside a word are
   * stepped over. A term starting or ending with an ASCII letter or digit (POS, PS, 12378) only matches as a
   * whole word there.
   */
  match(text: string): Hit[];
}
