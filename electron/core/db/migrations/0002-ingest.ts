import type { Db } from '../connection';

/**
 * Imported evidence: jobs, sources (the originals with their hashes and acquisition details), rows that could not be
 * read, accounts, account/person records, technology-chain identifiers, and transactions in the canonical model with
 * their provenance and data-quality marks (ARCHITECTURE.md §4–§5, DOMAIN.md §7).
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE import_job (
      id          INTEGER PRIMARY KEY,
      started_at  TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      operator    TEXT NOT NULL,
      params      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE source (
      id             INTEGER PRIMARY KEY,
      job_id         INTEGER NOT NULL REFERENCES import_job(id),
      file_name      TEXT NOT NULL,
      rel_path       TEXT NOT NULL,
      size           INTEGER NOT NULL,
      sha256         TEXT NOT NULL UNIQUE,
      sm3            TEXT NOT NULL,
      stored_path    TEXT NOT NULL,
      format_id      TEXT NOT NULL,
      format_version INTEGER NOT NULL,
      kind           TEXT NOT NULL,
      grade          TEXT NOT NULL CHECK (grade IN ('official', 'self-provided')),
      confidence     REAL NOT NULL,
      detect_reason  TEXT NOT NULL,
      encoding       TEXT NOT NULL,
      time_zone      TEXT NOT NULL,
      rows_read      INTEGER NOT NULL,
      imported       INTEGER NOT NULL,
      rejected       INTEGER NOT NULL,
      warnings       TEXT NOT NULL,
      acq_method     TEXT NOT NULL DEFAULT '',
      acq_unit       TEXT NOT NULL DEFAULT '',
      acq_request_no TEXT NOT NULL DEFAULT '',
      acq_by         TEXT NOT NULL DEFAULT '',
      acq_at         TEXT NOT NULL DEFAULT '',
      imported_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE row_error (
      id        INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES source(id),
      sheet     TEXT NOT NULL,
      line      INTEGER NOT NULL,
      code      TEXT NOT NULL,
      message   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX row_error_source ON row_error(source_id, line);

    CREATE TABLE account (
      id             INTEGER PRIMARY KEY,
      kind           TEXT NOT NULL,
      number         TEXT NOT NULL,
      sub_account    TEXT NOT NULL DEFAULT '',
      card_number    TEXT,
      account_number TEXT,
      bank_name      TEXT,
      bank_guess     TEXT,
      holder_name    TEXT,
      holder_id      TEXT,
      UNIQUE (kind, number, sub_account)
    ) STRICT;
    CREATE INDEX account_card ON account(card_number) WHERE card_number IS NOT NULL;
    CREATE INDEX account_account_number ON account(account_number) WHERE account_number IS NOT NULL;

    CREATE TABLE account_record (
      id         INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES account(id),
      source_id  INTEGER NOT NULL REFERENCES source(id),
      sheet      TEXT NOT NULL,
      line       INTEGER NOT NULL,
      row_hash   TEXT NOT NULL,
      raw        TEXT NOT NULL,
      attributes TEXT NOT NULL
    ) STRICT;

    CREATE TABLE person (
      id         INTEGER PRIMARY KEY,
      source_id  INTEGER NOT NULL REFERENCES source(id),
      sheet      TEXT NOT NULL,
      line       INTEGER NOT NULL,
      row_hash   TEXT NOT NULL,
      raw        TEXT NOT NULL,
      name       TEXT NOT NULL,
      id_type    TEXT,
      id_number  TEXT,
      attributes TEXT NOT NULL
    ) STRICT;

    CREATE TABLE identifier (
      id            INTEGER PRIMARY KEY,
      type          TEXT NOT NULL,
      value         TEXT NOT NULL,
      role          TEXT NOT NULL,
      account_id    INTEGER REFERENCES account(id),
      observed_utc  INTEGER,
      observed_text TEXT,
      source_id     INTEGER NOT NULL REFERENCES source(id),
      sheet         TEXT NOT NULL,
      line          INTEGER NOT NULL,
      row_hash      TEXT NOT NULL,
      raw           TEXT NOT NULL
    ) STRICT;
    CREATE INDEX identifier_value ON identifier(type, value);
    CREATE INDEX identifier_account ON identifier(account_id);

    CREATE TABLE txn (
      id               INTEGER PRIMARY KEY,
      source_id        INTEGER NOT NULL REFERENCES source(id),
      sheet            TEXT NOT NULL,
      line             INTEGER NOT NULL,
      row_hash         TEXT NOT NULL,
      raw              TEXT NOT NULL,
      account_id       INTEGER NOT NULL REFERENCES account(id),
      ts_utc           INTEGER,
      ts_text          TEXT NOT NULL,
      ts_offset        INTEGER,
      amount_minor     INTEGER NOT NULL,
      currency         TEXT NOT NULL,
      direction        TEXT CHECK (direction IN ('in', 'out')),
      direction_raw    TEXT NOT NULL,
      balance_minor    INTEGER,
      cp_account       TEXT,
      cp_name          TEXT,
      cp_id            TEXT,
      cp_bank          TEXT,
      summary          TEXT,
      channel          TEXT,
      is_cash          INTEGER,
      succeeded        INTEGER NOT NULL,
      fail_reason      TEXT,
      ip               TEXT,
      mac              TEXT,
      device           TEXT,
      merchant         TEXT,
      merchant_code    TEXT,
      txn_no           TEXT,
      log_no           TEXT,
      branch           TEXT,
      location         TEXT,
      memo             TEXT,
      -- data-quality marks: reversible, each with the rule that set it; rows are never deleted
      dup_of           INTEGER REFERENCES txn(id),
      dup_rule         TEXT,
      mirror_id        INTEGER REFERENCES txn(id),
      balance_expected INTEGER,
      reversal_of      INTEGER REFERENCES txn(id)
    ) STRICT;
    CREATE INDEX txn_account_time ON txn(account_id, ts_utc);
    CREATE INDEX txn_source_line ON txn(source_id, line);
    CREATE INDEX txn_account_amount ON txn(account_id, amount_minor);
    CREATE INDEX txn_cp_account ON txn(cp_account) WHERE cp_account IS NOT NULL;

    -- 清洗记录: every cleaning step of every job, with its parameters and counts
    CREATE TABLE cleaning_step (
      id       INTEGER PRIMARY KEY,
      job_id   INTEGER NOT NULL REFERENCES import_job(id),
      step     TEXT NOT NULL,
      tool     TEXT NOT NULL,
      params   TEXT NOT NULL,
      rows_in  INTEGER,
      rows_out INTEGER,
      detail   TEXT NOT NULL,
      at       TEXT NOT NULL
    ) STRICT;
  `);
}
