import { AppError } from '@shared/api';
import { ParamError, parseParamPairs } from '@shared/analytics/detectors';
import type { Command } from '../command';
import { UsageError } from '../command';
import { CaseSession } from '../../core/cases/case-session';
import { detectInCase, loadCaseRows, resolveRunParams, runDetectors, selectDetectors, type RuleResult } from '../../core/analysis/detect';
import { peakRssMb } from '../../core/bench/peak-rss';
import { defaultDataDir } from '../../core/paths';
import { cliOperator } from '../operator';

/** every value of a repeatable string flag */
function values(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

/** --rule a --rule b,c → [a, b, c] */
function ruleIds(value: unknown): string[] {
  return values(value).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

function describe(result: RuleResult, findingIds: readonly number[] | null): Record<string, unknown> {
  return {
    rule: result.rule,
    version: result.version,
    params: result.params,
    milliseconds: result.milliseconds,
    items: result.hits.map((hit, i) => ({
      findingId: findingIds?.[i] ?? null,
      title: hit.title,
      titleEn: hit.titleEn,
      score: hit.score,
      subject: hit.subject,
      accounts: hit.accounts,
      txns: hit.txns,
      detail: hit.detail,
    })),
  };
}

export const detectCommand: Command = {
  path: ['detect'],
  summary: 'run the detectors (all, or --rule …) over a case and store each hit as a finding with its parameters',
  usage: 'chainsight detect <caseDir> [--rule ID]… [--param k=v | --param RULE.k=v]… [--dry-run] [--json]',
  options: { rule: { type: 'string', multiple: true }, param: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(input) {
    const caseDir = input.positionals[0] ?? '';
    let detectors;
    let params: Record<string, Record<string, string>>;
    try {
      detectors = selectDetectors(ruleIds(input.values.rule));
      // values may hold commas (thresholds=50000,200000; patterns), so --param is never split
      params = parseParamPairs(values(input.values.param), detectors);
      resolveRunParams(detectors, params);
    } catch (error) {
      if (error instanceof ParamError || (error instanceof AppError && error.code === 'BAD_INPUT')) throw new UsageError(error.message);
      throw error;
    }
    const rules = detectors.map((d) => d.id);
    const dryRun = input.values['dry-run'] === true;
    const progress = (line: string): void => input.progress(line);
    let lastLoad = 0;
    const onProgress = (p: { stage: string; done: number; total: number; rule?: string }): void => {
      if (p.stage === 'load') {
        const now = Date.now();
        if (now - lastLoad < 1000 && p.done < p.total) return;
        lastLoad = now;
        progress(`  reading ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} rows`);
      } else if (p.stage === 'rules' && p.rule) progress(`  ${p.rule}`);
    };
    let findings: Record<string, unknown>[];
    let rows: Record<string, number>;
    let timings: { readMs: number; storeMs: number };
    if (dryRun) {
      const session = CaseSession.open(caseDir, { host: 'cli', operator: '' }, 'read');
      try {
        const readStarted = performance.now();
        const loaded = await loadCaseRows(session.db, { signal: input.signal, onProgress: (done, total) => onProgress({ stage: 'load', done, total }) });
        timings = { readMs: Math.round(performance.now() - readStarted), storeMs: 0 };
        const results = await runDetectors(loaded, { rules, params, signal: input.signal, onRule: (_i, _n, rule) => onProgress({ stage: 'rules', done: 0, total: 0, rule }) });
        findings = results.map((r) => describe(r, null));
        rows = { used: loaded.counts.rows, failed: loaded.counts.failed, duplicates: loaded.counts.duplicates, reversals: loaded.counts.reversals };
      } finally {
        session.close();
      }
    } else {
      const operator = cliOperator(input, defaultDataDir());
      const session = CaseSession.open(caseDir, { host: 'cli', operator }, 'write');
      try {
        const outcome = await detectInCase(session, { rules, params, operator, signal: input.signal, onProgress });
        findings = outcome.results.map((r) => ({ ...describe(r, r.findingIds), replaced: outcome.report.rules.find((x) => x.rule === r.rule)?.replaced ?? 0 }));
        rows = outcome.report.rows;
        timings = outcome.timings;
      } finally {
        session.close();
      }
    }
    for (const finding of findings) {
      const items = finding.items as { title: string; score: number }[];
      const replaced = typeof finding.replaced === 'number' ? finding.replaced : 0;
      input.log(`${String(finding.rule)} v${String(finding.version)}: ${items.length} hit(s)${replaced > 0 ? `, replacing ${replaced} earlier finding(s)` : ''}`);
      for (const item of items.slice(0, 10)) input.log(`  [${item.score.toFixed(2)}] ${item.title}`);
      if (items.length > 10) input.log(`  … ${items.length - 10} more`);
    }
    input.log(`rows used ${rows.used}, left out: ${rows.failed} refused by the bank, ${rows.duplicates} duplicates, ${rows.reversals} reversal rows${dryRun ? ' (dry run: nothing stored)' : ''}`);
    const usage = process.resourceUsage();
    return { findings, rows, stored: !dryRun, timings: { ...timings, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) }, peakRssMb: peakRssMb() };
  },
};
