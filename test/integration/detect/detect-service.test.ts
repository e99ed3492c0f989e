import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage, Result } from '@shared/api';
import type { AuditEntry, CaseStats, DetectRunReport, FindingDetail, FindingSummary, RuleFindingCount, RuleInfo } from '@shared/domain';
import { createBackend } from '../../../electron/core/backend';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { generateDemo } from '../../../electron/core/demo/generate';
import type { GroundTruth } from '../../../electron/core/demo/truth-types';
import type { Backend } from '../../../electron/core/host';
import { runImport } from '../../../electron/core/ingest/run-import';

/**
 * Detection through the contract on a generated demo case (docs/ground-truth.md): a run is a job with progress and
 * cancel, every hit becomes a finding with its rule, version, parameters and rows, a second run with the same
 * parameters replaces the first, and the audit log says what happened.
 */

const SEED = 23;
let dir = '';
let caseDir = '';
let truth: GroundTruth;
let backend: Backend;
const events: EventMessage[] = [];

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function jobEnd(jobId: string): Promise<{ ok: boolean; message: string | null }> {
  return new Promise((resolve) => {
    const poll = (): void => {
      const found = events.find((e) => e.name === 'job.finished' && (e.payload as { jobId: string }).jobId === jobId);
      if (found) resolve(found.payload as { ok: boolean; message: string | null });
      else setTimeout(poll, 10);
    };
    poll();
  });
}

async function runAndWait(input: unknown): Promise<DetectRunReport> {
  const { jobId } = await call<{ jobId: string }>('detect.run', input);
  const end = await jobEnd(jobId);
  expect(end, end.message ?? '').toMatchObject({ ok: true });
  const { report } = await call<{ report: DetectRunReport | null }>('detect.report', { jobId });
  if (!report) throw new Error('no report');
  return report;
}

interface DetectAudit {
  rules: { rule: string; hits: number; replacedEarlierFindings: number; params: Record<string, unknown> }[];
}

/** the detector runs in the audit log, newest first */
async function detectAudits(action = 'detect.completed'): Promise<DetectAudit[]> {
  const audit = await call<{ entries: AuditEntry[] }>('audit.list', { offset: 0, limit: 1000 });
  return audit.entries
    .filter((e) => e.action === action)
    .map((e) => (typeof e.params === 'string' ? JSON.parse(e.params) : e.params) as DetectAudit);
}

async function allFindings(rule?: string): Promise<{ total: number; findings: FindingSummary[]; byRule: RuleFindingCount[] }> {
  return call('findings.list', { rule, offset: 0, limit: 1000 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chainsight-detect-'));
  const data = join(dir, 'data');
  await generateDemo({ dir: data, seed: SEED, txns: 4000 });
  truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as GroundTruth;
  const session = CaseSession.create(join(dir, 'case'), { caseName: '检测', caseNumber: 'JC-7' }, { host: 'cli', operator: 't' });
  await runImport(session.db, { caseDir: session.caseDir, paths: [data], operator: 't', timeZone: 'Asia/Shanghai' });
  caseDir = session.caseDir;
  session.close();
  backend = await createBackend({ host: 'serve', dataDir: join(dir, 'app'), casesDir: join(dir, 'cases'), version: 't' });
  backend.onEvent((m) => events.push(m));
  const operator = await call<{ id: string }>('operators.save', { name: '钱警官', unit: '经侦支队', badge: '061234' });
  await call('operators.select', { id: operator.id });
  await call('cases.open', { caseDir });
}, 180_000);

afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('detection on a generated demo case, through the contract', () => {
  it('lists every rule with its version and parameters (defaults, descriptions in both languages)', async () => {
    const { rules } = await call<{ rules: RuleInfo[] }>('detect.rules');
    expect(rules.length).toBe(17);
    const fifo = rules.find((r) => r.id === 'fast-in-fast-out');
    expect(fifo).toMatchObject({ version: 1, name: { zh: '快进快出', en: 'Fast in, fast out' } });
    expect(fifo?.params.find((p) => p.key === 'windowMinutes')).toMatchObject({ default: 30, unit: 'minutes' });
    expect(fifo?.params.find((p) => p.key === 'minAmount')).toMatchObject({ default: 50_000, unit: 'yuan' });
  });

  it('runs every rule as a job with progress, stores each hit as a finding whose rows are the planted ones, and audits it', async () => {
    const report = await runAndWait({});
    expect(report.rules).toHaveLength(17);
    const stats = await call<CaseStats>('cases.stats');
    expect(report.rows).toMatchObject({ failed: stats.failed, duplicates: stats.duplicates });
    expect(report.rows.used + report.rows.failed + report.rows.duplicates + report.rows.reversals).toBe(stats.transactions);
    expect(events.some((e) => e.name === 'job.progressed' && (e.payload as { kind: string; unit: string }).kind === 'detect' && (e.payload as { unit: string }).unit === 'rows')).toBe(true);
    // the job says what it is for the screens to word (every rule), beside its Chinese label
    const progressed = events.find((e) => e.name === 'job.progressed' && (e.payload as { kind: string }).kind === 'detect')?.payload;
    expect(progressed).toMatchObject({ label: '运行全部检测规则', title: { key: 'detect', rules: [] } });

    const list = await allFindings();
    expect(list.total).toBe(report.rules.reduce((n, r) => n + r.hits, 0));
    // every finding is titled in both languages: a Chinese suspicion (疑似 …) and the same in English
    for (const finding of list.findings) {
      expect(finding.title).toMatch(/^疑似/);
      expect(finding.titleEn).toMatch(/^Suspected [a-z ,-]+(\([a-z ,]+\))?: /);
      expect(finding.titleEn).not.toMatch(/疑似|合计/);
    }
    expect(list.byRule.find((c) => c.rule === 'insurance-surrender')?.count).toBeGreaterThanOrEqual(1);

    // the insurance-surrender finding names exactly the clients' fee payments the generator planted
    const t1 = (await allFindings('insurance-surrender')).findings[0];
    expect(t1?.title).toMatch(/^疑似代理退保：/);
    expect(t1?.titleEn).toMatch(/^Suspected surrender agent: \d+ policyholders paid .+ of their surrender refund within \d+ days? of receiving it \(¥[\d,]+\.\d\d in all\)$/);
    expect(t1?.params).toMatchObject({ windowHours: 240, minClients: 2 });
    const detail = (await call<{ finding: FindingDetail | null }>('findings.get', { id: t1?.id })).finding;
    const feeIds = new Set((truth.typologies.find((t) => t.id === 'T1')?.facts ?? []).map((f) => f.feeTransfer));
    const plantedFeeLegs = truth.transfers.filter((t) => feeIds.has(t.id)).map((t) => t.legs.find((l) => l.direction === 'out')?.id);
    const flaggedFees = detail?.evidence.filter((e) => e.role === 'fee') ?? [];
    expect(flaggedFees.length).toBe(plantedFeeLegs.length);
    for (const row of flaggedFees) {
      expect(row.direction).toBe('out');
      expect(row.file).toMatch(/\.(csv|txt)$/);
      expect(row.line).toBeGreaterThan(1);
    }
    expect(detail?.accountItems.some((a) => a.role === 'collector')).toBe(true);

    const [entry] = await detectAudits();
    expect(entry?.rules).toHaveLength(17);
    expect(entry?.rules.every((r) => r.replacedEarlierFindings === 0)).toBe(true);
    expect(entry?.rules.find((r) => r.rule === 'cycle')?.params).toMatchObject({ windowDays: 30, maxLength: 5 });
  }, 120_000);

  it('a second run with the same parameters replaces the first (ids of unchanged findings kept); other parameters add findings', async () => {
    const before = await allFindings('card-cash-out');
    const report = await runAndWait({ rules: ['card-cash-out'] });
    expect(report.rules[0]).toMatchObject({ rule: 'card-cash-out', replaced: before.total, hits: before.total });
    const after = await allFindings('card-cash-out');
    expect(after.findings.map((f) => f.id).sort()).toEqual(before.findings.map((f) => f.id).sort());
    const [latest] = await detectAudits();
    expect(latest?.rules).toEqual([expect.objectContaining({ rule: 'card-cash-out', replacedEarlierFindings: before.total })]);

    const defaults = (await allFindings('fast-in-fast-out')).total;
    const wider = await runAndWait({ rules: ['fast-in-fast-out'], params: { 'fast-in-fast-out': { windowMinutes: 1440, minAmount: 1000 } } });
    expect(wider.rules[0]).toMatchObject({ params: { windowMinutes: 1440, minAmount: 1000 }, replaced: 0 });
    // a day's window and ¥1,000 catch the mules passing the boss's cut on (they wait hours, not minutes)
    expect(wider.rules[0]?.hits).toBeGreaterThan(0);
    const fifo = await allFindings('fast-in-fast-out');
    expect(fifo.total).toBe(defaults + (wider.rules[0]?.hits ?? 0));
    expect(fifo.findings.filter((f) => f.params.windowMinutes === 1440)).toHaveLength(wider.rules[0]?.hits ?? -1);
  }, 120_000);

  it('a cancelled run stores nothing and says so in the audit log; unknown rules and bad parameters are refused', async () => {
    const before = (await allFindings()).total;
    const { jobId } = await call<{ jobId: string }>('detect.run', {});
    await call('jobs.cancel', { jobId });
    const end = await jobEnd(jobId);
    expect(end.ok).toBe(false);
    expect((await allFindings()).total).toBe(before);
    expect(await detectAudits('detect.cancelled')).toHaveLength(1);

    const unknown = await backend.dispatch('detect.run', { rules: ['no-such-rule'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const bad = await backend.dispatch('detect.run', { rules: ['cycle'], params: { cycle: { maxLength: 99 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((bad as { error: { message: string } }).error.message).toContain('cycle.maxLength must be at most 8');
  }, 120_000);

  it('while a run reads the case, no import, second run or case switch may start; tagging goes on; afterwards all may', async () => {
    const { jobId } = await call<{ jobId: string }>('detect.run', {});
    const importing = await backend.dispatch('import.start', { paths: [join(dir, 'data')] });
    expect(importing).toMatchObject({ ok: false, error: { code: 'CASE_BUSY', details: { jobId, kind: 'detect' } } });
    expect(await backend.dispatch('detect.run', {})).toMatchObject({ ok: false, error: { code: 'CASE_BUSY' } });
    expect(await backend.dispatch('cases.close', {})).toMatchObject({ ok: false, error: { code: 'CASE_BUSY' } });
    const tagged = await backend.dispatch('tags.create', { name: '运行中打的标签' });
    expect(tagged).toMatchObject({ ok: true });
    expect((await jobEnd(jobId)).ok).toBe(true);
    const after = await call<{ jobId: string }>('detect.run', { rules: ['round-amount'] });
    expect((await jobEnd(after.jobId)).ok).toBe(true);
  }, 120_000);
});
