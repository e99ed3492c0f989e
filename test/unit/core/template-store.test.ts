import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappingTemplateDraft } from '@shared/domain';
import { TemplateStore } from '../../../electron/core/workspace/templates';
import { useTempDirs } from '../../support/temp-dir';

const DRAFT: MappingTemplateDraft = {
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
});
