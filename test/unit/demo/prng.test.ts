import { describe, expect, it } from 'vitest';
import { Rng } from '../../../electron/core/demo/prng';

describe('seeded randomness', () => {
  it('repeats exactly for the same key and differs for another', () => {
    const a = new Rng('k');
    const b = new Rng('k');
    const c = new Rng('other');
    const xs = Array.from({ length: 50 }, () => a.u32());
    expect(Array.from({ length: 50 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.u32())).not.toEqual(xs);
  });

  it('keeps integers inside their bounds and reaches both ends', () => {
    const rng = new Rng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i++) {
      const v = rng.int(3, 9);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(9);
      seen.add(v);
    }
    expect(seen).toEqual(new Set([3, 4, 5, 6, 7, 8, 9]));
  });
});
