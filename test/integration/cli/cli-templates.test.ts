import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MappingTemplateDraft } from '@shared/domain';
import { TemplateStore } from '../../../electron/core/workspace/templates';
import { useTempDirs } from '../../support/temp-dir';
import { assertBuilt, chainsight } from '../../support/run-cli';

const HEADER = ['Account No', 'Value Date', 'Amount', 'Dr/Cr'];

describe('chainsight formats and import with saved mapping templates', () => {
  const tempDir = useTempDirs();
  beforeAll(() => assertBuilt());

  it('formats --json lists the templates of its data folder; import --format template:<name>@<version> uses one', () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const env = { CHAINSIGHT_HOME: home, CHAINSIGHT_OPERATOR: '周警官' };
    const store = new TemplateStore(home);
    const draft: MappingTemplateDraft = {
      kind: 'transactions',
      headerSignature: HEADER,
      columnMap: { account: 'Account No', time: 'Value Date', amount: 'Amount', direction: 'Dr/Cr' },
      rules: { dateForm: 'auto', amountConvention: 'flag', inWords: [], outWords: [], currency: 'CNY', grade: 'official', accountKind: 'bank' },
    };
    store.save({ ...draft, name: 'drcr' });
    store.save({ ...draft, name: 'drcr' });

    const formats = chainsight(['formats', '--json'], env);
    expect(formats.status).toBe(0);
    expect(formats.json().templates).toEqual([
      expect.objectContaining({ id: 'template:drcr@1', name: 'drcr', version: 1, grade: 'official', kind: 'transactions', builtIn: false }),
      expect.objectContaining({ id: 'template:drcr@2', name: 'drcr', version: 2, kind: 'transactions' }),
    ]);
    // the keys scripts rely on stay; kind and builtIn were added beside them
    expect(formats.json().formats).toContainEqual({
      id: 'ccxk.transactions',
      version: expect.any(Number) as number,
      name: expect.any(String) as string,
      nameEn: expect.any(String) as string,
      kind: 'transactions',
      grade: 'official',
      builtIn: true,
    });

    const file = join(dir, 'drcr.csv');
    writeFileSync(file, `${HEADER.join(',')}\n62220001,2024-03-15 10:30:00,100.00,DR\n62220001,2024-03-16 10:30:00,25.5,CR\n`, 'utf8');
    const caseDir = join(dir, 'c.chainsight');
    expect(chainsight(['case', 'init', caseDir], env).status).toBe(0);
    const run = chainsight(['import', caseDir, file, '--format', 'template:drcr@1', '--json'], env);
    expect(run.status).toBe(0);
    expect(run.json().files).toEqual([expect.objectContaining({ format: 'template:drcr@1', imported: 2, rejected: 0 })]);
    const stats = chainsight(['stats', caseDir, '--json'], env).json();
    expect(stats).toMatchObject({ transactions: 2, sumInMinor: { CNY: 2_550 }, sumOutMinor: { CNY: 10_000 } });
  });
});
