import type { Command } from '../command';
import { intFlag, stringFlag } from '../command';
import { DEFAULT_EVAL_SEED, DEFAULT_EVAL_TXNS, runEval } from '../../core/eval/run-eval';

const percent = (value: number | null): string => (value === null ? '   —  ' : `${(value * 100).toFixed(1).padStart(5)}%`);

export const evalCommand: Command = {
  path: ['eval'],
  summary: 'measure every detector: precision, recall and support on a freshly generated demo case (and AMLSim data with --aml)',
  usage: `chainsight eval [--seed N (default ${DEFAULT_EVAL_SEED})] [--txns N (default ${DEFAULT_EVAL_TXNS})] [--aml DIR] [--keep DIR (keep the data and case there; reused when present)] [--json]`,
  options: { seed: { type: 'string' }, txns: { type: 'string' }, aml: { type: 'string' }, keep: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(input) {
    const seed = intFlag(input, 'seed', DEFAULT_EVAL_SEED);
    const txns = intFlag(input, 'txns', DEFAULT_EVAL_TXNS, 1000);
    const report = await runEval({ seed, txns, amlDir: stringFlag(input, 'aml'), workDir: stringFlag(input, 'keep'), progress: (line) => input.progress(line), signal: input.signal });
    input.log(`${'detector'.padEnd(24)} ${'dataset'.padEnd(34)} precision  recall  support  predicted`);
    for (const r of report.results) {
      input.log(`${r.detector.padEnd(24)} ${r.dataset.padEnd(34)} ${percent(r.precision)}   ${percent(r.recall)} ${String(r.support).padStart(8)} ${String(r.predicted).padStart(10)}`);
    }
    return { results: report.results, datasets: report.datasets };
  },
};
