import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappingTemplateDraft } from '@shared/domain';
import { TemplateStore } from '../../../electron/core/workspace/templates';
import { useTempDirs } from '../../support/temp-dir';

const DRAFT: MappingTemplateDraft = {
  kind: 'transactions',
  headerSignature: ['Account No ', '日期', 'Amount', 'Dr/Cr'],
  columnMap: { account: 'Account No', time: '日期', amount: 'Amount', direction: 'Dr/Cr' },
  rules: { dateForm: 'auto', amountConvention: 'flag', inWords: [], outWords: [], currency: 'CNY', grade: 'official', accountKind: 'bank' },
};

describe('TemplateStore', () => {
  const tempDir = useTempDirs();

  it('keeps every version: saving a name again adds the next one', () => {
    const dataDir = tempDir();
    const store = new TemplateStore(dataDir);
    expect(store.list()).toEqual([]);
    const first = store.save({ ...DRAFT, name: ' 某行对账单 ' });
    expect(first).toMatchObject({ id: 'template:某行对账单@1', name: '某行对账单', version: 1, headerSignature: ['accountno', '日期', 'amount', 'dr/cr'] });
    const other = store.save({ ...DRAFT, name: '另一格式' });
    const second = store.save({ ...DRAFT, name: '某行对账单', rules: { ...DRAFT.rules, grade: 'self-provided' } });
    expect(other.version).toBe(1);
    expect(second).toMatchObject({ id: 'template:某行对账单@2', version: 2, rules: { grade: 'self-provided' } });

    const reopened = new TemplateStore(dataDir).list();
    expect(reopened.map((t) => t.id)).toEqual(['template:某行对账单@1', 'template:另一格式@1', 'template:某行对账单@2']);
    expect(reopened[0]?.rules.grade).toBe('official');
    expect(JSON.parse(readFileSync(join(dataDir, 'templates.json'), 'utf8'))).toMatchObject({ templates: [{ version: 1 }, { version: 1 }, { version: 2 }] });
  });

  it('refuses a mapping that could never give a transaction', () => {
    const store = new TemplateStore(tempDir());
    expect(() => store.save({ ...DRAFT, name: 'x', columnMap: { time: '日期', amount: 'Amount', direction: 'Dr/Cr' } })).toThrow(/account column/);
    expect(() => store.save({ ...DRAFT, name: 'x', rules: { ...DRAFT.rules, amountConvention: 'split' } })).toThrow(/debit or a credit/);
    expect(() => store.save({ ...DRAFT, name: 'x', columnMap: { ...DRAFT.columnMap, txnNo: 'Amount' } })).toThrow(/two fields/);
    expect(store.list()).toEqual([]);
  });

  it('saves templates of other kinds, checked against what their kind needs', () => {
    const store = new TemplateStore(tempDir());
    const people = store.save({ ...DRAFT, kind: 'persons', name: '人员表', headerSignature: ['姓名', '手机'], columnMap: { name: '姓名', phone: '手机' } });
    expect(people).toMatchObject({ id: 'template:人员表@1', kind: 'persons', columnMap: { name: '姓名', phone: '手机' } });
    expect(() => store.save({ ...DRAFT, kind: 'messages', name: 'x', headerSignature: ['时间'], columnMap: { time: '时间' } })).toThrow(/message text column/);
    expect(() => store.save({ ...DRAFT, kind: 'persons', name: 'x' })).toThrow(/name column/);
    expect(store.list().map((t) => t.id)).toEqual(['template:人员表@1']);
  });

  it('reads templates saved before kinds existed as transaction tables', () => {
    const dataDir = tempDir();
    const old = { id: 'template:旧@1', name: '旧', version: 1, createdAt: '2025-01-01T00:00:00.000Z', headerSignature: ['accountno'], columnMap: DRAFT.columnMap, rules: DRAFT.rules };
    writeFileSync(join(dataDir, 'templates.json'), JSON.stringify({ templates: [old] }), 'utf8');
    expect(new TemplateStore(dataDir).list()).toEqual([{ ...old, kind: 'transactions' }]);
  });

  it('renames every version of a name (ids follow) and refuses a name in use or unknown', () => {
    const dataDir = tempDir();
    const store = new TemplateStore(dataDir);
    store.save({ ...DRAFT, name: '某行对账单' });
    store.save({ ...DRAFT, name: '某行对账单' });
    store.save({ ...DRAFT, name: '另一格式' });
    const renamed = store.rename('某行对账单', ' 工行对账单 ');
    expect(renamed.map((t) => [t.id, t.name, t.version])).toEqual([
      ['template:工行对账单@1', '工行对账单', 1],
      ['template:工行对账单@2', '工行对账单', 2],
    ]);
    expect(new TemplateStore(dataDir).list().map((t) => t.id)).toEqual(['template:工行对账单@1', 'template:工行对账单@2', 'template:另一格式@1']);
    expect(() => store.rename('工行对账单', '另一格式')).toThrow(/already exists/);
    expect(() => store.rename('不存在', '新名')).toThrow(/no saved template named "不存在"/);
    // saving under the new name continues its versions
    expect(store.save({ ...DRAFT, name: '工行对账单' }).version).toBe(3);
  });

  it('deletes every version of a name and keeps the others', () => {
    const dataDir = tempDir();
    const store = new TemplateStore(dataDir);
    store.save({ ...DRAFT, name: '甲' });
    store.save({ ...DRAFT, name: '乙' });
    store.save({ ...DRAFT, name: '甲' });
    expect(store.delete('甲')).toBe(2);
    expect(new TemplateStore(dataDir).list().map((t) => t.id)).toEqual(['template:乙@1']);
    expect(() => store.delete('甲')).toThrow(/no saved template named "甲"/);
  });
});
