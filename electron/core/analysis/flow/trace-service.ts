import { AppError } from '@shared/api';
import { trace } from '@shared/analytics/trace';
import type { SaveTraceInput, TraceInput, TraceNode, TraceResult } from '@shared/domain';
import { canonicalJson } from '@shared/util/canonical-json';
import type { Db } from '../../db/connection';
import { normaliseAccountNumber } from '../../ingest/account-resolver';
import { CaseAccounts, caseKey, splitKey } from './case-accounts';
import { CaseLedger } from './case-ledger';

export const TRACE_RULE = 'trace';
export const TRACE_VERSION = 1;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Seeds as typed (a node key, or a card, account or wallet number) → node keys. A holder (`h:<ID>`) stands for
 * all accounts with that ID number. A number the case has no statement of is still a seed when some row names it.
 */
export function resolveSeeds(db: Db, accounts: CaseAccounts, seeds: readonly string[]): string[] {
  const keys: string[] = [];
  const named = db.prepare('SELECT 1 FROM txn WHERE cp_account = ? LIMIT 1').pluck();
  for (const seed of seeds) {
    const [prefix, rest = ''] = splitKey(seed);
    if (prefix === 'h' && rest !== '') {
      const members = [...accounts.all()].filter((account) => account.holderId?.toUpperCase() === rest.toUpperCase());
      if (members.length === 0) throw new AppError('BAD_INPUT', `No account of holder ${rest} in this case.`);
      keys.push(...members.map((account) => caseKey(account.id)));
    } else if (['a', 'x', 'p', 'n'].includes(prefix) && rest !== '') {
      keys.push(seed);
    } else {
      const account = accounts.resolve(seed);
      const number = normaliseAccountNumber(seed);
      if (account) keys.push(caseKey(account.id));
      else if (number !== '' && named.get(number) !== undefined) keys.push(`x:${number}`);
      else throw new AppError('BAD_INPUT', `Account ${seed} is not in this case: no statement of it and no row naming it.`);
    }
  }
  return [...new Set(keys)];
}

/** Runs a trace over the case (read-only). */
export function runTrace(db: Db, input: TraceInput): TraceResult {
  const accounts = CaseAccounts.load(db);
  const seeds = resolveSeeds(db, accounts, input.seeds);
  const ledger = new CaseLedger(db, accounts, input.currency);
  const result = trace(
    {
      seeds,
      direction: input.direction,
      hops: input.hops,
      windowMs: Math.round(input.windowHours * HOUR_MS),
      minAmountMinor: input.minAmountMinor,
      tolerance: input.tolerance,
      attribution: input.attribution,
      seedFromMs: input.seedFromUtc ?? null,
      seedToMs: input.seedToUtc ?? null,
    },
    ledger,
  );
  const keys = new Set<string>(seeds);
  for (const hop of result.hops) {
    keys.add(hop.from);
    keys.add(hop.to);
  }
  for (const key of Object.keys(result.retainedMinor)) keys.add(key);
  const names = db.prepare('SELECT cp_name FROM txn WHERE cp_account = ? AND cp_name IS NOT NULL LIMIT 1').pluck();
  return {
    params: { ...input, seeds },
    seedAmountMinor: result.seedAmountMinor,
    hops: result.hops.map((hop) => ({
      level: hop.level,
      from: hop.from,
      to: hop.to,
      amountMinor: hop.amountMinor,
      attributedMinor: hop.attributedMinor,
      txns: hop.txns.map((txn) => ({ id: txn.id, account: txn.account, mirrorId: txn.mirrorId, utcMs: txn.ts, amountMinor: txn.amountMinor, attributedMinor: txn.attributedMinor })),
    })),
    retainedMinor: result.retainedMinor,
    nodes: [...keys].sort().map((key) => describeKey(accounts, key, (number) => names.get(number) as string | undefined)),
    unknownBalance: result.unknownBalance,
    truncated: result.truncated,
  };
}

function describeKey(accounts: CaseAccounts, key: string, nameOf: (number: string) => string | undefined): TraceNode {
  const [prefix, rest = ''] = splitKey(key);
  if (prefix === 'a') {
    const account = accounts.byId(Number(rest));
    return { key, kind: 'case', label: account?.holderName ?? account?.number ?? rest, number: account?.number ?? null, holderName: account?.holderName ?? null };
  }
  if (prefix === 'p') return { key, kind: 'platform', label: accounts.display(key), number: null, holderName: null };
  if (prefix === 'n') return { key, kind: 'name', label: rest, number: null, holderName: rest };
  const name = nameOf(rest) ?? null;
  return { key, kind: 'external', label: name ?? rest, number: rest, holderName: name };
}

/**
 * A short title naming the seeds, the direction and the hops, in Chinese and in English from the same figures:
 * 资金穿透（去向）张三 6222… 3 跳 / Fund tracing (onward): 张三 6222…, 3 hops. Names and numbers stay as the case has them.
 */
export function traceTitle(result: TraceResult): { zh: string; en: string } {
  const seeds = result.params.seeds
    .map((key) => result.nodes.find((node) => node.key === key))
    .map((node) => (node ? [node.holderName, node.number].filter(Boolean).join(' ') || node.label : ''))
    .slice(0, 3);
  const count = result.params.seeds.length;
  const hops = result.params.hops;
  const forward = result.params.direction === 'forward';
  return {
    zh: `资金穿透（${forward ? '去向' : '来源'}）${seeds.join('、')}${count > 3 ? ` 等 ${count} 个账户` : ''} ${hops} 跳`,
    en: `Fund tracing (${forward ? 'onward' : 'source'}): ${seeds.join(', ')}${count > 3 ? ` (${count} accounts in all)` : ''}, ${hops} ${hops === 1 ? 'hop' : 'hops'}`,
  };
}

/**
 * Stores a trace as a finding (rule 'trace', with its parameters): the hop table and retained amounts as its detail,
 * the rows behind every hop (both legs where the case holds them) as items with role 'hop', the seed accounts with
 * role 'seed'. The trace is run again here, so what is stored is what the case says, not what a client sent. A title
 * the user typed is stored as it is, in every language (no English title); otherwise it is worded in both.
 */
export function saveTrace(db: Db, input: SaveTraceInput, operator: string): { findingId: number; title: string; titleEn: string | null; trace: TraceResult } {
  const result = runTrace(db, input);
  const worded = traceTitle(result);
  const typed = input.title ?? '';
  const title = typed !== '' ? typed : worded.zh;
  const titleEn = typed !== '' ? null : worded.en;
  const detail = {
    seedAmountMinor: result.seedAmountMinor,
    hops: result.hops,
    retainedMinor: result.retainedMinor,
    nodes: result.nodes,
    unknownBalance: result.unknownBalance,
    truncated: result.truncated,
  };
  const findingId = db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO finding (rule, version, params, title, title_en, score, detail, created_at, created_by) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)')
        .run(TRACE_RULE, TRACE_VERSION, canonicalJson(result.params), title, titleEn, JSON.stringify(detail), new Date().toISOString(), operator).lastInsertRowid,
    );
    const item = db.prepare('INSERT OR IGNORE INTO finding_item (finding_id, item_type, item_id, role) VALUES (?, ?, ?, ?)');
    for (const seed of result.params.seeds) {
      const [prefix, rest] = splitKey(seed);
      if (prefix === 'a') item.run(id, 'account', Number(rest), 'seed');
    }
    for (const hop of result.hops) {
      for (const txn of hop.txns) {
        item.run(id, 'txn', txn.id, 'hop');
        if (txn.mirrorId !== null) item.run(id, 'txn', txn.mirrorId, 'hop');
      }
    }
    return id;
  })();
  return { findingId, title, titleEn, trace: result };
}
