import type { z } from 'zod';
import type { TxnScope } from '@shared/api/timeline-schemas';

export type Scope = z.output<typeof TxnScope>;

/**
 * Which transaction rows count, as SQL conditions over `txn` (with `prefix` = 't.' for an aliased table). By default a
 * duplicate row (the same transaction imported twice) and a row the bank marked failed are left out, as in the
 * case's sums; both can be brought back.
 */
export function scopeSql(scope: Scope, prefix = ''): string {
  const clauses: string[] = [];
  if (!scope.duplicates) clauses.push(`${prefix}dup_of IS NULL`);
  if (!scope.failed) clauses.push(`${prefix}succeeded = 1`);
  return clauses.map((c) => ` AND ${c}`).join('');
}
