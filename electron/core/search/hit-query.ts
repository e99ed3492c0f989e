/**
 * The matches of a search as one SQL common table expression `hits(id, field)`: one branch per indexed lookup,
 * and at most one branch that scans the table once for every unindexed comparison together (each row then names
 * the fields that matched, comma-separated).
 */
export interface HitQuery {
  sql: string;
  params: unknown[];
}

export interface Predicate {
  field: string;
  sql: string;
  params: unknown[];
}

export class HitsBuilder {
  private readonly branches: HitQuery[] = [];
  private readonly scanned: Predicate[] = [];

  constructor(
    private readonly table: string,
    private readonly alias: string,
  ) {}

  /** An indexed lookup: `SELECT <id>, '<field>' FROM … WHERE …` as its own branch. */
  branch(field: string, fromWhere: string, params: unknown[], idColumn = `${this.alias}.id`): this {
    return this.branchWithFieldSql(`'${field}'`, fromWhere, params, idColumn);
  }

  /** A branch whose field is computed per row (e.g. `'mention:' || x.kind`). */
  branchWithFieldSql(fieldSql: string, fromWhere: string, params: unknown[], idColumn = `${this.alias}.id`): this {
    this.branches.push({ sql: `SELECT ${idColumn} AS id, ${fieldSql} AS field ${fromWhere}`, params });
    return this;
  }

  /** A comparison that needs a scan of the table; all of them share one pass. */
  scan(field: string, sql: string, params: unknown[]): this {
    this.scanned.push({ field, sql, params });
    return this;
  }

  get empty(): boolean {
    return this.branches.length === 0 && this.scanned.length === 0;
  }

  /** `hits(id, field)` rows, or null when nothing is to be searched. */
  build(): HitQuery | null {
    const parts = [...this.branches];
    if (this.scanned.length > 0) {
      const fields = this.scanned.map((p) => `CASE WHEN ${p.sql} THEN '${p.field},' ELSE '' END`).join(' || ');
      const where = this.scanned.map((p) => `(${p.sql})`).join(' OR ');
      parts.push({
        sql: `SELECT ${this.alias}.id AS id, ${fields} AS field FROM ${this.table} ${this.alias} WHERE ${where}`,
        params: [...this.scanned.flatMap((p) => p.params), ...this.scanned.flatMap((p) => p.params)],
      });
    }
    if (parts.length === 0) return null;
    return { sql: parts.map((p) => p.sql).join(' UNION ALL '), params: parts.flatMap((p) => p.params) };
  }
}

/** `IN (SELECT value FROM json_each(?))` with its parameter: a list of any length as one bound value. */
export const inList = (column: string): string => `${column} IN (SELECT value FROM json_each(?))`;

/** The distinct field names of a `group_concat` of hit fields. */
export function fieldsOf(concatenated: string | null): string[] {
  return [...new Set((concatenated ?? '').split(',').filter((field) => field !== ''))];
}
