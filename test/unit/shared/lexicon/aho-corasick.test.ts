import { describe, expect, it } from 'vitest';
import { buildAhoCorasick } from '../../../../shared/lexicon/aho-corasick';

type Occurrence = [pattern: number, start: number, end: number];

function scanAll(patterns: string[], text: string, normalise?: (code: number) => number): Occurrence[] {
  const out: Occurrence[] = [];
  buildAhoCorasick(patterns, normalise ? { normalise } : {}).scan(text, (p, s, e) => out.push([p, s, e]));
  return out;
}

/** Every occurrence found the slow way, in the automaton's order (by end, then longest first). */
function naive(patterns: string[], text: string): Occurrence[] {
  const out: Occurrence[] = [];
  patterns.forEach((p, index) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push([index, at, at + p.length]);
  });
  return out.sort((a, b) => a[2] - b[2] || b[2] - b[1] - (a[2] - a[1]) || a[0] - b[0]);
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('buildAhoCorasick', () => {
  it('finds every occurrence, overlapping and nested ones included', () => {
    expect(scanAll(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [3, 2, 6],
    ]);
    expect(scanAll(['退保', '全额退保', '保单'], '全额退保单')).toEqual([
      [1, 0, 4],
      [0, 2, 4],
      [2, 3, 5],
    ]);
  });

  it('agrees with a brute-force search on random text over a small alphabet', () => {
    const random = rng(7);
    const pick = (alphabet: string, length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)] ?? '').join('');
    for (let round = 0; round < 200; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick('ab款债', 1 + Math.floor(random() * 4))))];
      const text = pick('ab款债x', Math.floor(random() * 60));
      expect(scanAll(patterns, text)).toEqual(naive(patterns, text));
    }
  });

  it('reports a pattern given twice under both indexes', () => {
    expect(scanAll(['债', '债'], '解债')).toEqual([
      [0, 1, 2],
      [1, 1, 2],
    ]);
  });

  it('matches through the normalisation and steps over skipped units, with offsets into the original', () => {
    const lower = (c: number) => (c === 0x200b ? -1 : c >= 0x41 && c <= 0x5a ? c + 32 : c);
    const text = 'xA\u200bB\u200b贷y';
    const found = scanAll(['ab贷'], text, lower);
    expect(found).toEqual([[0, 1, 6]]);
    expect(text.slice(1, 6)).toBe('A\u200bB\u200b贷');
  });

  it('handles lone surrogates, astral characters and an empty text', () => {
    expect(scanAll(['😀债'], '\ud800😀债\udc00')).toEqual([[0, 1, 4]]);
    expect(scanAll(['债'], '')).toEqual([]);
  });

  it('rejects a pattern that is empty once normalised', () => {
    expect(() => buildAhoCorasick(['ok', ''])).toThrow(/Pattern 1 is empty/);
    expect(() => buildAhoCorasick(['\u200b'], { normalise: (c) => (c === 0x200b ? -1 : c) })).toThrow(RangeError);
  });
});
