import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGeneratorChild } from './build-generator';

const NODE = resolve(__dirname, '../../../node_modules/.bin/node');
const CEILING_MB = 300;

describe('demo generator memory', () => {
  it(`writes 200,000 transactions in a child process under ${CEILING_MB} MB peak RSS`, async () => {
    const entry = await buildGeneratorChild();
    const dir = mkdtempSync(join(tmpdir(), 'chainsight-demo-mem-'));
    try {
      const out = execFileSync(NODE, [entry, join(dir, 'data'), '3', '200000'], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { txns: number; maxRssKb: number };
      expect(result.txns).toBeGreaterThan(190_000);
      expect(result.maxRssKb / 1024).toBeLessThan(CEILING_MB);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
