import { buildAhoCorasick } from './aho-corasick';
import { foldCode, foldTerm, isAsciiWordCode } from './fold';
import { NUMERAL_PLACEHOLDER, NUMERAL_RUN, expandPlaceholders } from './placeholders';
import { assertLexicon } from './schema';
import type { Hit, Lexicon, Matcher } from './types';

interface TermRef {
  group: string;
  groupOrder: number;
  term: string;
  weight: number;
}

/** One literal form in the automaton and every (group, term) it stands for. */
interface Literal {
  refs: TermRef[];
  /** Starts or ends with an ASCII letter or digit, so it needs a word boundary there (PS is not in GPS). */
  boundaryStart: boolean;
  boundaryEnd: boolean;
  /** Came from a term starting with `{n}`: the hit grows back over the rest of the number (3.5折解债). */
  growsBack: boolean;
}

/**
 * Validates a lexicon (throwing `InvalidLexiconError`) and builds its matcher once; `match` is then one pass over
 * each text. Every spelling of every term becomes literal forms in one Aho–Corasick automaton.
 */
export function compileLexicon(input: Lexicon): Matcher {
  const lexicon = assertLexicon(input);
  const literals: Literal[] = [];
  const keys: string[] = [];
  const indexOfKey = new Map<string, number>();
  lexicon.groups.forEach((group, groupOrder) => {
    for (const term of group.terms) {
      const ref: TermRef = { group: group.id, groupOrder, term: term.term, weight: term.weight };
      for (const spelling of [term.term, ...(term.variants ?? [])]) {
        const growsBack = spelling.startsWith(NUMERAL_PLACEHOLDER);
        for (const form of expandPlaceholders(spelling)) {
          const key = foldTerm(form);
          let literal = literals[indexOfKey.get(key) ?? -1];
          if (literal === undefined) {
            literal = {
              refs: [],
              boundaryStart: isAsciiWordCode(key.charCodeAt(0)),
              boundaryEnd: isAsciiWordCode(key.charCodeAt(key.length - 1)),
              growsBack: false,
            };
            indexOfKey.set(key, literals.length);
            literals.push(literal);
            keys.push(key);
          }
          if (growsBack) {
            literal.growsBack = true;
            literal.boundaryStart = false;
          }
          if (!literal.refs.some((r) => r.group === ref.group)) literal.refs.push(ref);
        }
      }
    }
  });
  const automaton = buildAhoCorasick(keys, { normalise: foldCode });

  function match(text: string): Hit[] {
    // Candidates as flat triples (literal, start, end), filtered for word boundaries.
    const found: number[] = [];
    automaton.scan(text, (index, start, end) => {
      const literal = literals[index];
      if (literal === undefined) return;
      if (literal.boundaryStart && start > 0 && isAsciiWordCode(foldCode(text.charCodeAt(start - 1)))) return;
      if (literal.boundaryEnd && end < text.length && isAsciiWordCode(foldCode(text.charCodeAt(end)))) return;
      let from = start;
      if (literal.growsBack) while (from > 0 && NUMERAL_RUN.test(text.charAt(from - 1))) from--;
      found.push(index, from, end);
    });
    if (found.length === 0) return [];
    const chosen = chooseNonOverlapping(found, text.length);
    const hits: { hit: Hit; order: number }[] = [];
    for (const c of chosen) {
      const index = found[c] ?? 0;
      const start = found[c + 1] ?? 0;
      const end = found[c + 2] ?? 0;
      const spanText = text.slice(start, end);
      for (const ref of literals[index]?.refs ?? []) {
        hits.push({
          hit: { group: ref.group, term: ref.term, start, end, text: spanText, weight: ref.weight },
          order: ref.groupOrder,
        });
      }
    }
    hits.sort((a, b) => a.hit.start - b.hit.start || a.order - b.order);
    return hits.map((h) => h.hit);
  }

  return { lexicon, match };
}

/**
 * Picks the candidates to keep (offsets into the triples array): longest first, then leftmost, each kept only if
 * it overlaps nothing kept already. The occupancy map keeps this linear in the text for hostile input.
 */
function chooseNonOverlapping(found: readonly number[], textLength: number): number[] {
  const offsets: number[] = [];
  for (let c = 0; c < found.length; c += 3) offsets.push(c);
  if (offsets.length === 1) return offsets;
  const length = (c: number) => (found[c + 2] ?? 0) - (found[c + 1] ?? 0);
  offsets.sort((a, b) => length(b) - length(a) || (found[a + 1] ?? 0) - (found[b + 1] ?? 0) || a - b);
  const taken = new Uint8Array(textLength);
  const kept: number[] = [];
  for (const c of offsets) {
    const start = found[c + 1] ?? 0;
    const end = found[c + 2] ?? 0;
    let free = true;
    for (let i = start; i < end && free; i++) if (taken[i] === 1) free = false;
    if (!free) continue;
    taken.fill(1, start, end);
    kept.push(c);
  }
  return kept;
}
