/**
 * Figures for `chainsight bench`: how fast the demo generator writes a data set and how much memory it needs.
 * Peak RSS is the process's lifetime maximum (process.resourceUsage().maxRSS), so run this first or in its own
 * process for a clean figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../demo/generate';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

export interface GeneratorBenchOptions {
  /** transactions to generate (default 200,000) */
  txns?: number;
  seed?: number;
  /** where to write; a temporary folder (removed afterwards) by default */
  dir?: string;
  progress?: (line: string) => void;
  signal?: AbortSignal;
}

export async function benchGenerator(options: GeneratorBenchOptions = {}): Promise<BenchFigure[]> {
  const txns = options.txns ?? 200_000;
  const own = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'chainsight-bench-demo-'));
  try {
    const started = process.hrtime.bigint();
    const result = await generateDemo({ dir, seed: options.seed ?? 1, txns, progress: options.progress, signal: options.signal });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const round = (n: number, digits: number): number => Number(n.toFixed(digits));
    return [
      { name: 'demo.generate.transactions', value: result.txns, unit: 'rows' },
      { name: 'demo.generate.seconds', value: round(seconds, 2), unit: 's' },
      { name: 'demo.generate.throughput', value: Math.round(result.txns / seconds), unit: 'rows/s' },
      { name: 'demo.generate.output', value: round(result.bytes / 1_048_576 / seconds, 1), unit: 'MB/s' },
      { name: 'demo.generate.size', value: round(result.bytes / 1_048_576, 1), unit: 'MB' },
      { name: 'demo.generate.peak_rss', value: round(process.resourceUsage().maxRSS / 1024, 0), unit: 'MB' },
    ];
  } finally {
    if (own) rmSync(dir, { recursive: true, force: true });
  }
}
