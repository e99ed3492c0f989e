import { AppError } from '@shared/api';
import type { Db } from './connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

const BOOTSTRAP = `
  CREATE TABLE IF NOT EXISTS schema_migration (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT;
`;

export interface SchemaState {
  version: number;
  applied: number[];
}

export function readSchemaState(db: Db): SchemaState {
  const version = Number(db.pragma('user_version', { simple: true }));
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").get();
  const applied = hasTable
    ? db
        .prepare('SELECT version FROM schema_migration ORDER BY version')
        .all()
        .map((row) => Number((row as { version: number }).version))
    : [];
  return { version, applied };
}

/**
 * Refuse a case this build cannot read safely: one written by a newer Chainsight, or one whose recorded
 * migrations have a gap (an interrupted or hand-edited upgrade).
 */
export function checkSchema(db: Db, caseDir: string, migrations: readonly Migration[] = MIGRATIONS): SchemaState {
  const state = readSchemaState(db);
  const latest = migrations.length;
  if (state.version > latest) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `The case ${caseDir} was written by a newer Chainsight (schema ${state.version}; this version knows up to ${latest}). Update Chainsight to open it.`,
      { details: { schema: state.version, supported: latest } },
    );
  }
  const expected = Array.from({ length: state.version }, (_, i) => i + 1);
  const gap = expected.find((v, i) => state.applied[i] !== v) ?? (state.applied.length > state.version ? state.applied[state.version] : undefined);
  if (gap !== undefined) {
    throw new AppError(
      'SCHEMA_GAP',
      `The case ${caseDir} has a gap in its schema history (migration ${gap} is missing or out of order; recorded: ${state.applied.join(', ') || 'none'}, version ${state.version}). It was not upgraded by Chainsight; restore it from a backup.`,
      { details: { missing: gap, version: state.version } },
    );
  }
  return state;
}

/** Bring the case up to the latest schema, each migration in its own transaction. Returns the versions applied. */
export function migrate(db: Db, caseDir: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertContiguous(migrations);
  db.exec(BOOTSTRAP);
  const state = checkSchema(db, caseDir, migrations);
  const applied: number[] = [];
  for (const migration of migrations.slice(state.version)) {
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}

export function assertContiguous(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration list is not contiguous at ${migration.name} (expected version ${index + 1})`);
    }
  });
}

export { LATEST_SCHEMA_VERSION };
