import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { generateDemo } from '../../../electron/core/demo/generate';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';

interface Totals {
  transactions: number;
  failed: number;
  duplicates: number;
  mirrorPairs: number;
  balanceBreaks: number;
  sumInMinor: Record<string, number>;
  sumOutMinor: Record<string, number>;
}

describe('the demo data set imports completely and stats equal its ground truth', () => {
  const tempDir = useTempDirs();

  // seeds the importers were not developed on
  for (const seed of [11, 23]) {
    it(`seed ${seed}`, async () => {
      const dir = tempDir();
      const data = join(dir, 'data');
      await generateDemo({ dir: data, seed, txns: 3000 });
      const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as { totals: Totals };
      const session = CaseSession.create(join(dir, 'case'), { caseName: `demo ${seed}` }, { host: 'cli', operator: 't' });
      const report = await runImport(session.db, { caseDir: session.caseDir, paths: [data], operator: 't', timeZone: 'Asia/Shanghai' });
      // chats arrive with the chat importers, and byte-identical files (the same 人员信息 from two banks) are stored
      // once; everything else in the seized set must be read
      const skipped = report.files.filter((f) => f.status === 'skipped' && !f.reason?.includes('identical SHA-256')).map((f) => f.file);
      expect(skipped.filter((f) => !f.includes('聊天记录') && !f.endsWith('ground-truth.json'))).toEqual([]);
      expect(report.files.reduce((n, f) => n + f.rejected, 0)).toBe(0);
      const stats = caseStats(session);
      const t = truth.totals;
      expect({
        transactions: stats.transactions,
        failed: stats.failed,
        duplicates: stats.duplicates,
        mirrorPairs: stats.mirrorPairs,
        balanceBreaks: stats.balanceBreaks,
        sumInMinor: stats.sumInMinor,
        sumOutMinor: stats.sumOutMinor,
      }).toEqual({
        transactions: t.transactions,
        failed: t.failed,
        duplicates: t.duplicates,
        mirrorPairs: t.mirrorPairs,
        balanceBreaks: t.balanceBreaks,
        sumInMinor: t.sumInMinor,
        sumOutMinor: t.sumOutMinor,
      });
      session.close();
    });
  }
});
