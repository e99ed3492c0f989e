import type { CaseStats } from '@shared/domain';
import type { CaseSession } from './case-session';

/**
 * The figures of `chainsight stats` and the dashboard (ARCHITECTURE.md §6). The data counts come from the
 * source, transaction and chat tables that the import migrations add; until a case has them they are zero.
 */
export function caseStats(session: CaseSession): CaseStats {
  return {
    sources: 0,
    transactions: 0,
    messages: 0,
    accounts: 0,
    conversations: 0,
    handles: 0,
    failed: 0,
    rejected: 0,
    duplicates: 0,
    mirrorPairs: 0,
    balanceBreaks: 0,
    sumInMinor: {},
    sumOutMinor: {},
    audit: session.audit.verify(),
    lexiconHits: {},
    identifiers: {},
  };
}
