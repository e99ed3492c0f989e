import { extractChatAmounts } from '../money/chat-amounts';
import type { Hit } from './types';

/**
 * How a message is scored. The lexicon only suggests: many of its words are everyday words, so the score weighs
 * evidence instead of flagging any hit.
 *
 * 1. Each hit starts from its term's weight w (0..1).
 * 2. Context raises it to 1 − (1 − w)(1 − b) for the strongest boost b that applies:
 *    - a word within `PROXIMITY_CHARS` of a word of another group: b = `CO_OCCURRENCE_BOOST` × that word's weight;
 *    - a fee word (group `fees`) that close to a typology word (any other group): b = `FEE_NEAR_TYPOLOGY_BOOST` ×
 *      that word's weight;
 *    - a fee word that close to an amount of money (先交2000定金): b = `FEE_NEAR_AMOUNT_BOOST`.
 *    Two everyday words side by side thus lift each other a little; a fee word next to 退保 a lot.
 * 3. A term counts once per message however often it repeats, at its highest value, so 投诉投诉投诉 is still one
 *    everyday word.
 * 4. Distinct terms combine as independent evidence: score = 1 − Π(1 − value). A group's score is the same over its
 *    own terms. Several distinct terms or groups therefore always score more than any one of them.
 *
 * With the default lexicon a lone everyday word (≤ 0.3) and even two of them stay below `HIT_THRESHOLD`, a fee
 * word next to an amount stays just below, and a lone piece of jargon (≥ 0.5) or a fee word next to a typology
 * word reaches it.
 */
export const HIT_THRESHOLD = 0.5;
/** How close (in UTF-16 units between the two spans) words must be to count as said together. */
export const PROXIMITY_CHARS = 20;
export const CO_OCCURRENCE_BOOST = 0.4;
export const FEE_NEAR_TYPOLOGY_BOOST = 0.6;
export const FEE_NEAR_AMOUNT_BOOST = 0.15;
/** The group whose words are raised by nearby amounts and typology words. */
export const FEE_GROUP = 'fees';

export interface Span {
  start: number;
  end: number;
}

export interface ScoreOptions {
  /** The message text; amounts in it are found with `extractChatAmounts` unless `amounts` is given. */
  text?: string;
  /** Spans of amounts already found in the message, not overlapping (as `extractChatAmounts` returns them). */
  amounts?: readonly Span[];
}

export interface MessageScore {
  /** 0..1, four decimals; at or above `HIT_THRESHOLD` the message is worth an investigator's look. */
  score: number;
  /** Score per group id, for the groups that had hits. */
  groups: Record<string, number>;
}

/** Scores one message from its hits (see the rules above). Without text or amounts, amounts give no boost. */
export function scoreMessage(hits: readonly Hit[], options: ScoreOptions = {}): MessageScore {
  if (hits.length === 0) return { score: 0, groups: {} };
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.end - b.end);
  const amounts = lazyAmounts(options);
  const longest = sorted.reduce((max, h) => Math.max(max, h.end - h.start), 0);

  const byTerm = new Map<string, number>();
  const byGroupTerm = new Map<string, Map<string, number>>();
  sorted.forEach((hit, i) => {
    const value = boosted(sorted, i, longest, amounts);
    byTerm.set(hit.term, Math.max(byTerm.get(hit.term) ?? 0, value));
    let terms = byGroupTerm.get(hit.group);
    if (terms === undefined) byGroupTerm.set(hit.group, (terms = new Map<string, number>()));
    terms.set(hit.term, Math.max(terms.get(hit.term) ?? 0, value));
  });
  const groups: Record<string, number> = {};
  for (const [group, terms] of byGroupTerm) groups[group] = round(combine(terms.values()));
  return { score: round(combine(byTerm.values())), groups };
}

/** The hit's value after context; looks only at hits within reach, so hostile input with many hits stays linear. */
function boosted(sorted: readonly Hit[], i: number, longest: number, amounts: AmountsNear): number {
  const hit = sorted[i];
  if (hit === undefined) return 0;
  const isFee = hit.group === FEE_GROUP;
  let boost = 0;
  const consider = (other: Hit) => {
    if (other.group === hit.group || !near(hit, other)) return;
    if (other.start === hit.start && other.end === hit.end) return; // the same word listed in two groups
    const factor = isFee && other.group !== FEE_GROUP ? FEE_NEAR_TYPOLOGY_BOOST : CO_OCCURRENCE_BOOST;
    boost = Math.max(boost, factor * other.weight);
  };
  for (let j = i - 1; j >= 0; j--) {
    const other = sorted[j];
    if (other === undefined || other.start < hit.start - PROXIMITY_CHARS - longest) break;
    consider(other);
  }
  for (let j = i + 1; j < sorted.length; j++) {
    const other = sorted[j];
    if (other === undefined || other.start > hit.end + PROXIMITY_CHARS) break;
    consider(other);
  }
  if (isFee && boost < FEE_NEAR_AMOUNT_BOOST && amounts(hit)) boost = FEE_NEAR_AMOUNT_BOOST;
  return 1 - (1 - hit.weight) * (1 - boost);
}

/** Whether any of the non-overlapping spans, sorted by start, lies within reach of `span` (binary search). */
function nearAny(span: Span, sorted: readonly Span[]): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.end ?? 0) < span.start - PROXIMITY_CHARS) lo = mid + 1;
    else hi = mid;
  }
  const candidate = sorted[lo];
  return candidate !== undefined && near(span, candidate);
}

function near(a: Span, b: Span): boolean {
  const gap = Math.max(b.start - a.end, a.start - b.end, 0);
  return gap <= PROXIMITY_CHARS;
}

/** Noisy-OR: the chance that at least one piece of independent evidence is right. */
function combine(values: Iterable<number>): number {
  let miss = 1;
  for (const v of values) miss *= 1 - v;
  return 1 - miss;
}

/** Four decimals: enough to rank, and stable to display and compare. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

type AmountsNear = (span: Span) => boolean;

/** A numeral or currency sign: without one within reach of a fee word, finding amounts is not worth its cost. */
const AMOUNT_HINT = /[0-9０-９¥￥$一二两三四五六七八九十百千万]/;

/** Answers "is an amount within reach of this span?", extracting the message's amounts at most once. */
function lazyAmounts(options: ScoreOptions): AmountsNear {
  let sorted: readonly Span[] | undefined =
    options.amounts === undefined ? undefined : [...options.amounts].sort((a, b) => a.start - b.start);
  const text = options.text;
  return (span) => {
    if (sorted === undefined) {
      if (text === undefined) return false;
      const window = text.slice(Math.max(0, span.start - PROXIMITY_CHARS), span.end + PROXIMITY_CHARS);
      if (!AMOUNT_HINT.test(window)) return false;
      sorted = extractChatAmounts(text);
    }
    return nearAny(span, sorted);
  };
}
