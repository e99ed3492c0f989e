import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { APP_ROOT, assertBuilt, chainsight } from '../../support/run-cli';

/** AMLSim labelled data published beside the project (see its PROVENANCE.md); the AMLSim case is skipped without it */
const AML_DIR = join(APP_ROOT, '..', 'shared', 'corpus', 'aml-labelled');

interface DetectJson {
  ok: boolean;
  findings: { rule: string; version: number; params: Record<string, unknown>; items: { findingId: number | null; title: string; titleEn: string; txns: { id: number; role: string }[] }[] }[];
  rows: { used: number; failed: number; duplicates: number };
  stored: boolean;
}

interface EvalJson {
  ok: boolean;
  results: { detector: string; dataset: string; precision: number | null; recall: number | null; support: number; params: Record<string, unknown> }[];
  datasets: { dataset: string; seed?: number; nearMisses?: Record<string, number>; accounts?: number; fraudAccounts?: number }[];
}

describe('chainsight detect and chainsight eval (ARCHITECTURE.md §6)', () => {
  const tempDir = useTempDirs();
  beforeAll(() => assertBuilt());

  function demoCase(): { caseDir: string; env: Record<string, string> } {
    const dir = tempDir();
    const env = { CHAINSIGHT_HOME: join(dir, 'home') };
    const data = join(dir, 'data');
    expect(chainsight(['demo', data, '--seed', '41', '--txns', '2500'], env).status).toBe(0);
    const caseDir = join(dir, 'c.chainsight');
    expect(chainsight(['case', 'init', caseDir], env).status).toBe(0);
    const imported = chainsight(['import', caseDir, data, '--json'], env);
    expect(imported.status, imported.stderr).toBe(0);
    return { caseDir, env };
  }

  it('detect --json: every rule with version, parameters and items; --rule and --param; findings stored unless --dry-run', () => {
    const { caseDir, env } = demoCase();
    const all = chainsight(['detect', caseDir, '--json'], env);
    expect(all.status, all.stderr).toBe(0);
    const json = all.json() as unknown as DetectJson;
    expect(json.ok).toBe(true);
    expect(json.stored).toBe(true);
    expect(json.findings.map((f) => f.rule)).toContain('shared-counterparty');
    expect(json.findings).toHaveLength(17);
    for (const finding of json.findings) {
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['rule', 'version', 'params', 'items']));
    }
    const t1 = json.findings.find((f) => f.rule === 'insurance-surrender');
    expect(t1?.items.length).toBeGreaterThanOrEqual(1);
    expect(t1?.items[0]?.findingId).toBeGreaterThan(0);
    expect(t1?.items[0]?.txns.some((t) => t.role === 'fee')).toBe(true);
    // the title in Chinese as before, and beside it the same in English
    expect(Object.keys(t1?.items[0] ?? {})).toEqual(['findingId', 'title', 'titleEn', 'score', 'subject', 'accounts', 'txns', 'detail']);
    expect(t1?.items[0]?.title).toMatch(/^疑似代理退保：/);
    expect(t1?.items[0]?.titleEn).toMatch(/^Suspected surrender agent: \d+ policyholders paid /);

    const one = chainsight(['detect', caseDir, '--rule', 'cycle', '--param', 'windowDays=7', '--param', 'cycle.maxLength=3', '--dry-run', '--json'], env).json() as unknown as DetectJson;
    expect(one.findings.map((f) => f.rule)).toEqual(['cycle']);
    expect(one.findings[0]?.params).toMatchObject({ windowDays: 7, maxLength: 3 });
    expect(one.stored).toBe(false);
    expect(one.findings[0]?.items.every((i) => i.findingId === null)).toBe(true);

    const human = chainsight(['detect', caseDir, '--rule', 'insurance-surrender'], env);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/insurance-surrender v1: \d+ hit\(s\), replacing \d+ earlier finding/);
    expect(human.stdout).toContain('疑似代理退保');
  }, 180_000);

  it('detect: an unknown rule or parameter, or a value out of range, is bad usage (exit 2) and changes nothing', () => {
    const { caseDir, env } = demoCase();
    for (const args of [['--rule', 'no-such-rule'], ['--param', 'nonsense=1'], ['--rule', 'cycle', '--param', 'maxLength=99'], ['--param', 'windowMinutes']]) {
      const run = chainsight(['detect', caseDir, ...args, '--json'], env);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.json()).toMatchObject({ ok: false, error: { code: 'BAD_USAGE' } });
    }
  }, 180_000);

  it('eval --json: precision, recall and support per detector on a fresh demo case; every planted typology at 0.9 or better', () => {
    const run = chainsight(['eval', '--seed', '41', '--txns', '3000', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const json = run.json() as unknown as EvalJson;
    expect(json.ok).toBe(true);
    for (const result of json.results) expect(Object.keys(result)).toEqual(expect.arrayContaining(['detector', 'dataset', 'precision', 'recall', 'support']));
    expect(json.datasets[0]).toMatchObject({ dataset: 'demo:seed-41', seed: 41 });
    for (const typology of ['insurance-surrender', 'anti-collection', 'loan-intermediary', 'debt-evasion', 'card-cash-out']) {
      const result = json.results.find((r) => r.detector === typology && r.dataset === 'demo:seed-41');
      expect(result?.support, typology).toBeGreaterThan(0);
      expect(result?.precision, typology).toBeGreaterThanOrEqual(0.9);
      expect(result?.recall, typology).toBeGreaterThanOrEqual(0.9);
    }
  }, 180_000);

  describe.skipIf(!existsSync(AML_DIR))('with the AMLSim corpus', () => {
    it('eval --aml: account-level figures of fan-in, fan-out and cycle against AMLSim’s labels, with a profile of each data set', () => {
      const run = chainsight(['eval', '--seed', '41', '--txns', '1000', '--aml', AML_DIR, '--json']);
      expect(run.status, run.stderr).toBe(0);
      const json = run.json() as unknown as EvalJson;
      const aml = json.results.filter((r) => r.dataset.startsWith('amlsim:'));
      expect(aml.map((r) => r.detector)).toEqual(expect.arrayContaining(['fan-in', 'fan-out', 'cycle']));
      const big = json.datasets.find((d) => d.dataset === '20K_fanin200cycle200');
      expect(big).toMatchObject({ accounts: 20_000, fraudAccounts: 1804 });
      for (const result of aml) expect(result.support).toBeGreaterThan(0);
    }, 180_000);
  });
});
