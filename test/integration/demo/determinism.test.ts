import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/core/demo/generate';
import type { GroundTruth } from '../../../electron/core/demo/truth-types';
import { listFiles } from './read-back';

const base = mkdtempSync(join(tmpdir(), 'chainsight-demo-det-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function fingerprint(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

function truth(dir: string): GroundTruth {
  return JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
}

describe('demo data set determinism', () => {
  it('same seed and size give byte-identical files, twice over and when regenerated in place', async () => {
    const a = join(base, 'a');
    const b = join(base, 'b');
    await generateDemo({ dir: a, seed: 7, txns: 3_000 });
    await generateDemo({ dir: b, seed: 7, txns: 3_000 });
    const fa = fingerprint(a);
    expect(fa.size).toBeGreaterThan(50);
    expect(fingerprint(b)).toEqual(fa);
    // running again into the same folder replaces the earlier data set with identical bytes
    await generateDemo({ dir: a, seed: 7, txns: 3_000 });
    expect(fingerprint(a)).toEqual(fa);
  });

  it('another seed gives another network: other people, other amounts, other planted parameters', async () => {
    const s7 = join(base, 's7');
    const s8 = join(base, 's8');
    await generateDemo({ dir: s7, seed: 7, txns: 2_000 });
    await generateDemo({ dir: s8, seed: 8, txns: 2_000 });
    const [g7, g8] = [truth(s7), truth(s8)];
    const ids7 = new Set(g7.people.map((p) => p.idNumber));
    expect(g8.people.filter((p) => ids7.has(p.idNumber))).toEqual([]);
    expect(g8.typologies.map((t) => t.parameters)).not.toEqual(g7.typologies.map((t) => t.parameters));
    expect(g8.transfers.map((t) => t.amountMinor)).not.toEqual(g7.transfers.map((t) => t.amountMinor));
    const f7 = fingerprint(s7);
    const shared = [...fingerprint(s8)].filter(([f, h]) => f7.get(f) === h);
    expect(shared).toEqual([]);
    // and neither sits on the detectors' published defaults (DOMAIN.md §2): every planted hop waits longer than
    // the 30-minute 快进快出 window
    for (const g of [g7, g8]) {
      for (const p of g.passThrough) for (const h of p.hops.slice(1)) expect(h.delayMinutes).toBeGreaterThan(30);
    }
  });

  it('refuses a non-empty folder that holds no earlier demo, and touches nothing in it', async () => {
    const foreign = join(base, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'case-notes.txt'), 'keep me');
    await expect(generateDemo({ dir: foreign, seed: 1, txns: 1_000 })).rejects.toThrow(/not empty/);
    expect(listFiles(foreign)).toEqual(['case-notes.txt']);
  });
});
