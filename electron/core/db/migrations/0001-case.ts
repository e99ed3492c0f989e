import type { Db } from '../connection';

/** The case itself: key/value metadata and the hash-chained, append-only audit log. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit (
      seq           INTEGER PRIMARY KEY,
      at            TEXT NOT NULL,
      operator      TEXT NOT NULL,
      action        TEXT NOT NULL,
      params        TEXT NOT NULL,
      params_digest TEXT NOT NULL,
      prev_hash     TEXT NOT NULL,
      hash          TEXT NOT NULL
    ) STRICT;

    -- The application never rewrites history; tampering with the file itself is caught by the hash chain.
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `);
}
