import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { BenchFigure } from './generator-bench';

export interface CliRunner {
  /** run `chainsight <args> --json` in a child process (for a clean peak RSS) and return its JSON and wall time */
  (args: string[]): { json: Record<string, unknown>; seconds: number };
}

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** Every 交易明细 file under a folder. */
function transactionFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...transactionFiles(full));
    else if (entry.name.endsWith('交易明细信息.csv')) found.push(full);
  }
  return found.sort();
}

/**
 * The floor no importer beats by much (ARCHITECTURE.md §7): Debian's sqlite3 shell loading the same rows with
 * `.import` into a plain table without parsing, hashing, provenance or checks. Returns null when sqlite3 is absent.
 */
export function sqliteShellReference(bankDir: string, workDir: string): { seconds: number; rows: number } | null {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const csv = join(workDir, 'reference.csv');
  const out = openSync(csv, 'w');
  let rows = 0;
  try {
    writeSync(out, `${Array.from({ length: 48 }, (_, i) => `c${i + 1}`).join(',')}\n`);
    for (const file of transactionFiles(bankDir)) {
      const lines = iconv.decode(readFileSync(file), 'gb18030').split(/\r?\n/).slice(1).filter((line) => line !== '');
      rows += lines.length;
      writeSync(out, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(out);
  }
  const db = join(workDir, 'reference.sqlite');
  rmSync(db, { force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync('sqlite3', [db], { input: `.mode csv\n.import ${csv} txn\n`, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) return null;
  return { seconds, rows };
}

/** Import the generated bank returns end to end and compare with the sqlite3 shell on the same rows. */
export function benchImport(cli: CliRunner, dataDir: string, workDir: string): BenchFigure[] {
  const caseDir = join(workDir, 'bench.chainsight');
  cli(['case', 'init', caseDir, '--name', 'bench']);
  const bankDir = join(dataDir, '银行查控');
  const { json, seconds } = cli(['import', caseDir, bankDir]);
  const files = (json.files ?? []) as { imported: number; rejected: number }[];
  const rows = files.reduce((n, f) => n + f.imported, 0);
  const timings = (json.timings ?? {}) as Record<string, number>;
  const figures: BenchFigure[] = [
    { name: 'import.bank.rows', value: rows, unit: 'rows' },
    { name: 'import.bank.files', value: files.length, unit: 'files' },
    { name: 'import.bank.seconds', value: round(seconds), unit: 's' },
    { name: 'import.bank.throughput', value: Math.round(rows / seconds), unit: 'rows/s' },
    { name: 'import.bank.peak_rss', value: Number(json.peakRssMb ?? 0), unit: 'MB' },
    ...Object.entries(timings).map(([stage, value]) => ({ name: `import.bank.stage.${stage}`, value: round(value), unit: 's' })),
  ];
  const reference = sqliteShellReference(bankDir, workDir);
  if (reference) {
    figures.push(
      { name: 'reference.sqlite3_import.rows', value: reference.rows, unit: 'rows' },
      { name: 'reference.sqlite3_import.seconds', value: round(reference.seconds), unit: 's' },
      { name: 'import.bank.vs_sqlite3_shell', value: round(seconds / reference.seconds, 1), unit: '×' },
    );
  } else {
    figures.push({ name: 'reference.sqlite3_import.missing', value: 0, unit: 'install Debian sqlite3 for the reference' });
  }
  return figures;
}
