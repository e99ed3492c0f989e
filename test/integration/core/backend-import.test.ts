import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMessage, Result } from '@shared/api';
import type { ImportReport, InspectedFile, SourceInfo } from '@shared/domain';
import { createBackend } from '../../../electron/core/backend';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import type { Backend } from '../../../electron/core/host';
import { useTempDirs } from '../../support/temp-dir';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'bank', '5104614320240315093012');

async function call<T>(backend: Backend, method: string, input: unknown = {}): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function openCase(root: string): Promise<{ backend: Backend; events: EventMessage[] }> {
  const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
  const events: EventMessage[] = [];
  backend.onEvent((m) => events.push(m));
  const op = await call<{ id: string }>(backend, 'operators.save', { name: '周警官', unit: '经侦', badge: '7' });
  await call(backend, 'operators.select', { id: op.id });
  await call(backend, 'cases.create', { folderName: 'imp', meta: { caseName: '导入' } });
  return { backend, events };
}

function finished(events: EventMessage[], jobId: string): Promise<EventMessage<'import.finished'>> {
  return new Promise((resolve) => {
    const poll = (): void => {
      const found = events.find((e) => e.name === 'import.finished' && (e.payload as { jobId: string }).jobId === jobId);
      if (found) resolve(found as EventMessage<'import.finished'>);
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe('import through the contract (what the import screen does)', () => {
  const tempDir = useTempDirs();

  it('inspects, imports in the background with progress, lists sources with hashes, and audits every step', async () => {
    const { backend, events } = await openCase(tempDir());
    const inspected = await call<{ files: InspectedFile[] }>(backend, 'import.inspect', { paths: [FIXTURES] });
    const gf = inspected.files.find((f) => f.file.endsWith('广发银行股份有限公司交易明细信息.csv'));
    expect(gf).toMatchObject({ status: 'ok', encoding: 'gb18030' });
    expect(gf?.candidates[0]).toMatchObject({ format: 'ccxk.transactions' });
    expect(gf?.candidates[0]?.confidence).toBeGreaterThan(0.9);
    expect(gf?.preview[0]?.[0]).toContain('交易卡号');

    const { jobId } = await call<{ jobId: string }>(backend, 'import.start', { paths: [FIXTURES] });
    // the case is busy while the job runs: other changes wait
    const busy = await backend.dispatch('cases.updateMeta', { cause: 'x' });
    const done = await finished(events, jobId);
    expect(done.payload.ok).toBe(true);
    expect(busy).toMatchObject({ ok: false, error: { code: 'CASE_BUSY' } });
    const report = done.payload.report as ImportReport;
    expect(report.files.filter((f) => f.status === 'imported')).toHaveLength(6);
    expect(events.some((e) => e.name === 'job.finished')).toBe(true);
    // the job names what it imports: the Chinese label, and the same as data for the screens to word in their language
    const progressed = events.find((e) => e.name === 'job.progressed' && (e.payload as { jobId: string }).jobId === jobId)?.payload;
    expect(progressed).toMatchObject({ kind: 'import', label: `导入 ${basename(FIXTURES)}`, title: { key: 'import', names: [basename(FIXTURES)], count: 1 } });
    expect(await call(backend, 'import.report', { jobId })).toEqual({ report });

    const { sources } = await call<{ sources: SourceInfo[] }>(backend, 'sources.list');
    expect(sources).toHaveLength(6);
    const source = sources.find((s) => s.relPath.endsWith('广发银行股份有限公司交易明细信息.csv'));
    expect(source).toMatchObject({
      format: 'ccxk.transactions',
      grade: 'official',
      acquisition: { method: '查控平台', unit: '广发银行股份有限公司', requestNo: '5104614320240315093012', acquiredBy: '周警官（经侦，警号 7）' },
    });
    expect(source?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(source?.sm3).toMatch(/^[0-9a-f]{64}$/);

    const updated = await call<SourceInfo>(backend, 'sources.updateAcquisition', { sourceId: source?.id, acquisition: { acquiredAt: '2024-03-15 09:30' } });
    expect(updated.acquisition).toMatchObject({ acquiredAt: '2024-03-15 09:30', unit: '广发银行股份有限公司' });
    const audit = await call<{ entries: { action: string; params: string }[] }>(backend, 'audit.list', {});
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['import.completed', 'sources.updateAcquisition']));
    expect(audit.entries.find((e) => e.action === 'import.completed')?.params).toContain(source?.sha256 ?? 'missing');
    await backend.close();
  });

  it('first run: creates the demo case from the generator and imports it', async () => {
    const root = tempDir();
    const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
    const events: EventMessage[] = [];
    backend.onEvent((m) => events.push(m));
    const op = await call<{ id: string }>(backend, 'operators.save', { name: '演示', unit: '', badge: '' });
    await call(backend, 'operators.select', { id: op.id });
    const demo = await call<{ case: { caseDir: string; meta: { caseName: string } }; jobId: string; dataDir: string }>(backend, 'cases.createDemo', { seed: 3, txns: 1000 });
    expect(demo.case.caseDir).toBe(join(root, 'cases', 'demo-seed-3.chainsight'));
    expect(demo.case.meta.caseName).toContain('演示案件');
    const done = await finished(events, demo.jobId);
    expect(done.payload.ok).toBe(true);
    const truth = JSON.parse(readFileSync(join(demo.dataDir, 'ground-truth.json'), 'utf8')) as { totals: { transactions: number; duplicates: number } };
    expect(await call(backend, 'cases.stats')).toMatchObject({ transactions: truth.totals.transactions, duplicates: truth.totals.duplicates });
    await backend.close();
  });

  it('a failed import changes nothing but is audited', async () => {
    const { backend, events } = await openCase(tempDir());
    const { jobId } = await call<{ jobId: string }>(backend, 'import.start', { paths: [join(FIXTURES, 'no-such-file.csv')] });
    const done = await finished(events, jobId);
    expect(done.payload).toMatchObject({ ok: false, error: { code: 'IMPORT_UNREADABLE' } });
    expect(await call(backend, 'cases.stats')).toMatchObject({ sources: 0, transactions: 0 });
    const audit = await call<{ entries: { action: string }[] }>(backend, 'audit.list', {});
    expect(audit.entries[0]?.action).toBe('import.failed');
    await backend.close();
  });

  it('an export holds its case: no switch or import while it writes, its audit entry lands in its own case, and a failed import frees the case', async () => {
    const { backend, events } = await openCase(tempDir());
    const failed = await call<{ jobId: string }>(backend, 'import.start', { paths: [join(FIXTURES, 'no-such-file.csv')] });
    await finished(events, failed.jobId);
    const { jobId } = await call<{ jobId: string }>(backend, 'import.start', { paths: [FIXTURES] });
    expect((await finished(events, jobId)).payload.ok).toBe(true);
    const exporting = backend.dispatch('txns.export', { filter: {}, sort: [], format: 'xlsx' });
    const switching = await backend.dispatch('cases.create', { folderName: 'other', meta: { caseName: '另一案' } });
    expect(switching).toMatchObject({ ok: false, error: { code: 'CASE_BUSY', details: { kind: 'export' } } });
    expect(await backend.dispatch('import.start', { paths: [FIXTURES] })).toMatchObject({ ok: false, error: { code: 'CASE_BUSY' } });
    const written = (await exporting) as Result<{ rows: number; jobId: string }>;
    expect(written).toMatchObject({ ok: true });
    const audit = await call<{ entries: { action: string }[] }>(backend, 'audit.list', {});
    expect(audit.entries.map((e) => e.action)).toContain('txns.export');
    // once written, the case may be switched again
    expect(await backend.dispatch('cases.create', { folderName: 'other', meta: { caseName: '另一案' } })).toMatchObject({ ok: true });
    await backend.close();
  });

  it('shutting down while an export is written ends it without a stray error from the file writer', async () => {
    const { backend, events } = await openCase(tempDir());
    const { jobId } = await call<{ jobId: string }>(backend, 'import.start', { paths: [FIXTURES] });
    expect((await finished(events, jobId)).payload.ok).toBe(true);
    const exporting = backend.dispatch('txns.export', { filter: {}, sort: [], format: 'xlsx' });
    await backend.close();
    const outcome = await exporting;
    if (!outcome.ok) expect(['CANCELLED', 'INTERNAL', 'NO_CASE_OPEN']).toContain(outcome.error.code);
  });

  it('shutting down during an import waits for it: the case holds the rows and their audit entry, or neither', async () => {
    const root = tempDir();
    const { backend, events } = await openCase(root);
    const { jobId } = await call<{ jobId: string }>(backend, 'import.start', { paths: [FIXTURES] });
    await backend.close();
    expect(events.some((e) => e.name === 'import.finished' && (e.payload as { jobId: string }).jobId === jobId)).toBe(true);
    const session = CaseSession.open(join(root, 'cases', 'imp.chainsight'), { host: 'cli', operator: 't' }, 'read');
    const sources = caseStats(session).sources;
    const actions = session.audit.list(0, 100).entries.map((entry) => entry.action);
    if (sources > 0) expect(actions).toContain('import.completed');
    else expect(actions).toContain('import.failed');
    expect(session.audit.verify()).toMatchObject({ ok: true });
    session.close();
  });
});
