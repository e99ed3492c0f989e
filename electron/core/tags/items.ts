import { AppError } from '@shared/api';
import type { ItemRef, ItemType } from '@shared/domain';
import type { Db } from '../db/connection';

/** The table each item type lives in (the names happen to match; the map keeps SQL built from known words only). */
export const ITEM_TABLE: Readonly<Record<ItemType, string>> = {
  txn: 'txn',
  message: 'message',
  account: 'account',
  person: 'person',
  finding: 'finding',
};

/** Item ids grouped by type, each list without repeats, in first-seen order. */
export function idsByType(items: readonly ItemRef[]): Map<ItemType, number[]> {
  const seen = new Map<ItemType, Set<number>>();
  for (const item of items) {
    const ids = seen.get(item.type) ?? new Set<number>();
    ids.add(item.id);
    seen.set(item.type, ids);
  }
  return new Map([...seen].map(([type, ids]) => [type, [...ids]]));
}

/** The ids of the list that are not in the item's table. */
export function missingIds(db: Db, type: ItemType, ids: readonly number[]): number[] {
  if (ids.length === 0) return [];
  return db
    .prepare(`SELECT j.value FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM ${ITEM_TABLE[type]} x WHERE x.id = j.value)`)
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}

/** Refuse a list naming items the case does not hold, saying which (the first few of each type). */
export function assertItemsExist(db: Db, items: readonly ItemRef[]): void {
  const problems: string[] = [];
  let missingTotal = 0;
  for (const [type, ids] of idsByType(items)) {
    const missing = missingIds(db, type, ids);
    if (missing.length === 0) continue;
    missingTotal += missing.length;
    const shown = missing.slice(0, 5).join(', ');
    problems.push(`${type} ${shown}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  }
  if (problems.length > 0) {
    throw new AppError('BAD_INPUT', `No such item in this case: ${problems.join('; ')}.`, { details: { reason: 'missing-items', missing: missingTotal } });
  }
}
