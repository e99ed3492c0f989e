import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  createMinHasher,
  jaccard,
  normaliseForShingles,
  normaliseUnits,
  shingleSet,
} from '../../../../shared/analytics/minhash';
import { UnionFind } from '../../../../shared/analytics/union-find';

const units = (text: string) => normaliseUnits(text);

describe('normaliseForShingles', () => {
  it.each([
    ['保单号：１２３４５６，投保人 ZHANG San', '保单号0投保人a'],
    ['金额 5,000.00 元', '金额0元'],
    ['停\u200b息\u202e挂账！！😀', '停息挂账'],
    ['\ud800残\udc00缺', '残缺'],
    ['𠀀字', '𠀀字'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(normaliseForShingles(text)).toBe(expected);
  });
});

describe('shingleSet', () => {
  it('lists each distinct shingle once, sorted', () => {
    const set = shingleSet(units('投诉投诉投诉投诉'), 2);
    expect(set).toHaveLength(2); // 投诉, 诉投
    expect([...set]).toEqual([...set].sort((a, b) => a - b));
    expect(shingleSet(units('短'), 5)).toHaveLength(1);
    expect(shingleSet(units(''), 5)).toHaveLength(0);
  });
});

describe('jaccard', () => {
  it('is the size of the intersection over the size of the union', () => {
    const a = Uint32Array.from([1, 2, 3, 4]);
    const b = Uint32Array.from([3, 4, 5, 6, 7, 8]);
    expect(jaccard(a, b)).toBe(2 / 8);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, new Uint32Array(0))).toBe(0);
    expect(jaccard(new Uint32Array(0), new Uint32Array(0))).toBe(0);
  });
});

describe('createMinHasher', () => {
  /** Two sets over 0..n with a known Jaccard similarity, spread through the hash space. */
  function pair(shared: number, onlyA: number, onlyB: number): [Uint32Array, Uint32Array] {
    const spread = (i: number) => Math.imul(i + 1, 0x9e3779b1) >>> 0;
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < shared; i++) {
      a.push(spread(i));
      b.push(spread(i));
    }
    for (let i = 0; i < onlyA; i++) a.push(spread(shared + i));
    for (let i = 0; i < onlyB; i++) b.push(spread(shared + onlyA + i));
    const sorted = (xs: number[]) => Uint32Array.from(xs).sort();
    return [sorted(a), sorted(b)];
  }

  it.each([
    [300, 0, 0],
    [240, 30, 30],
    [150, 75, 75],
    [60, 120, 120],
    [0, 150, 150],
  ])('estimates Jaccard within 0.1 with 256 functions (shared %i)', (shared, onlyA, onlyB) => {
    const [a, b] = pair(shared, onlyA, onlyB);
    const hasher = createMinHasher(256, 42);
    const sa = hasher.signature(a);
    const sb = hasher.signature(b);
    let agree = 0;
    for (let i = 0; i < 256; i++) if (sa[i] === sb[i]) agree++;
    expect(Math.abs(agree / 256 - jaccard(a, b))).toBeLessThan(0.1);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const set = shingleSet(units('本人张三，保单号123，要求全额退还已交保费，否则将向监管部门投诉。'), 5);
    expect(createMinHasher(16, 1).signature(set)).toEqual(createMinHasher(16, 1).signature(set));
    expect(createMinHasher(16, 1).signature(set)).not.toEqual(createMinHasher(16, 2).signature(set));
  });

  it('puts texts with equal signatures in the same band buckets', () => {
    const hasher = createMinHasher(6, 9);
    const sig = hasher.signature(shingleSet(units('一二三四五六七八九十'), 3));
    const k1 = new Uint32Array(2);
    const k2 = new Uint32Array(2);
    bandKeys(sig, 2, 3, k1);
    bandKeys(Uint32Array.from(sig), 2, 3, k2);
    expect(k1).toEqual(k2);
    const changed = Uint32Array.from(sig);
    changed[5] = (changed[5] ?? 0) ^ 1;
    bandKeys(changed, 2, 3, k2);
    expect(k2[0]).toBe(k1[0]);
    expect(k2[1]).not.toBe(k1[1]);
  });
});

describe('UnionFind', () => {
  it('joins sets and remembers the weakest link', () => {
    const sets = new UnionFind(5);
    expect(sets.union(0, 1, 0.9)).toBe(true);
    expect(sets.union(2, 3, 0.7)).toBe(true);
    expect(sets.union(1, 0, 0.95)).toBe(false);
    expect(sets.union(1, 3, 0.8)).toBe(true);
    expect(sets.find(0)).toBe(sets.find(2));
    expect(sets.setSize(3)).toBe(4);
    expect(sets.weakestLink(0)).toBe(0.7);
    expect(sets.setSize(4)).toBe(1);
    expect(sets.weakestLink(4)).toBe(1);
  });
});
