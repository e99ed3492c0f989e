import { canonicalJson } from '@shared/util/canonical-json';
import type { AuditEntry, AuditStatus } from '@shared/domain';
import type { Db } from '../db/connection';
import { sha256Hex } from './hash';

interface AuditRow {
  seq: number;
  at: string;
  operator: string;
  action: string;
  params: string;
  params_digest: string;
  prev_hash: string;
  hash: string;
}

/** The first entry's predecessor: binds the chain to this case, so entries cannot be spliced in from another. */
export function genesisHash(caseId: string): string {
  return sha256Hex(`chainsight-audit-genesis:${caseId}`);
}

export function entryHash(row: Omit<AuditRow, 'hash' | 'params'>): string {
  return sha256Hex(canonicalJson([row.seq, row.at, row.operator, row.action, row.params_digest, row.prev_hash]));
}

/** Append-only, hash-chained log of every change to a case (ARCHITECTURE.md §5.5). */
export class AuditLog {
  private readonly insert;
  private readonly last;

  constructor(
    private readonly db: Db,
    private readonly caseId: string,
  ) {
    this.insert = db.prepare(
      'INSERT INTO audit (seq, at, operator, action, params, params_digest, prev_hash, hash) VALUES (@seq, @at, @operator, @action, @params, @params_digest, @prev_hash, @hash)',
    );
    this.last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  }

  /** Append one entry; call inside the transaction that makes the change when there is one. */
  append(operator: string, action: string, params: unknown): AuditEntry {
    const write = this.db.transaction((): AuditEntry => {
      const previous = this.last.get() as { seq: number; hash: string } | undefined;
      const paramsJson = canonicalJson(params ?? {});
      const base = {
        seq: (previous?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        operator,
        action,
        params_digest: sha256Hex(paramsJson),
        prev_hash: previous?.hash ?? genesisHash(this.caseId),
      };
      const row: AuditRow = { ...base, params: paramsJson, hash: entryHash(base) };
      this.insert.run(row);
      return toEntry(row);
    });
    return write.immediate();
  }

  list(offset: number, limit: number): { entries: AuditEntry[]; total: number } {
    const total = (this.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    const rows = this.db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ? OFFSET ?').all(limit, offset) as AuditRow[];
    return { entries: rows.map(toEntry), total };
  }

  head(): { seq: number; hash: string } | null {
    return (this.last.get() as { seq: number; hash: string } | undefined) ?? null;
  }

  /** Recompute the whole chain; the first entry whose digest, hash, link or sequence does not hold breaks it. */
  verify(): AuditStatus {
    let expectedPrev = genesisHash(this.caseId);
    let expectedSeq = 1;
    const entries = (this.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    for (const raw of this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate()) {
      const row = raw as AuditRow;
      const intact =
        row.seq === expectedSeq &&
        row.prev_hash === expectedPrev &&
        sha256Hex(row.params) === row.params_digest &&
        entryHash(row) === row.hash;
      // returning ends the iteration, which releases the connection
      if (!intact) return { ok: false, entries, brokenAtSeq: Math.min(row.seq, expectedSeq) };
      expectedPrev = row.hash;
      expectedSeq += 1;
    }
    return { ok: true, entries, brokenAtSeq: null };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    operator: row.operator,
    action: row.action,
    params: row.params,
    paramsDigest: row.params_digest,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
