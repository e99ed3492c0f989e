import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../../electron/cli/commands/demo';
import type { CommandInput } from '../../../electron/cli/command';
import { UsageError } from '../../../electron/cli/command';

function input(positionals: string[], values: CommandInput['values'], signal = new AbortController().signal) {
  const progress: string[] = [];
  const log: string[] = [];
  return { progress, log, input: { values, positionals, json: true, log: (l: string) => log.push(l), progress: (l: string) => progress.push(l), signal } satisfies CommandInput };
}

describe('chainsight demo', () => {
  it('writes the data set and answers with its folder, seed, size, file count and ground truth', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'chainsight-demo-cmd-')), 'demo-data');
    const run = input([dir], { seed: '5', txns: '1500' });
    const result = await demoCommand.run(run.input);
    expect(result).toMatchObject({ dir, seed: 5, groundTruth: join(dir, 'ground-truth.json') });
    expect(result.txns).toBeGreaterThan(1_000);
    expect(result.files).toBeGreaterThan(50);
    expect(result.bytes).toBeGreaterThan(100_000);
    expect(existsSync(join(dir, 'ground-truth.json'))).toBe(true);
    expect(run.progress.some((l) => l.includes('seed 5'))).toBe(true);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('rejects bad sizes as usage errors', async () => {
    await expect(demoCommand.run(input(['x'], { txns: '10' }).input)).rejects.toBeInstanceOf(UsageError);
    await expect(demoCommand.run(input(['x'], { seed: 'abc' }).input)).rejects.toBeInstanceOf(UsageError);
  });

  it('stops when cancelled', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'chainsight-demo-cancel-')), 'd');
    const controller = new AbortController();
    controller.abort();
    await expect(demoCommand.run(input([dir], { txns: '1000' }, controller.signal).input)).rejects.toMatchObject({ code: 'CANCELLED' });
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });
});
