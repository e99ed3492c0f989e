/**
 * Detection in an open case: load the rows, run the chosen rules, store every hit as a finding in one transaction,
 * and record the run in the audit chain — what ran with which parameters, how many findings each rule stored, and
 * how many earlier findings of the same rule and parameters it replaced. A cancelled or failed run stores nothing
 * and is audited as such.
 */
import type { DetectRunReport } from '@shared/domain';
import type { CaseSession } from '../../cases/case-session';
import { toAppError } from '../../api/router';
import { loadCaseRows } from './case-rows';
import { saveRuleFindings } from './findings-store';
import { runDetectors, type RuleResult, type RunOptions } from './run-detectors';
import { holidaysBetween } from './reference-lists';

export interface DetectCall extends Omit<RunOptions, 'onRule'> {
  operator: string;
  /** progress: rows read while loading, then rules run */
  onProgress?: ((progress: { stage: 'load' | 'rules' | 'save'; done: number; total: number; rule?: string }) => void) | undefined;
}

export interface DetectOutcome {
  report: DetectRunReport;
  results: (RuleResult & { findingIds: number[] })[];
  /** milliseconds spent reading the case and storing the findings (each rule's own time is in its result) */
  timings: { readMs: number; storeMs: number };
}

export async function detectInCase(session: CaseSession, call: DetectCall): Promise<DetectOutcome> {
  session.assertWritable();
  const requested = { rules: call.rules ?? [], params: call.params ?? {} };
  try {
    const readStarted = performance.now();
    const rows = await loadCaseRows(session.db, { signal: call.signal, onProgress: (done, total) => call.onProgress?.({ stage: 'load', done, total }) });
    const readMs = Math.round(performance.now() - readStarted);
    const results = await runDetectors(rows, {
      ...call,
      onRule: (index, total, rule) => call.onProgress?.({ stage: 'rules', done: index, total, rule }),
    });
    call.onProgress?.({ stage: 'save', done: 0, total: results.length });
    const storeStarted = performance.now();
    const at = new Date().toISOString();
    const saved = session.db.transaction(() => results.map((result) => saveRuleFindings(session.db, result, call.operator, at)))();
    const storeMs = Math.round(performance.now() - storeStarted);
    const uncovered = rows.period && results.some((r) => r.rule === 'night-holiday') ? holidaysBetween(rows.period.from, rows.period.to).uncovered : [];
    const report: DetectRunReport = {
      rules: results.map((result, i) => ({
        rule: result.rule,
        version: result.version,
        params: result.params,
        hits: result.hits.length,
        replaced: saved[i]?.replaced ?? 0,
        milliseconds: result.milliseconds,
      })),
      rows: { used: rows.counts.rows, failed: rows.counts.failed, duplicates: rows.counts.duplicates, reversals: rows.counts.reversals },
      calendarUncoveredYears: uncovered,
    };
    session.audit.append(call.operator, 'detect.completed', {
      ...requested,
      rules: report.rules.map((rule, i) => ({
        ...rule,
        // the earlier findings of this rule with these parameters are replaced by this run's
        replacedEarlierFindings: rule.replaced,
        removedFindingsWithTagsOrNotes: saved[i]?.removedWithNotes ?? 0,
      })),
      rows: report.rows,
    });
    return { report, results: results.map((result, i) => ({ ...result, findingIds: saved[i]?.ids ?? [] })), timings: { readMs, storeMs } };
  } catch (error) {
    const appError = toAppError(error);
    session.audit.append(call.operator, appError.code === 'CANCELLED' ? 'detect.cancelled' : 'detect.failed', { ...requested, error: appError.code, message: appError.message });
    throw appError;
  }
}
