import type { Db } from '../connection';

/**
 * Review and marking (ISSUE 6) and findings (ISSUE 7): tags (typology presets and free tags) on any item, notes
 * and stars, saved views of the grids, and findings — a detector's or a trace's result with its rule, version and
 * parameters and the rows behind it. Items are referred to by type and id: txn, message, account, person, finding.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE tag (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      -- typology presets (代理退保, 反催收 …) are created with the case; free tags by investigators
      kind        TEXT NOT NULL CHECK (kind IN ('typology', 'free')),
      color       TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE tag_link (
      tag_id      INTEGER NOT NULL REFERENCES tag(id),
      item_type   TEXT NOT NULL CHECK (item_type IN ('txn', 'message', 'account', 'person', 'finding')),
      item_id     INTEGER NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL,
      PRIMARY KEY (tag_id, item_type, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX tag_link_item ON tag_link(item_type, item_id);

    CREATE TABLE note (
      item_type   TEXT NOT NULL CHECK (item_type IN ('txn', 'message', 'account', 'person', 'finding')),
      item_id     INTEGER NOT NULL,
      text        TEXT NOT NULL,
      starred     INTEGER NOT NULL DEFAULT 0,
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL,
      PRIMARY KEY (item_type, item_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE saved_view (
      id          INTEGER PRIMARY KEY,
      page        TEXT NOT NULL,
      name        TEXT NOT NULL,
      -- filters, sort and columns as the page stores them (JSON)
      state       TEXT NOT NULL,
      saved_at    TEXT NOT NULL,
      saved_by    TEXT NOT NULL,
      UNIQUE (page, name)
    ) STRICT;

    CREATE TABLE finding (
      id          INTEGER PRIMARY KEY,
      -- detector id ('fast-in-fast-out', 'shared-counterparty' …) or 'trace'
      rule        TEXT NOT NULL,
      version     INTEGER NOT NULL,
      -- the parameters it ran with (canonical JSON): a finding can be reproduced
      params      TEXT NOT NULL,
      title       TEXT NOT NULL,
      score       REAL,
      -- rule-specific figures (amounts, counts, hop tables …) as JSON
      detail      TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX finding_rule ON finding(rule);

    CREATE TABLE finding_item (
      finding_id  INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
      item_type   TEXT NOT NULL CHECK (item_type IN ('txn', 'message', 'account', 'person')),
      item_id     INTEGER NOT NULL,
      -- what the item is to the finding: 'evidence', 'subject', 'seed', 'hop' …
      role        TEXT NOT NULL,
      PRIMARY KEY (finding_id, item_type, item_id, role)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX finding_item_item ON finding_item(item_type, item_id);
  `);
}
