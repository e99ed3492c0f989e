/**
 * `chainsight eval`: generate a fresh demo data set in a temporary folder, import it into a new case in-process,
 * run every detector with its defaults and score each against the generator's ground truth; optionally the same for
 * AMLSim data. The temporary folder is removed afterwards unless the caller keeps it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@shared/api';
import { loadCaseRows, runDetectors } from '../analysis/detect';
import { CaseSession } from '../cases/case-session';
import { generateDemo } from '../demo/generate';
import { GROUND_TRUTH_SCHEMA, type GroundTruth } from '../demo/truth-types';
import { runImport } from '../ingest/run-import';
import { evalAmlDataset, findAmlDatasets, type AmlProfile } from './amlsim';
import { scoreDemo } from './demo-scoring';
import type { EvalResult } from './score';
import { mapTruth, type TruthMap } from './truth-map';
import type { Db } from '../db/connection';

/** the seed `chainsight eval` uses unless told otherwise: none of the tests and none of the tuning used it */
export const DEFAULT_EVAL_SEED = 2026;
export const DEFAULT_EVAL_TXNS = 120_000;

export interface DemoProfile {
  dataset: string;
  seed: number;
  transactions: number;
  subjects: number;
  typologies: Record<string, Record<string, unknown>>;
  nearMisses: Record<string, number>;
  seconds: { generate: number; import: number; detect: number };
}

export interface EvalOptions {
  seed?: number;
  txns?: number;
  amlDir?: string | undefined;
  /** keep the generated data and case here instead of a removed temporary folder */
  workDir?: string | undefined;
  /** detector parameters replacing the defaults (per rule id) */
  params?: Record<string, Record<string, unknown>> | undefined;
  progress?: ((line: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface EvalReport {
  results: EvalResult[];
  datasets: (DemoProfile | AmlProfile)[];
}

const seconds = (from: number): number => Math.round((performance.now() - from) / 100) / 10;

/** days with a row in each account's statement (local dates of successful, non-duplicate rows), by truth account */
function activeDaysOf(db: Db, map: TruthMap): (account: string) => number {
  const rows = db
    .prepare(`SELECT account_id AS id, COUNT(DISTINCT date((ts_utc + IFNULL(ts_offset, 480) * 60000) / 1000, 'unixepoch')) AS days FROM txn WHERE succeeded = 1 AND dup_of IS NULL AND ts_utc IS NOT NULL GROUP BY account_id`)
    .all() as { id: number; days: number }[];
  const byCase = new Map(rows.map((r) => [r.id, r.days]));
  return (account) => byCase.get(map.caseAccount.get(account) ?? -1) ?? 0;
}

export async function evalDemo(options: EvalOptions): Promise<{ results: EvalResult[]; profile: DemoProfile }> {
  const seed = options.seed ?? DEFAULT_EVAL_SEED;
  const txns = options.txns ?? DEFAULT_EVAL_TXNS;
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'chainsight-eval-'));
  const progress = options.progress ?? (() => undefined);
  try {
    const dataDir = join(work, `demo-seed-${seed}`);
    const caseDir = join(work, `eval-seed-${seed}.chainsight`);
    // a kept folder from an earlier run with this seed is used again as it is (generation and import are skipped)
    const reuse = options.workDir !== undefined && existsSync(join(dataDir, 'ground-truth.json')) && existsSync(join(caseDir, 'case.sqlite'));
    let started = performance.now();
    if (!reuse) {
      progress(`generating demo data: seed ${seed}, about ${txns.toLocaleString('en-US')} transactions`);
      await generateDemo({ dir: dataDir, seed, txns, signal: options.signal });
    }
    const generateSeconds = seconds(started);
    const truth = JSON.parse(readFileSync(join(dataDir, 'ground-truth.json'), 'utf8')) as GroundTruth;
    if (truth.schema !== GROUND_TRUTH_SCHEMA) throw new AppError('INTERNAL', `unexpected ground truth schema ${String(truth.schema)}`);
    const session = reuse
      ? CaseSession.open(caseDir, { host: 'cli', operator: 'chainsight eval' }, 'read')
      : CaseSession.create(caseDir, { caseName: `eval seed ${seed}`, caseNumber: `EVAL-${seed}` }, { host: 'cli', operator: 'chainsight eval' });
    try {
      started = performance.now();
      if (!reuse) {
        progress('importing it into a new case');
        await runImport(session.db, { caseDir: session.caseDir, paths: [dataDir], operator: 'chainsight eval', timeZone: session.meta().timeZone, signal: options.signal });
      }
      const importSeconds = seconds(started);
      started = performance.now();
      progress('running every detector');
      const rows = await loadCaseRows(session.db, { signal: options.signal });
      const results = await runDetectors(rows, { params: options.params, signal: options.signal, onRule: (_i, _n, rule) => progress(`  ${rule}`) });
      const detectSeconds = seconds(started);
      const dataset = `demo:seed-${seed}`;
      const map = mapTruth(session.db, truth);
      const scored = scoreDemo(map, results, dataset, activeDaysOf(session.db, map));
      const nearMisses: Record<string, number> = {};
      for (const n of truth.nearMisses) nearMisses[n.kind] = (nearMisses[n.kind] ?? 0) + 1;
      return {
        results: scored,
        profile: {
          dataset,
          seed,
          transactions: truth.totals.transactions,
          subjects: truth.accounts.filter((a) => a.subject).length,
          typologies: Object.fromEntries(truth.typologies.map((t) => [t.id, { typology: t.typology, ...t.parameters }])),
          nearMisses,
          seconds: { generate: generateSeconds, import: importSeconds, detect: detectSeconds },
        },
      };
    } finally {
      session.close();
    }
  } finally {
    if (!options.workDir) rmSync(work, { recursive: true, force: true });
  }
}

export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const demo = await evalDemo(options);
  const report: EvalReport = { results: [...demo.results], datasets: [demo.profile] };
  if (options.amlDir) {
    const datasets = findAmlDatasets(options.amlDir);
    if (datasets.length === 0) throw new AppError('BAD_INPUT', `No AMLSim data (nodes.csv + transactions.csv, accounts.csv + tx.csv, or a tarball of them) under ${options.amlDir}`);
    for (const dataset of datasets) {
      options.progress?.(`AMLSim ${dataset.name}: ${dataset.accounts.length.toLocaleString('en-US')} accounts, ${dataset.transfers.length.toLocaleString('en-US')} transfers`);
      const { profile, results } = await evalAmlDataset(dataset, options.signal);
      report.results.push(...results);
      report.datasets.push(profile);
    }
  }
  return report;
}
