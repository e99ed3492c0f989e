export type { Hit, Lexicon, LexiconGroup, LexiconTerm, LocalisedName, Matcher } from './types';
export { compileLexicon } from './matcher';
export { InvalidLexiconError, LexiconSchema, MAX_LITERAL_FORMS, MAX_TERM_LENGTH, assertLexicon, parseLexicon, termProblem } from './schema';
export type { LexiconIssue, LexiconParseResult } from './schema';
export {
  CO_OCCURRENCE_BOOST,
  FEE_GROUP,
  FEE_NEAR_AMOUNT_BOOST,
  FEE_NEAR_TYPOLOGY_BOOST,
  HIT_THRESHOLD,
  PROXIMITY_CHARS,
  scoreMessage,
} from './score';
export type { MessageScore, ScoreOptions, Span } from './score';
export { NUMERAL_PLACEHOLDER, PLACEHOLDER_NUMERALS } from './placeholders';
export { buildAhoCorasick } from './aho-corasick';
export type { AhoCorasick, AhoCorasickOptions, OnMatch } from './aho-corasick';
