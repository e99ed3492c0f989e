import { peakRssMb } from '../../core/bench/peak-rss';
import type { Command } from '../command';
import { intFlag, stringFlag, UsageError } from '../command';
import { DEFAULT_TXNS, MAX_TXNS, MIN_TXNS, generateDemo } from '../../core/demo/generate';

/** `chainsight demo <dir> [--seed N] [--txns N]`: the demo case, test data and benchmark load, with its ground truth */
export const demoCommand: Command = {
  path: ['demo'],
  summary: 'write a deterministic seized-data set for a fictional case (bank 查控 returns, 财付通, 支付宝, chats) and its ground-truth.json',
  usage: `chainsight demo <dir> [--seed N] [--txns N] [--json]   (seed 1, ${DEFAULT_TXNS.toLocaleString('en-US')} transactions by default)`,
  options: {
    seed: { type: 'string' },
    txns: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const dir = input.positionals[0];
    if (dir === undefined || dir === '') throw new UsageError('give the folder to write the demo data set into');
    const seed = intFlag(input, 'seed', 1, 0);
    const txns = intFlag(input, 'txns', DEFAULT_TXNS, MIN_TXNS);
    if (txns > MAX_TXNS) throw new UsageError(`--txns must be at most ${MAX_TXNS}, got "${stringFlag(input, 'txns') ?? ''}"`);
    const result = await generateDemo({ dir, seed, txns, progress: input.progress, signal: input.signal });
    input.log(`Demo data set (seed ${result.seed}): ${result.txns.toLocaleString('en-US')} transactions in ${result.files} files, ${(result.bytes / 1_048_576).toFixed(1)} MB`);
    input.log(`  folder:       ${result.dir}`);
    input.log(`  ground truth: ${result.groundTruth}`);
    return { ...result, peakRssMb: peakRssMb() };
  },
};
