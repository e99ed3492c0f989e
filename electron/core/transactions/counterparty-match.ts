import type { Db } from '../db/connection';
import { cacheOf } from './query-cache';

/** Past this many matching counterparties the filter falls back to scanning with LIKE. */
const MAX_LISTED = 5000;

/** The counterparty numbers and names a filter text stands for, or null when there are too many to list. */
export interface CounterpartyMatch {
  accounts: string[];
  names: string[];
}

/**
 * Every distinct counterparty number and name in the case, read once per state of the case: a case of a million
 * rows has some tens of thousands, and looking a text up among them is much faster than a LIKE over every row.
 * The filter then becomes `IN (…)` over the counterparty indexes.
 */
export function counterpartyDictionary(db: Db): { accounts: string[]; names: string[] } {
  const cache = cacheOf(db);
  if (!cache.counterparties) {
    cache.counterparties = {
      accounts: db.prepare('SELECT DISTINCT cp_account FROM txn WHERE cp_account IS NOT NULL').pluck().all() as string[],
      names: db.prepare('SELECT DISTINCT cp_name FROM txn WHERE cp_name IS NOT NULL').pluck().all() as string[],
    };
  }
  return cache.counterparties;
}

/** Case-insensitive for Latin letters, like SQLite's LIKE. */
function folded(text: string): string {
  return text.toLowerCase();
}

/** The counterparty numbers and names containing the text. */
export function matchCounterparty(db: Db, text: string): CounterpartyMatch | null {
  const { accounts, names } = counterpartyDictionary(db);
  const needle = folded(text);
  const matched: CounterpartyMatch = { accounts: [], names: [] };
  for (const account of accounts) {
    if (folded(account).includes(needle)) {
      matched.accounts.push(account);
      if (matched.accounts.length > MAX_LISTED) return null;
    }
  }
  for (const name of names) {
    if (folded(name).includes(needle)) {
      matched.names.push(name);
      if (matched.accounts.length + matched.names.length > MAX_LISTED) return null;
    }
  }
  return matched;
}
