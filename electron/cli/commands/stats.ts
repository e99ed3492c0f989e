import type { Command } from '../command';
import { CaseSession } from '../../core/cases/case-session';
import { caseStats } from '../../core/cases/case-stats';

export const statsCommand: Command = {
  path: ['stats'],
  summary: 'counts, sums and the audit-chain check of a case (read-only; works while the case is open elsewhere)',
  usage: 'chainsight stats <caseDir> [--json]',
  options: {},
  positionals: { min: 1, max: 1 },
  run(input) {
    const session = CaseSession.open(input.positionals[0] ?? '', { host: 'cli', operator: '' }, 'read');
    try {
      const stats = caseStats(session);
      const meta = session.meta();
      input.log(`${meta.caseNumber} ${meta.caseName}  (${session.caseDir})`);
      input.log(`  sources ${stats.sources}  transactions ${stats.transactions}  messages ${stats.messages}  accounts ${stats.accounts}`);
      input.log(`  conversations ${stats.conversations}  handles ${stats.handles}`);
      input.log(`  failed ${stats.failed}  rejected ${stats.rejected}  duplicates ${stats.duplicates}  mirror pairs ${stats.mirrorPairs}  balance breaks ${stats.balanceBreaks}`);
      input.log(
        stats.audit.ok
          ? `  audit chain intact (${stats.audit.entries} entries)`
          : `  AUDIT CHAIN BROKEN at entry ${stats.audit.brokenAtSeq} of ${stats.audit.entries}`,
      );
      return Promise.resolve({ ...stats });
    } finally {
      session.close();
    }
  },
};
