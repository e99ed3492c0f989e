import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@shared/api';
import type { Command } from '../command';
import { intFlag } from '../command';
import type { BenchFigure } from '../../core/bench/generator-bench';
import { benchImport, type CliRunner } from '../../core/bench/import-bench';
import { profileStages, stageFigures } from '../../core/bench/stage-profile';
import { benchGrid } from '../../core/bench/grid-bench';
import { benchTimeline } from '../../core/bench/timeline-bench';
import { benchFlow } from '../../core/bench/flow-bench';
import { benchDetect } from '../../core/bench/detect-bench';
import { findAppRoot } from '../../core/paths';

/** Disk write speed for the same number of bytes: the generator's floor on this machine. */
function diskWriteMbPerSecond(dir: string, bytes: number): number {
  const file = join(dir, 'disk-reference.bin');
  const chunk = Buffer.alloc(1 << 20, 0x41);
  const fd = openSync(file, 'w');
  const started = process.hrtime.bigint();
  try {
    for (let written = 0; written < bytes; written += chunk.length) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(file, { force: true });
  return bytes / 1_048_576 / seconds;
}

export const benchCommand: Command = {
  path: ['bench'],
  summary: 'measure on a generated case (1,000,000 transactions by default): generator, import beside the sqlite3 shell, grid pages, timeline, flow graph and a 6-hop trace, every detector',
  usage: 'chainsight bench [--txns 1000000] [--json]',
  options: { txns: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(input) {
    const txns = intFlag(input, 'txns', 1_000_000, 1000);
    const launcher = join(findAppRoot(__dirname), 'electron', 'cli', 'chainsight.cjs');
    const work = mkdtempSync(join(tmpdir(), 'chainsight-bench-'));
    const cli: CliRunner = (args) => {
      input.progress(`  chainsight ${args.join(' ')}`);
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [launcher, ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CHAINSIGHT_HOME: join(work, 'home') } });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const json = JSON.parse(run.stdout || '{}') as Record<string, unknown>;
      if (run.status !== 0) throw new AppError('INTERNAL', `bench step failed: chainsight ${args.join(' ')}: ${run.stderr.trim().split('\n').pop() ?? ''}`);
      return { json, seconds };
    };
    try {
      const data = join(work, 'data');
      const generated = cli(['demo', data, '--txns', String(txns), '--seed', '1']);
      const rows = Number(generated.json.txns);
      const bytes = Number(generated.json.bytes);
      const figures: BenchFigure[] = [
        { name: 'demo.generate.transactions', value: rows, unit: 'rows' },
        { name: 'demo.generate.seconds', value: Number(generated.seconds.toFixed(2)), unit: 's' },
        { name: 'demo.generate.throughput', value: Math.round(rows / generated.seconds), unit: 'rows/s' },
        { name: 'demo.generate.output', value: Number((bytes / 1_048_576 / generated.seconds).toFixed(1)), unit: 'MB/s' },
        { name: 'demo.generate.peak_rss', value: Number(generated.json.peakRssMb ?? 0), unit: 'MB' },
        { name: 'reference.disk_write', value: Number(diskWriteMbPerSecond(work, bytes).toFixed(1)), unit: 'MB/s' },
        ...benchImport(cli, data, work),
        // the import's read, map and hash interleave row by row: a second, write-nothing pass times them apart
        ...stageFigures(await profileStages(join(data, '银行查控'))),
        // the grid section reuses the import's case (bench.chainsight), adding the payment and chat folders
        ...benchGrid(cli, data, join(work, 'bench.chainsight')),
        ...benchTimeline(join(work, 'bench.chainsight')),
        ...benchFlow(data, join(work, 'bench.chainsight')),
        // every detector together on the whole case (bank, payment and chat folders, as the grid section left it)
        ...benchDetect(cli, join(work, 'bench.chainsight')),
      ];
      for (const figure of figures) input.log(`${figure.name.padEnd(40)} ${String(figure.value).padStart(12)} ${figure.unit}`);
      return { figures };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
