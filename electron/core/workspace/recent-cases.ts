import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { CaseSummary } from '@shared/domain';
import { CASE_DB, CASE_SUFFIX } from '../cases/case-session';
import { readJsonFile, writeJsonFile } from './json-file';

const RecentEntry = z.object({ caseDir: z.string(), caseNumber: z.string(), caseName: z.string(), openedAt: z.string() });
const RecentFile = z.object({ cases: z.array(RecentEntry) });
type RecentEntry = z.infer<typeof RecentEntry>;

const MAX_RECENT = 30;

/** Recently opened cases, newest first, plus any case folders found in the cases folder. */
export class RecentCases {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly casesDir: string,
  ) {
    this.file = join(dataDir, 'recent-cases.json');
  }

  remember(entry: Omit<RecentEntry, 'openedAt'>): void {
    const cases = readJsonFile(this.file, RecentFile, { cases: [] }).cases.filter((item) => item.caseDir !== entry.caseDir);
    cases.unshift({ ...entry, openedAt: new Date().toISOString() });
    writeJsonFile(this.file, { cases: cases.slice(0, MAX_RECENT) });
  }

  list(): CaseSummary[] {
    const remembered = readJsonFile(this.file, RecentFile, { cases: [] }).cases;
    const summaries: CaseSummary[] = remembered.map((item) => {
      const available = existsSync(join(item.caseDir, CASE_DB));
      return {
        caseDir: item.caseDir,
        caseNumber: item.caseNumber,
        caseName: item.caseName,
        openedAt: item.openedAt,
        available,
        problem: available ? null : 'missing',
      };
    });
    const known = new Set(summaries.map((item) => item.caseDir));
    for (const caseDir of this.scanCasesDir()) {
      if (known.has(caseDir)) continue;
      const name = basename(caseDir, CASE_SUFFIX);
      summaries.push({ caseDir, caseNumber: '', caseName: name, openedAt: null, available: true, problem: null });
    }
    return summaries;
  }

  private scanCasesDir(): string[] {
    try {
      return readdirSync(this.casesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name.endsWith(CASE_SUFFIX))
        .map((entry) => resolve(this.casesDir, entry.name))
        .filter((dir) => existsSync(join(dir, CASE_DB)))
        .sort();
    } catch {
      return [];
    }
  }
}
