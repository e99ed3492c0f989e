import { describe, expect, it } from 'vitest';
import type { TextSpan } from '@shared/domain';
import { findOccurrences, safeCut, segmentText, snippetsOf } from '../../../../renderer/src/features/chats/text-spans';

const lexicon = (start: number, end: number, label = 'surrender'): TextSpan => ({ start, end, kind: 'lexicon', label });
const mention = (start: number, end: number, label = 'mobile'): TextSpan => ({ start, end, kind: 'mention', label });
const hit = (start: number, end: number): TextSpan => ({ start, end, kind: 'search', label: 'search' });

/** The segments as text, marks in [brackets], lexicon parts in {braces}, mentions in <angles>. */
function render(text: string, spans: TextSpan[], from?: number, to?: number): string {
  return segmentText(text.length, spans, from, to)
    .map((segment) => {
      const inner = segment.parts
        .map((part) => {
          let slice = text.slice(part.start, part.end);
          if (part.mention.length) slice = `<${slice}>`;
          if (part.lexicon.length) slice = `{${slice}}`;
          return slice;
        })
        .join('');
      return segment.search ? `[${inner}]` : inner;
    })
    .join('');
}

describe('segmentText', () => {
  it('cuts text at span boundaries and keeps every character once', () => {
    const text = '全额退保，电话13800138000';
    expect(render(text, [lexicon(0, 4), mention(7, 18)])).toBe('{全额退保}，电话<13800138000>');
    expect(render(text, [])).toBe(text);
  });

  it('nests lexicon and mention parts inside a search hit that overlaps them', () => {
    const text = '先交定金5000元';
    expect(render(text, [lexicon(2, 4, 'fees'), mention(4, 9, 'amount'), hit(3, 6)])).toBe('先交{定}[{金}<50>]<00元>');
  });

  it('joins overlapping search hits into one mark and keeps adjacent ones apart', () => {
    expect(render('退保退保', [hit(0, 2), hit(1, 3)])).toBe('[退保退]保');
    expect(render('退保退保', [hit(0, 2), hit(2, 4)])).toBe('[退保][退保]');
  });

  it('drops spans that are empty, reversed, out of range or not numbers', () => {
    const text = '定金';
    const bad: TextSpan[] = [lexicon(5, 9), lexicon(2, 1), lexicon(1, 1), { start: Number.NaN, end: 2, kind: 'lexicon', label: 'x' }, lexicon(-4, 1)];
    expect(render(text, bad)).toBe('{定}金');
  });

  it('draws only the requested stretch', () => {
    const text = 'aaa退保bbb';
    expect(render(text, [hit(3, 5)], 2, 4)).toBe('a[退]');
  });
});

describe('findOccurrences', () => {
  it('finds every occurrence, ASCII case-insensitive, without moving offsets', () => {
    expect(findOccurrences('POS机 pos机 Pos', 'pos').map((s) => [s.start, s.end])).toEqual([
      [0, 3],
      [5, 8],
      [10, 13],
    ]);
    // İ lower-cases to two code units; folding ASCII only keeps the hit where it is
    expect(findOccurrences('İ定金', '定金').map((s) => s.start)).toEqual([1]);
    expect(findOccurrences('定金', '  ')).toEqual([]);
  });
});

describe('safeCut and snippetsOf', () => {
  it('never splits a surrogate pair', () => {
    const text = 'a😀b';
    expect(safeCut(text, 2)).toBe(1);
    expect(safeCut(text, 3)).toBe(3);
    expect(safeCut(text, 99)).toBe(text.length);
  });

  it('gives windows around the first hits and says where text was left out', () => {
    const text = `${'x'.repeat(100)}退保${'y'.repeat(100)}定金${'z'.repeat(10)}`;
    const snippets = snippetsOf(text, [hit(100, 102), hit(202, 204)], 10);
    expect(snippets).toEqual([
      { start: 90, end: 112, before: true, after: true },
      { start: 192, end: 214, before: true, after: false },
    ]);
    expect(snippetsOf('短消息', [], 10)).toEqual([{ start: 0, end: 3, before: false, after: false }]);
  });
});
