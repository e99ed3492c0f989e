import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { useTempDirs } from '../../support/temp-dir';

const owner = { host: 'cli' as const, operator: '王五' };

function caseWithEntries(dir: string): string {
  const session = CaseSession.create(join(dir, 'audit'), { caseName: 'Audit' }, owner);
  for (let i = 0; i < 5; i += 1) session.audit.append(owner.operator, 'test.step', { step: i, marker: `MARK-${i}-X` });
  session.close();
  return session.caseDir;
}

function reopenAndVerify(caseDir: string) {
  const reader = CaseSession.open(caseDir, owner, 'read');
  try {
    return caseStats(reader).audit;
  } finally {
    reader.close();
  }
}

describe('audit chain', () => {
  const tempDir = useTempDirs();

  it('verifies an untouched chain', () => {
    const caseDir = caseWithEntries(tempDir());
    // created, five steps, closed
    expect(reopenAndVerify(caseDir)).toEqual({ ok: true, entries: 7, brokenAtSeq: null });
  });

  it('finds an edit made to the bytes of the database file at the edited entry', () => {
    const caseDir = caseWithEntries(tempDir());
    const file = join(caseDir, 'case.sqlite');
    const bytes = readFileSync(file);
    // entry seq 4 holds step 2; change one character of its parameters in place, as a hex editor would
    const at = bytes.indexOf(Buffer.from('MARK-2-X'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 7] = 'Y'.charCodeAt(0);
    writeFileSync(file, bytes);
    expect(reopenAndVerify(caseDir)).toEqual({ ok: false, entries: 7, brokenAtSeq: 4 });
  });

  it('finds a row rewritten through SQL once the guard triggers are dropped, and a deleted middle row', () => {
    const caseDir = caseWithEntries(tempDir());
    const db = new Database(join(caseDir, 'case.sqlite'));
    expect(() => db.prepare("UPDATE audit SET action = 'x' WHERE seq = 3").run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    db.prepare("UPDATE audit SET operator = '伪造者' WHERE seq = 3").run();
    db.close();
    expect(reopenAndVerify(caseDir).brokenAtSeq).toBe(3);

    const other = caseWithEntries(tempDir());
    const db2 = new Database(join(other, 'case.sqlite'));
    db2.exec('DROP TRIGGER audit_no_delete;');
    db2.prepare('DELETE FROM audit WHERE seq = 5').run();
    db2.close();
    expect(reopenAndVerify(other)).toEqual({ ok: false, entries: 6, brokenAtSeq: 5 });
  });

  it('a rehashed forgery still breaks: the chain starts from this case id', () => {
    const caseDir = caseWithEntries(tempDir());
    const db = new Database(join(caseDir, 'case.sqlite'));
    db.prepare("UPDATE meta SET value = 'another-case' WHERE key = 'caseId'").run();
    db.close();
    expect(reopenAndVerify(caseDir).brokenAtSeq).toBe(1);
  });
});
