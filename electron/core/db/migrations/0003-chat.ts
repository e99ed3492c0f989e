import type { Db } from '../connection';

/**
 * Chats (ISSUE 5): who wrote (handles and the names they went by), conversations and their members, messages with
 * provenance as for transactions, attachments with hashes when the files were present, and what the text analysis
 * found in each message — identifiers and amounts (mentions), typology-lexicon hits and near-duplicate clusters —
 * plus an FTS5 trigram index over the text. The lexicon the hits came from is stored as versioned data.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE handle (
      id        INTEGER PRIMARY KEY,
      platform  TEXT NOT NULL,
      -- 'id:<platform id>' when the export gives one, else 'name:<display name>'
      key       TEXT NOT NULL,
      ext_id    TEXT NOT NULL,
      name      TEXT NOT NULL,
      UNIQUE (platform, key)
    ) STRICT;

    CREATE TABLE handle_name (
      handle_id  INTEGER NOT NULL REFERENCES handle(id),
      name       TEXT NOT NULL,
      first_utc  INTEGER,
      last_utc   INTEGER,
      messages   INTEGER NOT NULL,
      PRIMARY KEY (handle_id, name)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE conversation (
      id         INTEGER PRIMARY KEY,
      platform   TEXT NOT NULL,
      conv_key   TEXT NOT NULL,
      -- the owner's handle key ('' when the export does not say whose it is): one conversation per seized export
      owner_key  TEXT NOT NULL,
      owner_id   INTEGER REFERENCES handle(id),
      title      TEXT NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('private', 'group', 'channel', 'unknown')),
      UNIQUE (platform, conv_key, owner_key)
    ) STRICT;

    CREATE TABLE conversation_member (
      conversation_id INTEGER NOT NULL REFERENCES conversation(id),
      handle_id       INTEGER NOT NULL REFERENCES handle(id),
      PRIMARY KEY (conversation_id, handle_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE message (
      id              INTEGER PRIMARY KEY,
      conversation_id INTEGER NOT NULL REFERENCES conversation(id),
      sender_id       INTEGER REFERENCES handle(id),
      outgoing        INTEGER,
      ts_utc          INTEGER,
      ts_text         TEXT NOT NULL,
      ts_offset       INTEGER,
      msg_type        TEXT NOT NULL,
      text            TEXT NOT NULL,
      ext_id          TEXT NOT NULL,
      reply_to        TEXT NOT NULL,
      amount_minor    INTEGER,
      recovered       INTEGER NOT NULL DEFAULT 0,
      source_id       INTEGER NOT NULL REFERENCES source(id),
      sheet           TEXT NOT NULL,
      line            INTEGER NOT NULL,
      row_hash        TEXT NOT NULL,
      raw             TEXT NOT NULL,
      -- the transaction a 转账/红包 message mirrors (same amount, close in time)
      txn_id          INTEGER REFERENCES txn(id),
      lexicon_score   REAL NOT NULL DEFAULT 0,
      dup_cluster     INTEGER
    ) STRICT;
    CREATE INDEX message_conversation_time ON message(conversation_id, ts_utc, id);
    CREATE INDEX message_time ON message(ts_utc);
    CREATE INDEX message_sender ON message(sender_id);
    CREATE INDEX message_source_line ON message(source_id, line);
    CREATE INDEX message_cluster ON message(dup_cluster) WHERE dup_cluster IS NOT NULL;
    CREATE INDEX message_txn ON message(txn_id) WHERE txn_id IS NOT NULL;

    CREATE TABLE attachment (
      id          INTEGER PRIMARY KEY,
      message_id  INTEGER NOT NULL REFERENCES message(id),
      name        TEXT NOT NULL,
      kind        TEXT NOT NULL,
      -- null when the file was not in the export
      sha256      TEXT,
      size        INTEGER
    ) STRICT;
    CREATE INDEX attachment_message ON attachment(message_id);
    CREATE INDEX attachment_sha256 ON attachment(sha256) WHERE sha256 IS NOT NULL;

    -- identifiers (kinds of shared/ids) and amounts found in message text, with their spans
    CREATE TABLE mention (
      id           INTEGER PRIMARY KEY,
      message_id   INTEGER NOT NULL REFERENCES message(id),
      kind         TEXT NOT NULL,
      value        TEXT NOT NULL,
      start        INTEGER NOT NULL,
      end          INTEGER NOT NULL,
      valid        INTEGER NOT NULL,
      amount_minor INTEGER
    ) STRICT;
    CREATE INDEX mention_value ON mention(kind, value);
    CREATE INDEX mention_message ON mention(message_id);

    CREATE TABLE lexicon (
      version   INTEGER PRIMARY KEY,
      saved_at  TEXT NOT NULL,
      operator  TEXT NOT NULL,
      json      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE lexicon_hit (
      message_id  INTEGER NOT NULL REFERENCES message(id),
      group_id    TEXT NOT NULL,
      term        TEXT NOT NULL,
      start       INTEGER NOT NULL,
      end         INTEGER NOT NULL,
      weight      REAL NOT NULL
    ) STRICT;
    CREATE INDEX lexicon_hit_message ON lexicon_hit(message_id);
    CREATE INDEX lexicon_hit_group ON lexicon_hit(group_id, message_id);

    CREATE TABLE dup_cluster (
      id          INTEGER PRIMARY KEY,
      size        INTEGER NOT NULL,
      similarity  REAL NOT NULL
    ) STRICT;

    -- transfers and red packets are linked to trades by time; the timeline reads by time too
    CREATE INDEX txn_time ON txn(ts_utc);

    CREATE VIRTUAL TABLE message_fts USING fts5(text, content = 'message', content_rowid = 'id', tokenize = 'trigram');
  `);
}
