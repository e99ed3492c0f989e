import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '@shared/api';
import type { CaseInfo, CaseMeta, CaseMetaInput, HostKind, LockHolder } from '@shared/domain';
import { AuditLog } from '../audit/audit-log';
import { openDatabase, type Db } from '../db/connection';
import { checkSchema, migrate } from '../db/migrate';
import { CaseLock, readHolder } from './case-lock';
import { completeMeta, ensureCaseId, readCaseId, readMeta, writeMeta } from './case-meta';

export const CASE_SUFFIX = '.chainsight';
export const CASE_DB = 'case.sqlite';
export const ORIGINALS_DIR = 'originals';
export const EXPORTS_DIR = 'exports';
/** browser uploads wait here until their import job has copied them into originals/ */
export const STAGING_DIR = '.staging';

export interface SessionOwner {
  host: HostKind;
  /** display form of the operator, written into the lock and every audit entry */
  operator: string;
}

/** `foo` → `foo.chainsight`; a path that already ends with the suffix is kept. */
export function normaliseCaseDir(path: string): string {
  const absolute = resolve(path);
  return absolute.endsWith(CASE_SUFFIX) ? absolute : `${absolute}${CASE_SUFFIX}`;
}

/**
 * An open case: its database, its audit log and, for writers, the writer lock.
 * Readers (stats, verify) take no lock and never migrate.
 */
export class CaseSession {
  readonly audit: AuditLog;

  private constructor(
    readonly caseDir: string,
    readonly db: Db,
    readonly owner: SessionOwner,
    private readonly lock: CaseLock | null,
  ) {
    this.audit = new AuditLog(db, readCaseId(db));
  }

  get readOnly(): boolean {
    return this.lock === null;
  }

  static create(path: string, metaInput: CaseMetaInput, owner: SessionOwner): CaseSession {
    const caseDir = normaliseCaseDir(path);
    if (existsSync(caseDir) && readdirSync(caseDir).length > 0) {
      throw new AppError('CASE_EXISTS', `${caseDir} already exists and is not empty; choose another name or open it.`);
    }
    const meta = completeMeta(metaInput, new Date().toISOString());
    mkdirSync(join(caseDir, ORIGINALS_DIR), { recursive: true });
    mkdirSync(join(caseDir, EXPORTS_DIR), { recursive: true });
    const lock = CaseLock.acquire(caseDir, { host: owner.host, operator: owner.operator });
    let db: Db | null = null;
    try {
      db = openDatabase(join(caseDir, CASE_DB), { readonly: false, create: true });
      migrate(db, caseDir);
      const writable = db;
      writable.transaction(() => {
        ensureCaseId(writable);
        writeMeta(writable, meta);
      })();
      const session = new CaseSession(caseDir, writable, owner, lock);
      session.audit.append(owner.operator, 'case.created', { caseDir, meta });
      return session;
    } catch (error) {
      db?.close();
      lock.release();
      throw error;
    }
  }

  static open(path: string, owner: SessionOwner, mode: 'write' | 'read'): CaseSession {
    const caseDir = resolve(path);
    const file = join(caseDir, CASE_DB);
    if (!existsSync(file)) {
      throw new AppError('CASE_NOT_FOUND', `No Chainsight case at ${caseDir} (missing ${CASE_DB}).`);
    }
    if (mode === 'read') {
      const db = openDatabase(file, { readonly: true, create: false });
      try {
        checkSchema(db, caseDir);
        return new CaseSession(caseDir, db, owner, null);
      } catch (error) {
        db.close();
        throw error;
      }
    }
    const lock = CaseLock.acquire(caseDir, { host: owner.host, operator: owner.operator });
    let db: Db | null = null;
    try {
      db = openDatabase(file, { readonly: false, create: false });
      const applied = migrate(db, caseDir);
      // uploads staged by an earlier session that were never imported: the originals/ copy is what counts
      rmSync(join(caseDir, STAGING_DIR), { recursive: true, force: true });
      mkdirSync(join(caseDir, ORIGINALS_DIR), { recursive: true });
      mkdirSync(join(caseDir, EXPORTS_DIR), { recursive: true });
      const session = new CaseSession(caseDir, db, owner, lock);
      if (applied.length > 0) session.audit.append(owner.operator, 'case.migrated', { applied });
      session.audit.append(owner.operator, 'case.opened', { host: owner.host });
      return session;
    } catch (error) {
      db?.close();
      lock.release();
      throw error;
    }
  }

  meta(): CaseMeta {
    return readMeta(this.db);
  }

  updateMeta(patch: Partial<CaseMetaInput>): CaseMeta {
    this.assertWritable();
    const current = this.meta();
    const next = completeMeta({ ...current, ...stripUndefined(patch) }, current.createdAt);
    this.db.transaction(() => writeMeta(this.db, next))();
    return next;
  }

  schemaVersion(): number {
    return Number(this.db.pragma('user_version', { simple: true }));
  }

  lockHolder(): LockHolder | null {
    return this.lock?.holder ?? readHolder(this.caseDir);
  }

  info(): CaseInfo {
    return {
      caseDir: this.caseDir,
      meta: this.meta(),
      schemaVersion: this.schemaVersion(),
      readOnly: this.readOnly,
      lock: this.lockHolder(),
    };
  }

  assertWritable(): void {
    if (this.readOnly) throw new AppError('CASE_READ_ONLY', `The case ${this.caseDir} is open read-only.`);
  }

  close(): void {
    if (!this.readOnly) this.audit.append(this.owner.operator, 'case.closed', {});
    this.db.close();
    this.lock?.release();
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
