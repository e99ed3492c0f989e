import type { Db } from '../db/connection';

/**
 * Answers worth keeping between the grid's calls — totals, ordered id lists, the counterparty dictionary — kept per
 * connection and dropped as soon as the case changes.
 */
export interface QueryCache {
  generation: string;
  totals: Map<string, number>;
  orders: Map<string, Float64Array>;
  counterparties: { accounts: string[]; names: string[] } | null;
  /** summaries and rankings by their input */
  results: Map<string, unknown>;
}

const caches = new WeakMap<Db, QueryCache>();
/** query plans do not change with the data, so this one outlives generations */
const sortPlans = new WeakMap<Db, Map<string, boolean>>();

/**
 * What identifies the state of the case: another connection's commits change data_version (an import worker),
 * this connection's own changes change total_changes() (tags, marks).
 */
function generationOf(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${version}:${changes}`;
}

export function cacheOf(db: Db): QueryCache {
  const generation = generationOf(db);
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) {
    cache = { generation, totals: new Map(), orders: new Map(), counterparties: null, results: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

export function sortPlansOf(db: Db): Map<string, boolean> {
  let plans = sortPlans.get(db);
  if (!plans) {
    plans = new Map();
    sortPlans.set(db, plans);
  }
  return plans;
}

/** Map insertion order as least-recently-used order: re-inserting marks an entry as used. */
export function remember<V>(map: Map<string, V>, key: string, value: V, keep: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > keep) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}

/** A summary computed once per state of the case and input (they read every row: seconds on a million). */
export function memoised<T>(db: Db, key: string, compute: () => T): T {
  const cache = cacheOf(db);
  if (cache.results.has(key)) {
    const kept = cache.results.get(key) as T;
    remember(cache.results, key, kept, 16);
    return kept;
  }
  const value = compute();
  remember(cache.results, key, value, 16);
  return value;
}
