import type { GlobalSearchResult } from '@shared/domain';
import type { Db } from '../db/connection';
import { searchMessages } from './message-hits';
import { readQuery } from './read-query';
import { searchAccounts, searchIdentifiers, searchPersons, searchSources } from './record-hits';
import { searchTxns } from './txn-hits';

/**
 * Every place a phone, card, account or ID number, name or amount appears in the case — transactions, messages,
 * technology-chain identifiers, accounts, persons and source files — grouped by kind: each group's total and its
 * first `limit` items, and what the query was read as.
 */
export function globalSearch(db: Db, value: string, limit: number): GlobalSearchResult {
  const terms = readQuery(value);
  return {
    query: value,
    readAs: terms.readings,
    limit,
    transactions: searchTxns(db, terms, limit),
    messages: searchMessages(db, terms, limit),
    identifiers: searchIdentifiers(db, terms, limit),
    accounts: searchAccounts(db, terms, limit),
    persons: searchPersons(db, terms, limit),
    sources: searchSources(db, terms, limit),
  };
}
