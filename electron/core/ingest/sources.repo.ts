import { AppError } from '@shared/api';
import type { Acquisition, SourceInfo } from '@shared/domain';
import type { Db } from '../db/connection';

interface SourceRow {
  id: number;
  job_id: number;
  file_name: string;
  rel_path: string;
  size: number;
  sha256: string;
  sm3: string;
  stored_path: string;
  format_id: string;
  kind: string;
  grade: 'official' | 'self-provided';
  confidence: number;
  detect_reason: string;
  encoding: string;
  time_zone: string;
  rows_read: number;
  imported: number;
  rejected: number;
  warnings: string;
  imported_at: string;
  acq_method: string;
  acq_unit: string;
  acq_request_no: string;
  acq_by: string;
  acq_at: string;
}

function toSource(row: SourceRow): SourceInfo {
  return {
    id: row.id,
    jobId: row.job_id,
    file: row.file_name,
    relPath: row.rel_path,
    size: row.size,
    sha256: row.sha256,
    sm3: row.sm3,
    storedPath: row.stored_path,
    format: row.format_id,
    kind: row.kind,
    grade: row.grade,
    confidence: row.confidence,
    detectReason: row.detect_reason,
    encoding: row.encoding,
    timeZone: row.time_zone,
    rowsRead: row.rows_read,
    imported: row.imported,
    rejected: row.rejected,
    warnings: JSON.parse(row.warnings) as string[],
    importedAt: row.imported_at,
    acquisition: { method: row.acq_method, unit: row.acq_unit, requestNo: row.acq_request_no, acquiredBy: row.acq_by, acquiredAt: row.acq_at },
  };
}

export function listSources(db: Db): SourceInfo[] {
  return (db.prepare('SELECT * FROM source ORDER BY id').all() as SourceRow[]).map(toSource);
}

export function getSource(db: Db, id: number): SourceInfo {
  const row = db.prepare('SELECT * FROM source WHERE id = ?').get(id) as SourceRow | undefined;
  if (!row) throw new AppError('BAD_INPUT', `No source #${id} in this case.`);
  return toSource(row);
}

/** 获取方式, 反馈单位, 请求号, 获取人, 获取时间 are what the investigator knows; the hashes and counts never change. */
export function updateAcquisition(db: Db, id: number, patch: Partial<Acquisition>): SourceInfo {
  const current = getSource(db, id).acquisition;
  const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  db.prepare('UPDATE source SET acq_method = ?, acq_unit = ?, acq_request_no = ?, acq_by = ?, acq_at = ? WHERE id = ?').run(
    next.method,
    next.unit,
    next.requestNo,
    next.acquiredBy,
    next.acquiredAt,
    id,
  );
  return getSource(db, id);
}
