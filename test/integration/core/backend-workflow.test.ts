import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '@shared/api';
import { createBackend } from '../../../electron/core/backend';
import type { Backend } from '../../../electron/core/host';
import { useTempDirs } from '../../support/temp-dir';

async function call<T>(backend: Backend, method: string, input: unknown = {}): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('backend workflow (what the UI does through the contract)', () => {
  const tempDir = useTempDirs();

  it('operator → create case → edit → stats → audit view → close → recent list', async () => {
    const root = tempDir();
    const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
    const events: string[] = [];
    backend.onEvent((m) => events.push(m.name));

    expect(await backend.dispatch('cases.create', { folderName: 'x', meta: { caseName: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'NO_OPERATOR' },
    });
    const op = await call<{ id: string }>(backend, 'operators.save', { name: '陈警官', unit: '某市公安局经侦支队', badge: '031234' });
    await call(backend, 'operators.select', { id: op.id });
    expect(await call(backend, 'operators.list')).toMatchObject({ currentId: op.id });

    const created = await call<{ caseDir: string; meta: { caseName: string } }>(backend, 'cases.create', {
      folderName: '2025-退保案',
      meta: { caseName: '某保险代理退保团伙案', caseNumber: 'JZ-2025-0412', cause: '敲诈勒索', unit: '经侦支队', handler: '陈警官' },
    });
    expect(created.caseDir).toBe(join(root, 'cases', '2025-退保案.chainsight'));
    await call(backend, 'cases.updateMeta', { cause: '敲诈勒索、保险诈骗' });

    const stats = await call<{ audit: { ok: boolean; entries: number }; transactions: number }>(backend, 'cases.stats');
    expect(stats.audit).toEqual({ ok: true, entries: 2, brokenAtSeq: null });
    expect(stats.transactions).toBe(0);

    const audit = await call<{ entries: { action: string; operator: string; params: string }[]; total: number }>(backend, 'audit.list', {});
    expect(audit.total).toBe(2);
    expect(audit.entries[0]).toMatchObject({ action: 'cases.updateMeta', operator: '陈警官（某市公安局经侦支队，警号 031234）' });
    expect(audit.entries[0]?.params).toContain('保险诈骗');

    // a second backend (another app or serve) cannot write the same case
    const other = await createBackend({ host: 'electron', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
    const refused = await other.dispatch('cases.open', { caseDir: created.caseDir });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CASE_LOCKED' } });
    expect(JSON.stringify(refused)).toContain('chainsight serve');

    expect(await call(backend, 'cases.close')).toEqual({ closed: true });
    expect(await call(backend, 'cases.current')).toEqual({ case: null });
    const recent = await call<{ cases: { caseDir: string; caseName: string; available: boolean }[] }>(backend, 'cases.recent');
    expect(recent.cases[0]).toMatchObject({ caseDir: created.caseDir, caseName: '某保险代理退保团伙案', available: true });

    const reopened = await other.dispatch('cases.open', { caseDir: created.caseDir });
    expect(reopened).toMatchObject({ ok: true, value: { meta: { cause: '敲诈勒索、保险诈骗' }, readOnly: false } });
    await other.close();
    expect(events).toContain('case.changed');
    expect(events).toContain('audit.appended');
  });

  it('says that native dialogs belong to the desktop app', async () => {
    const root = tempDir();
    const backend = await createBackend({ host: 'serve', dataDir: root, casesDir: root, version: 't' });
    expect(await backend.dispatch('dialogs.pickFolder', {})).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED_BY_HOST' } });
  });
});
