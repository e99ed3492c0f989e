import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { generateDemo } from '../../../electron/core/demo/generate';
import { runImport } from '../../../electron/core/ingest/run-import';

export interface DemoCase {
  session: CaseSession;
  dir: string;
}

/**
 * One generated demo case (bank, payment and chat files, imported whole) for the tests of a file: created before
 * them, closed and removed after them. Tests that change it say so and change only what they look at.
 */
export function useDemoCase(seed: number, txns = 3000): () => DemoCase {
  let current: DemoCase | null = null;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chainsight-txns-'));
    const data = join(dir, 'data');
    await generateDemo({ dir: data, seed, txns });
    const session = CaseSession.create(join(dir, 'case'), { caseName: `交易 ${seed}` }, { host: 'cli', operator: '测试员' });
    await runImport(session.db, { caseDir: session.caseDir, paths: [data], operator: '测试员', timeZone: 'Asia/Shanghai' });
    current = { session, dir };
  }, 180_000);
  afterAll(() => {
    current?.session.close();
    if (current) rmSync(current.dir, { recursive: true, force: true });
  });
  return () => {
    if (!current) throw new Error('the demo case is created in beforeAll');
    return current;
  };
}
