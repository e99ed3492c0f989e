import { describe, expect, it } from 'vitest';
import { benchGenerator } from '../../../electron/core/bench/generator-bench';

describe('generator bench figures', () => {
  it('reports throughput, output rate and peak memory as named figures', async () => {
    const figures = await benchGenerator({ txns: 1_000 });
    const byName = new Map(figures.map((f) => [f.name, f]));
    expect(byName.get('demo.generate.throughput')?.unit).toBe('rows/s');
    expect(byName.get('demo.generate.output')?.unit).toBe('MB/s');
    expect(byName.get('demo.generate.peak_rss')?.unit).toBe('MB');
    expect(byName.get('demo.generate.transactions')?.value).toBeGreaterThan(900);
    for (const f of figures) expect(Number.isFinite(f.value) && f.value > 0).toBe(true);
  });
});
