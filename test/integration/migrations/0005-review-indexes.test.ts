import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

describe('migration 0005-review-indexes', () => {
  it('lets the whole-case density query read a covering index instead of the transaction rows', () => {
    const db = new Database(':memory:');
    migrate(db, 'mem', MIGRATIONS.slice(0, 5));
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT ts_utc / 3600000 AS bucket, direction, currency, count(*), sum(amount_minor) FROM txn
         WHERE ts_utc BETWEEN ? AND ? AND succeeded = 1 AND dup_of IS NULL GROUP BY bucket, direction, currency`,
      )
      .all(0, 1) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' | ')).toMatch(/COVERING INDEX txn_time_cover/);
  });
});
