/**
 * Figures for `chainsight bench`: every detector together on the bench case (ISSUE 7 §7: under 15 s on 1,000,000
 * transactions), run as the CLI runs it — `chainsight detect <case>` in its own process, which reads the case, runs
 * all rules and stores each hit as a finding — with the reading, each rule and the memory reported apart.
 */
import type { BenchFigure } from './generator-bench';
import type { CliRunner } from './import-bench';

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export function benchDetect(cli: CliRunner, caseDir: string): BenchFigure[] {
  const { json, seconds } = cli(['detect', caseDir]);
  const rows = (json.rows ?? {}) as Record<string, number>;
  const findings = (json.findings ?? []) as { rule: string; milliseconds: number; items: unknown[] }[];
  const timings = (json.timings ?? {}) as Record<string, number>;
  const used = Number(rows.used ?? 0);
  const left = Number(rows.failed ?? 0) + Number(rows.duplicates ?? 0) + Number(rows.reversals ?? 0);
  return [
    { name: 'detect.all.transactions', value: used + left, unit: 'rows' },
    { name: 'detect.all.rows_used', value: used, unit: 'rows' },
    { name: 'detect.all.rules', value: findings.length, unit: 'rules' },
    { name: 'detect.all.findings', value: findings.reduce((n, f) => n + f.items.length, 0), unit: 'findings' },
    { name: 'detect.all.seconds', value: round(seconds), unit: 's' },
    { name: 'detect.all.read_seconds', value: round(Number(timings.readMs ?? 0) / 1000), unit: 's' },
    { name: 'detect.all.rules_seconds', value: round(findings.reduce((s, f) => s + f.milliseconds, 0) / 1000), unit: 's' },
    { name: 'detect.all.store_seconds', value: round(Number(timings.storeMs ?? 0) / 1000), unit: 's' },
    { name: 'detect.all.cpu_seconds', value: round(Number(timings.cpuMs ?? 0) / 1000), unit: 's' },
    { name: 'detect.all.peak_rss', value: Number(json.peakRssMb ?? 0), unit: 'MB' },
    ...findings.map((f) => ({ name: `detect.rule.${f.rule}`, value: f.milliseconds, unit: 'ms' })),
  ];
}
