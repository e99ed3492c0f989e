import type { FlowGroup, FlowNodeInput, PlatformLeg } from '@shared/analytics/flow-graph';
import { canonicalJson } from '@shared/util/canonical-json';
import type { Db } from '../../db/connection';
import { CaseAccounts, caseKey, splitKey, stampOf } from './case-accounts';
import { GROUP_ROWS, scopeOf, STATUS, UNDOES, type ScopeFilter } from './txn-scope';

/** How to find the rows of one aggregated group again (txn-scope.ts GROUP_ROWS). */
export interface GroupRef {
  account: number;
  direction: 'in' | 'out';
  cp: string | null;
  name: string | null;
  summary: string | null;
}

export interface GraphModel {
  stamp: string;
  filter: ScopeFilter;
  /** rows that reversals undo: not counted */
  undone: number[];
  accounts: CaseAccounts;
  groups: FlowGroup[];
  /** by FlowGroup.ref */
  refs: GroupRef[];
  nodes: FlowNodeInput[];
  transactions: number;
  excluded: { failed: number; duplicates: number; mirrorLegs: number; reversed: number; noCounterparty: number; noDirection: number };
  /** filled on first use (collapsing platforms) */
  legs?: PlatformLeg[];
}

interface GroupRow {
  account_id: number;
  direction: 'in' | 'out' | null;
  status: 'ok' | 'failed' | 'duplicate' | 'reversal' | 'no-direction' | 'mirror';
  undoes: number | null;
  cp_account: string | null;
  name_key: string | null;
  summary_key: string | null;
  cp_name: string | null;
  cp_id: string | null;
  cp_bank: string | null;
  n: number;
  total: number;
  first: number | null;
  last: number | null;
}

const GROUP_COLUMNS = `MAX(t.cp_name) AS cp_name, MAX(t.cp_id) AS cp_id, MAX(t.cp_bank) AS cp_bank,
  COUNT(*) AS n, SUM(ABS(t.amount_minor)) AS total, MIN(t.ts_utc) AS first, MAX(t.ts_utc) AS last`;

/**
 * One pass over the period's rows, grouped by statement account, direction and counterparty; rows that do not
 * count are grouped by why (refused, duplicate, reversal, the second leg of a transfer both statements show) so
 * the graph can say what it left out. The rows the reversals undo come out of the same pass; the few groups they
 * fell into are counted again without them.
 */
export function buildGraphModel(db: Db, filter: ScopeFilter): GraphModel {
  const stamp = stampOf(db);
  const key = canonicalJson(filter);
  const cached = models.get(db);
  if (cached && cached.stamp === stamp && canonicalJson(cached.filter) === key) return cached;

  const accounts = CaseAccounts.load(db);
  const plain = scopeOf(filter);
  const rows = db
    .prepare(
      `SELECT t.account_id, t.direction,
         CASE WHEN (${STATUS}) = 'ok' AND t.direction = 'in' AND t.mirror_id IS NOT NULL THEN 'mirror' ELSE (${STATUS}) END AS status,
         ${UNDOES} AS undoes, t.cp_account,
         CASE WHEN t.cp_account IS NULL THEN t.cp_name END AS name_key,
         CASE WHEN t.cp_account IS NULL AND t.cp_name IS NULL THEN t.summary END AS summary_key,
         ${GROUP_COLUMNS}
       FROM txn t
       WHERE ${plain.filter}
       GROUP BY t.account_id, t.direction, status, undoes, t.cp_account, name_key, summary_key`,
    )
    .all(plain.params) as GroupRow[];
  const undone = [...new Set(rows.map((row) => row.undoes).filter((id): id is number => id !== null))].sort((a, b) => a - b);
  const scope = scopeOf(filter, undone);
  const recount = db.prepare(`SELECT ${GROUP_COLUMNS} FROM txn t WHERE ${scope.counted} AND ${NOT_MIRROR_IN} AND ${GROUP_ROWS}`);
  // the groups holding a row that a reversal undoes, by their key
  const dirty = new Set<string>();
  const original = db.prepare(`SELECT t.account_id, t.direction, t.cp_account, t.cp_name, t.summary FROM txn t
    WHERE t.id = ? AND ${plain.filter} AND t.succeeded = 1 AND t.dup_of IS NULL AND t.reversal_of IS NULL AND t.direction IS NOT NULL AND ${NOT_MIRROR_IN}`);
  const excluded = { failed: 0, duplicates: 0, mirrorLegs: 0, reversed: 0, noCounterparty: 0, noDirection: 0 };
  for (const id of undone) {
    const row = original.get(id, plain.params) as { account_id: number; direction: string; cp_account: string | null; cp_name: string | null; summary: string | null } | undefined;
    if (!row) continue;
    const ref: GroupRef = { account: row.account_id, direction: row.direction as 'in' | 'out', cp: row.cp_account, name: row.cp_account ? null : row.cp_name, summary: row.cp_account || row.cp_name ? null : row.summary };
    dirty.add(refKey(ref));
    excluded.reversed += 1;
  }

  const groups: FlowGroup[] = [];
  const refs: GroupRef[] = [];
  const nodes = new Map<string, FlowNodeInput>();
  let transactions = 0;
  for (let row of rows) {
    if (row.status === 'failed') excluded.failed += row.n;
    else if (row.status === 'duplicate') excluded.duplicates += row.n;
    else if (row.status === 'reversal') excluded.reversed += row.n;
    else if (row.status === 'mirror') excluded.mirrorLegs += row.n;
    else if (row.status === 'no-direction') excluded.noDirection += row.n;
    if (row.status !== 'ok' || row.direction === null) continue;
    const group: GroupRef = { account: row.account_id, direction: row.direction, cp: row.cp_account, name: row.name_key, summary: row.summary_key };
    if (dirty.has(refKey(group))) {
      const again = recount.get({ ...scope.params, ...group }) as GroupRow;
      if (again.n === 0) continue;
      row = { ...row, ...again };
    }
    const own = accounts.byId(row.account_id);
    const counterparty = accounts.counterpartyKey(row.cp_account, row.cp_name, row.summary_key, own?.kind ?? null);
    if (counterparty === null) {
      excluded.noCounterparty += row.n;
      continue;
    }
    const account = caseKey(row.account_id);
    noteNode(nodes, accounts, account, null);
    noteNode(nodes, accounts, counterparty, row);
    const ref = refs.length;
    refs.push(group);
    groups.push({ ref, account, counterparty, direction: group.direction, count: row.n, sumMinor: row.total, firstMs: row.first, lastMs: row.last });
    transactions += row.n;
  }
  const model: GraphModel = { stamp, filter, undone, accounts, groups, refs, nodes: [...nodes.values()], transactions, excluded };
  models.set(db, model);
  return model;
}

const refKey = (ref: GroupRef): string => `${ref.account}\u0000${ref.direction}\u0000${ref.cp ?? ''}\u0000${ref.name ?? ''}\u0000${ref.summary ?? ''}`;

const models = new WeakMap<Db, GraphModel>();

/** The graph counts a transfer both statements show once: by its out-leg. */
export const NOT_MIRROR_IN = "NOT (t.direction = 'in' AND t.mirror_id IS NOT NULL)";

function noteNode(nodes: Map<string, FlowNodeInput>, accounts: CaseAccounts, key: string, row: GroupRow | null): void {
  const known = nodes.get(key);
  if (known) {
    // counterparty details printed in one statement but not another: keep the first that has them
    if (row && known.kind === 'external') {
      known.holderName ??= row.cp_name;
      known.holderId ??= row.cp_id;
      known.bank ??= row.cp_bank;
      if (known.label === known.number && row.cp_name) known.label = row.cp_name;
    }
    return;
  }
  const [prefix, rest = ''] = splitKey(key);
  if (prefix === 'a') {
    const account = accounts.byId(Number(rest));
    nodes.set(key, {
      key,
      kind: 'case',
      label: account?.holderName ?? account?.number ?? rest,
      number: account?.number ?? null,
      holderName: account?.holderName ?? null,
      holderId: account?.holderId ?? null,
      bank: account?.bank ?? null,
    });
  } else if (prefix === 'p') {
    nodes.set(key, { key, kind: 'platform', label: accounts.display(key), number: null, holderName: null, holderId: null, bank: null });
  } else if (prefix === 'n') {
    nodes.set(key, { key, kind: 'name', label: rest, number: null, holderName: rest, holderId: null, bank: null });
  } else {
    nodes.set(key, { key, kind: 'external', label: row?.cp_name ?? rest, number: rest, holderName: row?.cp_name ?? null, holderId: row?.cp_id ?? null, bank: row?.cp_bank ?? null });
  }
}

/** 用户银行卡号 in a wallet row's memo (TenpayTrades): the card the money came from or went to. */
const WALLET_CARD = /用户银行卡号\s*([0-9]{12,19})/;

/** The single rows of the groups whose counterparty is a platform, for pairing the two legs through it. */
export function platformLegs(db: Db, model: GraphModel): PlatformLeg[] {
  if (model.legs) return model.legs;
  const scope = scopeOf(model.filter, model.undone);
  const columns = 't.id, t.account_id, t.ts_utc, ABS(t.amount_minor) AS amount, t.memo, t.direction, t.cp_account, t.cp_name, t.summary';
  // a platform named by number: all its rows in one read of the counterparty index; named otherwise: one pass over the account
  const byNumber = db.prepare(`SELECT ${columns} FROM txn t INDEXED BY txn_cp_account WHERE t.cp_account = @cp AND ${scope.counted} AND ${NOT_MIRROR_IN}`);
  const byAccount = db.prepare(`SELECT ${columns} FROM txn t INDEXED BY txn_account_time WHERE t.account_id = @account AND t.cp_account IS NULL AND ${scope.counted} AND ${NOT_MIRROR_IN}`);
  type LegRow = { id: number; account_id: number; ts_utc: number | null; amount: number; memo: string | null; direction: 'in' | 'out'; cp_account: string | null; cp_name: string | null; summary: string | null };
  const platformGroups = new Map<string, FlowGroup>();
  const numbered = new Set<string>();
  const unnumbered = new Set<number>();
  for (const group of model.groups) {
    const ref = model.refs[group.ref];
    if (!ref || !group.counterparty.startsWith('p:')) continue;
    platformGroups.set(refKey(ref), group);
    if (ref.cp !== null) numbered.add(ref.cp);
    else unnumbered.add(ref.account);
  }
  const legs: PlatformLeg[] = [];
  const nodes = new Map(model.nodes.map((node) => [node.key, node]));
  const take = (account: number, row: LegRow): void => {
    const ref: GroupRef = { account, direction: row.direction, cp: row.cp_account, name: row.cp_account ? null : row.cp_name, summary: row.cp_account || row.cp_name ? null : row.summary };
    const group = platformGroups.get(refKey(ref));
    if (!group) return;
    const card = row.memo ? WALLET_CARD.exec(row.memo)?.[1] : undefined;
    const named = card ? model.accounts.counterpartyKey(card, null, null, null) : null;
    if (named !== null) noteNode(nodes, model.accounts, named, null);
    legs.push({ txnId: row.id, platform: group.counterparty, account: group.account, direction: group.direction, amountMinor: row.amount, ts: row.ts_utc, hint: named });
  };
  // rows of accounts whose group with this number is not a platform group find none in take()
  for (const cp of numbered) for (const row of byNumber.all({ ...scope.params, cp }) as LegRow[]) take(row.account_id, row);
  for (const account of unnumbered) for (const row of byAccount.all({ ...scope.params, account }) as LegRow[]) take(account, row);
  model.nodes = [...nodes.values()];
  model.legs = legs;
  return legs;
}
