import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/api';
import type { CaseMeta, CaseMetaInput } from '@shared/domain';
import type { Db } from '../db/connection';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const META_KEYS = ['caseNumber', 'caseName', 'cause', 'unit', 'handler', 'createdAt', 'timeZone'] as const;

export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new AppError('BAD_INPUT', `Unknown time zone "${zone}" (use an IANA name such as Asia/Shanghai).`);
  }
}

export function completeMeta(input: CaseMetaInput, createdAt: string): CaseMeta {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  return {
    caseNumber: input.caseNumber ?? '',
    caseName: input.caseName,
    cause: input.cause ?? '',
    unit: input.unit ?? '',
    handler: input.handler ?? '',
    createdAt,
    timeZone,
  };
}

export function writeMeta(db: Db, meta: Partial<CaseMeta>): void {
  const upsert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const key of META_KEYS) {
    const value = meta[key];
    if (value !== undefined) upsert.run(key, value);
  }
}

export function readMeta(db: Db): CaseMeta {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  const map = new Map(rows.map((row) => [row.key, row.value]));
  return {
    caseNumber: map.get('caseNumber') ?? '',
    caseName: map.get('caseName') ?? '',
    cause: map.get('cause') ?? '',
    unit: map.get('unit') ?? '',
    handler: map.get('handler') ?? '',
    createdAt: map.get('createdAt') ?? '',
    timeZone: map.get('timeZone') ?? DEFAULT_TIME_ZONE,
  };
}

/** A random id fixed at creation; it anchors the audit chain to this case. */
export function ensureCaseId(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'caseId'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  db.prepare("INSERT INTO meta (key, value) VALUES ('caseId', ?)").run(id);
  return id;
}

export function readCaseId(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'caseId'").get() as { value: string } | undefined;
  if (!row) throw new AppError('CASE_NOT_FOUND', 'The case file has no case id; it was not created by Chainsight.');
  return row.value;
}
