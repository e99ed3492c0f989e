import type { GlobalSearchResult } from '@shared/domain';
import { formatMinor } from '@shared/money';
import type { Command } from '../command';
import { intFlag } from '../command';
import { CaseSession } from '../../core/cases/case-session';
import { globalSearch } from '../../core/search/global-search';

const money = (minor: number, currency: string): string => `${currency} ${formatMinor(minor)}`;

function printResult(result: GlobalSearchResult, log: (line: string) => void): void {
  log(
    result.readAs.length === 0
      ? `“${result.query}”: nothing searchable (a phone, card, account or ID number, name, amount …)`
      : `“${result.query}” read as: ${result.readAs.map((r) => (r.kind === 'amount' && r.amountMinor !== null ? `amount ${money(r.amountMinor, r.currency ?? 'CNY')}` : `${r.kind} ${r.value}`)).join('; ')}`,
  );
  const more = (total: number, shown: number) => (total > shown ? `  … ${total - shown} more` : '');
  const { transactions, messages, identifiers, accounts, persons, sources } = result;
  log(`transactions ${transactions.total}`);
  for (const t of transactions.items) {
    log(`  #${t.id}  ${t.timeText}  ${t.account}  ${money(t.amountMinor, t.currency)}  ${[t.cpName, t.cpAccount].filter(Boolean).join(' ')}  [${t.matched.join(', ')}]`);
  }
  if (more(transactions.total, transactions.items.length)) log(more(transactions.total, transactions.items.length));
  log(`messages ${messages.total}`);
  for (const m of messages.items) log(`  #${m.id}  ${m.timeText}  ${m.conversationTitle}  ${m.sender ?? '?'}: ${m.snippet}  [${m.matched.join(', ')}]`);
  if (more(messages.total, messages.items.length)) log(more(messages.total, messages.items.length));
  log(`identifiers ${identifiers.total}`);
  for (const i of identifiers.items) log(`  ${i.type} ${i.value}  ${i.role}  ${i.account ?? ''} ${i.holder ?? ''}  ${i.file}:${i.line}`);
  log(`accounts ${accounts.total}`);
  for (const a of accounts.items) log(`  #${a.id}  ${a.kind} ${a.number}${a.subAccount ? `_${a.subAccount}` : ''}  ${a.holderName ?? ''} ${a.holderId ?? ''}  ${a.txns} txns  [${a.matched.join(', ')}]`);
  log(`persons ${persons.total}`);
  for (const p of persons.items) log(`  #${p.id}  ${p.name}  ${p.idNumber ?? ''}  ${p.file}:${p.line}`);
  log(`sources ${sources.total}`);
  for (const s of sources.items) log(`  #${s.id}  ${s.relPath}  sha256 ${s.sha256.slice(0, 16)}…`);
}

export const searchCommand: Command = {
  path: ['search'],
  summary: 'every place a phone, card, account or ID number, name or amount appears in a case (read-only)',
  usage: 'chainsight search <caseDir> VALUE [--limit N] [--json]',
  options: { limit: { type: 'string' } },
  positionals: { min: 2, max: 2 },
  run(input) {
    const [caseDir = '', value = ''] = input.positionals;
    const limit = intFlag(input, 'limit', 20, 1);
    const session = CaseSession.open(caseDir, { host: 'cli', operator: '' }, 'read');
    try {
      const result = globalSearch(session.db, value, Math.min(limit, 10_000));
      printResult(result, input.log);
      return Promise.resolve({ ...result });
    } finally {
      session.close();
    }
  },
};
