import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMessage, Result } from '@shared/api';
import type { CaseStats, FormatInfo, ImportReport, InspectedFile, MappingPreview, MappingTemplate, SourceInfo } from '@shared/domain';
import { createBackend } from '../../../electron/core/backend';
import type { Backend } from '../../../electron/core/host';
import { runImport } from '../../../electron/core/ingest/run-import';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { useTempDirs } from '../../support/temp-dir';

async function call<T>(backend: Backend, method: string, input: unknown = {}): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
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

/** A statement no built-in format knows: English headers, split debit/credit columns. */
const STATEMENT = [
  'Account No,Value Date,Narrative,Withdrawals,Deposits,Running Balance,Payee',
  '6222020200001234,2024-03-15 10:30:00,Salary,,"12,345.67","20,000.00",ACME Ltd',
  '6222020200001234,2024-03-16 09:05:00,Rent,3000.50,,"17,000.50",王五',
  '6222020200001234,2024-03-17 23:59:59,Fee,oops,,"16,999.50",',
  '',
].join('\r\n');

describe('column-mapping templates through the contract (what the mapping screen does)', () => {
  const tempDir = useTempDirs();

  it('suggests, previews and saves a template; detection and import then recognise the file', async () => {
    const root = tempDir();
    const file = join(root, 'export-march.csv');
    writeFileSync(file, STATEMENT, 'utf8');
    const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
    const events: EventMessage[] = [];
    backend.onEvent((m) => events.push(m));
    const op = await call<{ id: string }>(backend, 'operators.save', { name: '周警官', unit: '经侦', badge: '7' });
    await call(backend, 'operators.select', { id: op.id });
    const created = await call<{ caseDir: string }>(backend, 'cases.create', { folderName: 'tpl', meta: { caseName: '模板' } });

    const before = await call<{ files: InspectedFile[] }>(backend, 'import.inspect', { paths: [file] });
    expect(before.files[0]).toMatchObject({ status: 'unrecognised', candidates: [] });
    const headers = before.files[0]?.preview[0] ?? [];

    const { columnMap } = await call<{ columnMap: Record<string, string> }>(backend, 'templates.suggest', { headers });
    expect(columnMap).toMatchObject({ account: 'Account No', time: 'Value Date', debit: 'Withdrawals', credit: 'Deposits', balance: 'Running Balance' });
    const rules = { amountConvention: 'split', dateForm: 'auto', grade: 'self-provided' };

    const preview = await call<MappingPreview>(backend, 'import.preview', { path: file, template: { headerSignature: headers, columnMap, rules } });
    expect(preview.rows.map((r) => [r.line, r.amountMinor, r.direction, r.time])).toEqual([
      [2, 1_234_567, 'in', '2024-03-15 10:30:00'],
      [3, -300_050, 'out', '2024-03-16 09:05:00'],
    ]);
    expect(preview.errors).toEqual([expect.objectContaining({ line: 4, code: 'BAD_AMOUNT' })]);

    const saved = await call<MappingTemplate>(backend, 'templates.save', { name: '某行英文流水', headerSignature: headers, columnMap, rules });
    expect(saved).toMatchObject({ id: 'template:某行英文流水@1', version: 1 });
    const again = await call<MappingTemplate>(backend, 'templates.save', { name: '某行英文流水', headerSignature: headers, columnMap, rules });
    expect(again.version).toBe(2);
    expect((await call<{ templates: MappingTemplate[] }>(backend, 'templates.list')).templates.map((t) => t.id)).toEqual([
      'template:某行英文流水@1',
      'template:某行英文流水@2',
    ]);

    const after = await call<{ files: InspectedFile[] }>(backend, 'import.inspect', { paths: [file] });
    expect(after.files[0]).toMatchObject({ status: 'ok' });
    expect(after.files[0]?.candidates.map((c) => c.format)).toEqual(['template:某行英文流水@2']);

    const { jobId } = await call<{ jobId: string }>(backend, 'import.start', { paths: [file] });
    const done = await finished(events, jobId);
    expect(done.payload.ok).toBe(true);
    const report = done.payload.report as ImportReport;
    expect(report.files[0]).toMatchObject({ status: 'imported', format: 'template:某行英文流水@2', imported: 2, rejected: 1 });
    const stats = await call<CaseStats>(backend, 'cases.stats');
    expect(stats).toMatchObject({ transactions: 2, rejected: 1, sumInMinor: { CNY: 1_234_567 }, sumOutMinor: { CNY: 300_050 } });
    const { sources } = await call<{ sources: SourceInfo[] }>(backend, 'sources.list');
    expect(sources[0]).toMatchObject({ format: 'template:某行英文流水@2', grade: 'self-provided' });
    await backend.close();

    // an older version can still be named explicitly (import --format template:<name>@<version>)
    const copy = join(root, 'export-march-copy.csv');
    writeFileSync(copy, `${STATEMENT}\r\n`, 'utf8');
    const session = CaseSession.open(created.caseDir, { host: 'cli', operator: '周警官' }, 'write');
    try {
      const forced = await runImport(session.db, {
        caseDir: session.caseDir,
        paths: [copy],
        operator: '周警官',
        timeZone: 'Asia/Shanghai',
        formatId: 'template:某行英文流水@1',
        templates: [saved, again],
      });
      expect(forced.files[0]).toMatchObject({ format: 'template:某行英文流水@1', imported: 2 });
    } finally {
      session.close();
    }
  });

  it('refuses a preview of a mapping without an account column', async () => {
    const root = tempDir();
    const file = join(root, 'x.csv');
    writeFileSync(file, STATEMENT, 'utf8');
    const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
    const result = await backend.dispatch('import.preview', {
      path: file,
      template: { headerSignature: ['Value Date', 'Withdrawals'], columnMap: { time: 'Value Date', debit: 'Withdrawals' }, rules: { amountConvention: 'split', grade: 'official' } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await backend.close();
  });

  it('lists built-in formats and saved templates, renames and deletes templates, and imports an account table by template', async () => {
    const root = tempDir();
    const file = join(root, '开户资料.csv');
    writeFileSync(
      file,
      ['某行开户资料', '卡号,持卡人,身份证号,发卡行,开卡日期,预留手机', '6222020200001234,张三,11010519491231002X,工商银行,2019-05-06,13800138000', ',李四,,,,', ''].join('\n'),
      'utf8',
    );
    const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
    const events: EventMessage[] = [];
    backend.onEvent((m) => events.push(m));
    const op = await call<{ id: string }>(backend, 'operators.save', { name: '周警官', unit: '经侦', badge: '7' });
    await call(backend, 'operators.select', { id: op.id });
    await call(backend, 'cases.create', { folderName: 'acc', meta: { caseName: '账户模板' } });

    const builtIn = (await call<{ formats: FormatInfo[] }>(backend, 'formats.list')).formats;
    expect(builtIn.length).toBeGreaterThan(5);
    expect(builtIn.every((f) => f.builtIn)).toBe(true);
    expect(builtIn.map((f) => f.id)).toContain('ccxk.transactions');

    const headers = ['卡号', '持卡人', '身份证号', '发卡行', '开卡日期', '预留手机'];
    const { columnMap } = await call<{ columnMap: Record<string, string> }>(backend, 'templates.suggest', { headers, kind: 'accounts' });
    expect(columnMap).toEqual({ account: '卡号', accountName: '持卡人', accountId: '身份证号', bank: '发卡行', openedAt: '开卡日期', phone: '预留手机' });
    const template = { kind: 'accounts', headerSignature: headers, columnMap, rules: { amountConvention: 'signed', grade: 'official' } };
    const preview = await call<MappingPreview>(backend, 'import.preview', { path: file, template });
    expect(preview.rows).toEqual([]);
    expect(preview.records).toEqual([
      { sheet: '', line: 3, fields: { account: '6222020200001234', accountName: '张三', accountId: '11010519491231002X', bank: '工商银行', openedAt: '2019-05-06', phone: '13800138000' } },
    ]);
    expect(preview.errors).toEqual([expect.objectContaining({ line: 4, code: 'MISSING_FIELD' })]);

    await call<MappingTemplate>(backend, 'templates.save', { ...template, name: '开户资料' });
    const renamed = await call<{ templates: MappingTemplate[] }>(backend, 'templates.rename', { name: '开户资料', newName: '某行开户资料' });
    expect(renamed.templates.map((t) => [t.id, t.kind])).toEqual([['template:某行开户资料@1', 'accounts']]);
    const listed = (await call<{ formats: FormatInfo[] }>(backend, 'formats.list')).formats.filter((f) => !f.builtIn);
    expect(listed).toEqual([
      { id: 'template:某行开户资料@1', version: 1, name: { zh: '列映射模板“某行开户资料” v1', en: 'Mapping template "某行开户资料" v1' }, kind: 'accounts', grade: 'official', builtIn: false },
    ]);

    const inspected = await call<{ files: InspectedFile[] }>(backend, 'import.inspect', { paths: [file] });
    expect(inspected.files[0]?.candidates.map((c) => c.format)).toEqual(['template:某行开户资料@1']);
    const { jobId } = await call<{ jobId: string }>(backend, 'import.start', { paths: [file] });
    const done = await finished(events, jobId);
    expect(done.payload.ok).toBe(true);
    expect(done.payload.report?.files[0]).toMatchObject({ format: 'template:某行开户资料@1', imported: 1, rejected: 1 });
    const stats = await call<CaseStats>(backend, 'cases.stats');
    expect(stats).toMatchObject({ accounts: 1, transactions: 0, identifiers: { phone: 1 } });
    const { sources } = await call<{ sources: SourceInfo[] }>(backend, 'sources.list');
    expect(sources[0]).toMatchObject({ kind: 'accounts', grade: 'official' });

    await expect(call(backend, 'templates.rename', { name: '不存在', newName: 'x' })).rejects.toThrow(/BAD_INPUT/);
    expect(await call<{ deleted: number }>(backend, 'templates.delete', { name: '某行开户资料' })).toEqual({ deleted: 1 });
    expect((await call<{ templates: MappingTemplate[] }>(backend, 'templates.list')).templates).toEqual([]);
    const after = await call<{ files: InspectedFile[] }>(backend, 'import.inspect', { paths: [file] });
    expect(after.files[0]).toMatchObject({ status: 'unrecognised', candidates: [] });
    await backend.close();
  });

  it('imports a chat table through a messages template: day-first times, conversations by column', async () => {
    const root = tempDir();
    const file = join(root, 'chat-export.csv');
    const rows = [
      '会话,发送人ID,发送人,时间,内容',
      '跑分群,wxid_a1,老王,15/03/2024 10:30:00,明天9点到账',
      '跑分群,wxid_b2,小李,15/03/2024 10:31:00,收到',
      '老王,wxid_a1,老王,16/03/2024 08:00:00,卡号 6222020200001234',
      '老王,wxid_a1,老王,31/02/2024 08:00:00,坏日期',
      '',
    ];
    writeFileSync(file, rows.join('\r\n'), 'utf8');
    const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
    const events: EventMessage[] = [];
    backend.onEvent((m) => events.push(m));
    const op = await call<{ id: string }>(backend, 'operators.save', { name: '周警官', unit: '经侦', badge: '7' });
    await call(backend, 'operators.select', { id: op.id });
    await call(backend, 'cases.create', { folderName: 'chat', meta: { caseName: '聊天模板' } });

    const headers = ['会话', '发送人ID', '发送人', '时间', '内容'];
    const { columnMap } = await call<{ columnMap: Record<string, string> }>(backend, 'templates.suggest', { headers, kind: 'messages' });
    expect(columnMap).toEqual({ conversation: '会话', senderId: '发送人ID', senderName: '发送人', time: '时间', text: '内容' });
    const template = { kind: 'messages', headerSignature: headers, columnMap, rules: { amountConvention: 'signed', grade: 'self-provided', dateForm: 'day-first' } };
    const preview = await call<MappingPreview>(backend, 'import.preview', { path: file, template });
    expect(preview.records.map((r) => [r.line, r.fields.time, r.fields.text])).toEqual([
      [2, '2024-03-15 10:30:00', '明天9点到账'],
      [3, '2024-03-15 10:31:00', '收到'],
      [4, '2024-03-16 08:00:00', '卡号 6222020200001234'],
    ]);
    expect(preview.errors).toEqual([expect.objectContaining({ line: 5, code: 'BAD_TIME' })]);
    await call<MappingTemplate>(backend, 'templates.save', { ...template, name: '群聊导出' });

    const { jobId } = await call<{ jobId: string }>(backend, 'import.start', { paths: [file] });
    const done = await finished(events, jobId);
    expect(done.payload.error).toBeNull();
    expect(done.payload.report?.files[0]).toMatchObject({ format: 'template:群聊导出@1', imported: 3, rejected: 1 });
    const stats = await call<CaseStats>(backend, 'cases.stats');
    expect(stats).toMatchObject({ messages: 3, conversations: 2, transactions: 0 });
    await backend.close();
  });
});
