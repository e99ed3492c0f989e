import type { TextSpan } from '@shared/domain';

/** How much of a message is drawn before the reader asks for more: long pastes must not freeze the page. */
export const PREVIEW_CHARS = 2_000;
/** Each 展开 adds this much; a 1,000,000-character message opens in a few steps, each one quick to lay out. */
export const EXPAND_STEP = 200_000;
/** At most this many highlighted occurrences of a search term per message. */
const MAX_HITS = 1_000;

/** The largest cut at or before `at` that does not split a surrogate pair (an emoji or a rare CJK character). */
export function safeCut(text: string, at: number): number {
  if (at >= text.length) return text.length;
  if (at <= 0) return 0;
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** ASCII-only case folding: keeps every offset where it was (toLowerCase can change a string's length). */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Every occurrence of the query in the text, ASCII case-insensitive, as search spans. */
export function findOccurrences(text: string, query: string): TextSpan[] {
  const needle = foldAscii(query.trim());
  if (needle === '') return [];
  const haystack = foldAscii(text);
  const spans: TextSpan[] = [];
  for (let at = haystack.indexOf(needle); at !== -1 && spans.length < MAX_HITS; at = haystack.indexOf(needle, at + needle.length)) {
    spans.push({ start: at, end: at + needle.length, kind: 'search', label: 'search' });
  }
  return spans;
}

/** A stretch of text under the same lexicon groups and mention kinds (both empty: plain text). */
export interface Part {
  start: number;
  end: number;
  lexicon: readonly string[];
  mention: readonly string[];
}

/** A stretch that is, or is not, a search hit, cut into parts by the other spans. */
export interface Segment {
  start: number;
  end: number;
  search: boolean;
  parts: Part[];
}

interface Clamped {
  start: number;
  end: number;
  kind: TextSpan['kind'];
  label: string;
}

/** Spans clipped to [from, to); empty, reversed and non-numeric ones dropped (spans come from the backend). */
function clamp(spans: readonly TextSpan[], from: number, to: number): Clamped[] {
  const out: Clamped[] = [];
  for (const span of spans) {
    const start = Math.max(from, Math.min(to, Math.trunc(span.start)));
    const end = Math.max(from, Math.min(to, Math.trunc(span.end)));
    if (end > start) out.push({ start, end, kind: span.kind, label: span.label });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** [from, to) cut at every span boundary; neighbours under the same spans are joined. */
function partsOf(from: number, to: number, spans: readonly Clamped[]): Part[] {
  const inside = spans.filter((s) => s.start < to && s.end > from).map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }));
  const bounds = [...new Set([from, to, ...inside.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const parts: Part[] = [];
  let next = 0;
  let active: Clamped[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const start = bounds[i] ?? from;
    const end = bounds[i + 1] ?? to;
    active = active.filter((s) => s.end > start);
    for (let span = inside[next]; span !== undefined && span.start <= start; span = inside[next]) {
      if (span.end > start) active.push(span);
      next += 1;
    }
    const lexicon = unique(active.filter((s) => s.kind === 'lexicon').map((s) => s.label));
    const mention = unique(active.filter((s) => s.kind === 'mention').map((s) => s.label));
    const previous = parts.at(-1);
    if (previous && previous.lexicon.join() === lexicon.join() && previous.mention.join() === mention.join()) previous.end = end;
    else parts.push({ start, end, lexicon, mention });
  }
  return parts;
}

/**
 * The text from `from` to `to` as search hits and the stretches between them, each cut by lexicon hits and
 * mentions. Overlapping search hits become one; everything is offsets into the original string, which the caller
 * slices and renders as text.
 */
export function segmentText(length: number, spans: readonly TextSpan[], from = 0, to = length): Segment[] {
  const end = Math.max(from, Math.min(length, to));
  const clamped = clamp(spans, from, end);
  const hits: { start: number; end: number }[] = [];
  for (const span of clamped) {
    if (span.kind !== 'search') continue;
    const last = hits.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else hits.push({ start: span.start, end: span.end });
  }
  const others = clamped.filter((s) => s.kind !== 'search');
  const segments: Segment[] = [];
  let at = from;
  for (const hit of hits) {
    if (hit.start > at) segments.push({ start: at, end: hit.start, search: false, parts: partsOf(at, hit.start, others) });
    segments.push({ start: hit.start, end: hit.end, search: true, parts: partsOf(hit.start, hit.end, others) });
    at = hit.end;
  }
  if (end > at || segments.length === 0) segments.push({ start: at, end, search: false, parts: partsOf(at, end, others) });
  return segments;
}

/** A window of text around search hits, for a result list: offsets plus whether text was left out either side. */
export interface Snippet {
  start: number;
  end: number;
  before: boolean;
  after: boolean;
}

/** Up to `max` windows of `context` characters either side of the first search hits (the start of the text if none). */
export function snippetsOf(text: string, spans: readonly TextSpan[], context = 40, max = 3): Snippet[] {
  const hits = clamp(spans, 0, text.length).filter((s) => s.kind === 'search');
  const windows: { start: number; end: number }[] = [];
  for (const hit of hits) {
    const start = Math.max(0, hit.start - context);
    const end = Math.min(text.length, hit.end + context);
    const last = windows.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else if (windows.length < max) windows.push({ start, end });
    else break;
  }
  if (windows.length === 0) windows.push({ start: 0, end: Math.min(text.length, context * 3) });
  return windows.map((w) => {
    const start = safeCut(text, w.start);
    const end = safeCut(text, w.end);
    return { start, end, before: start > 0, after: end < text.length };
  });
}
