import { analyseCardNumber } from '@shared/ids/bank-card';
import { lookupBin, type BinIndex } from '@shared/reference/bin-lookup';
import type { FollowUpAccount, FollowUpFilter, FollowUpGroup, FollowUpList } from '@shared/domain';
import type { Db } from '../../db/connection';
import { loadBinIndex } from '../../reference/load-bin-table';
import { CaseAccounts, caseKey } from './case-accounts';
import { scopeOf, STATUS, UNDOES } from './txn-scope';

interface PaidRow {
  account_id: number;
  cp_account: string;
  cp_name: string | null;
  cp_id: string | null;
  cp_bank: string | null;
  n: number;
  total: number;
  first: number | null;
  last: number | null;
}

export const UNKNOWN_INSTITUTION = '开户机构不明';

const PAID_COLUMNS = `MAX(t.cp_name) AS cp_name, MAX(t.cp_id) AS cp_id, MAX(t.cp_bank) AS cp_bank,
  COUNT(*) AS n, SUM(ABS(t.amount_minor)) AS total, MIN(t.ts_utc) AS first, MAX(t.ts_utc) AS last`;

/** 中国工商银行股份有限公司 and 中国工商银行 are one bank: the legal-form suffix is not part of the name. */
export function institutionName(name: string): string {
  const compact = name.normalize('NFKC').replace(/\s+/g, '');
  // 中国工商银行股份有限公司北京朝阳支行 → 中国工商银行: the request goes to the bank
  const branch = /^(.+?银行)(?:股份有限公司|有限责任公司|有限公司)?.+(?:分行|支行|营业部|分理处)$/.exec(compact);
  if (branch?.[1]) return branch[1];
  return compact.replace(/(股份有限公司|有限责任公司|有限公司)$/, '');
}

/**
 * 补调清单: accounts the case's money reached whose statements the case does not hold, to request next — grouped
 * by the institution to ask: the bank the returns name as 对手开户行, else the issuer the BIN table gives for a
 * card, else the platform a wallet or merchant number belongs to.
 */
export function followUps(db: Db, filter: FollowUpFilter, bins: BinIndex = loadBinIndex()): FollowUpList {
  const accounts = CaseAccounts.load(db);
  const plain = scopeOf({ fromUtc: filter.fromUtc, toUtc: filter.toUtc, currency: filter.currency });
  const grouped = db
    .prepare(
      `SELECT t.account_id, t.cp_account, t.direction, (${STATUS}) AS status, ${UNDOES} AS undoes, ${PAID_COLUMNS}
       FROM txn t WHERE ${plain.filter} AND ((t.direction = 'out' AND t.cp_account IS NOT NULL) OR t.reversal_of IS NOT NULL)
       GROUP BY t.account_id, t.cp_account, t.direction, status, undoes`,
    )
    .all(plain.params) as (Omit<PaidRow, 'cp_account'> & { cp_account: string | null; direction: string | null; status: string; undoes: number | null })[];
  // payments a reversal (退回/冲正) undid did not reach anyone: their groups are counted again without them
  const undone = [...new Set(grouped.map((row) => row.undoes).filter((id): id is number => id !== null))];
  const scope = scopeOf({ fromUtc: filter.fromUtc, toUtc: filter.toUtc, currency: filter.currency }, undone);
  const dirty = new Set<string>();
  const original = db.prepare("SELECT account_id, cp_account FROM txn WHERE id = ? AND direction = 'out' AND cp_account IS NOT NULL");
  for (const id of undone) {
    const row = original.get(id) as { account_id: number; cp_account: string } | undefined;
    if (row) dirty.add(`${row.account_id}\u0000${row.cp_account}`);
  }
  const recount = db.prepare(`SELECT t.account_id, t.cp_account, ${PAID_COLUMNS} FROM txn t INDEXED BY txn_cp_account
    WHERE ${scope.counted} AND t.cp_account = @cp AND t.account_id = @account AND t.direction = 'out'`);
  const rows: PaidRow[] = [];
  for (const row of grouped) {
    if (row.status !== 'ok' || row.direction !== 'out' || row.cp_account === null) continue;
    if (!dirty.has(`${row.account_id}\u0000${row.cp_account}`)) rows.push({ ...row, cp_account: row.cp_account });
    else {
      const again = recount.get({ ...scope.params, cp: row.cp_account, account: row.account_id }) as PaidRow;
      if (again.n > 0) rows.push({ ...again, account_id: row.account_id, cp_account: row.cp_account });
    }
  }

  const reached = new Map<string, FollowUpAccount & { bankVotes: Map<string, number> }>();
  for (const row of rows) {
    const key = accounts.counterpartyKey(row.cp_account, row.cp_name, null, null);
    // a case account with its statement, or a platform: nothing to request
    if (key === null || !key.startsWith('x:')) continue;
    let entry = reached.get(row.cp_account);
    if (!entry) {
      entry = {
        account: row.cp_account,
        kind: 'account',
        holderName: row.cp_name,
        holderId: row.cp_id,
        institution: UNKNOWN_INSTITUTION,
        institutionSource: 'unknown',
        binBanks: [],
        count: 0,
        sumMinor: 0,
        firstUtc: null,
        lastUtc: null,
        senders: [],
        bankVotes: new Map(),
      };
      reached.set(row.cp_account, entry);
    }
    entry.holderName ??= row.cp_name;
    entry.holderId ??= row.cp_id;
    if (row.cp_bank) entry.bankVotes.set(institutionName(row.cp_bank), (entry.bankVotes.get(institutionName(row.cp_bank)) ?? 0) + row.n);
    entry.count += row.n;
    entry.sumMinor += row.total;
    entry.firstUtc = entry.firstUtc === null ? row.first : row.first === null ? entry.firstUtc : Math.min(entry.firstUtc, row.first);
    entry.lastUtc = entry.lastUtc === null ? row.last : row.last === null ? entry.lastUtc : Math.max(entry.lastUtc, row.last);
    const sender = accounts.byId(row.account_id);
    entry.senders.push({ key: caseKey(row.account_id), number: sender?.number ?? String(row.account_id), holderName: sender?.holderName ?? null, count: row.n, sumMinor: row.total });
  }

  const groups = new Map<string, FollowUpGroup>();
  let sumMinor = 0;
  let count = 0;
  for (const entry of reached.values()) {
    if (entry.sumMinor < filter.minTotalMinor) continue;
    const { bankVotes, ...account } = entry;
    classify(account, bankVotes, bins);
    account.senders.sort((a, b) => b.sumMinor - a.sumMinor || a.number.localeCompare(b.number));
    let group = groups.get(account.institution);
    if (!group) {
      group = { institution: account.institution, accounts: [], count: 0, sumMinor: 0 };
      groups.set(account.institution, group);
    }
    group.accounts.push(account);
    group.count += account.count;
    group.sumMinor += account.sumMinor;
    sumMinor += account.sumMinor;
    count += 1;
  }
  const list = [...groups.values()];
  for (const group of list) group.accounts.sort((a, b) => b.sumMinor - a.sumMinor || a.account.localeCompare(b.account));
  // the unknown institution last: nobody can be asked until the bank is found
  list.sort((a, b) => Number(a.institution === UNKNOWN_INSTITUTION) - Number(b.institution === UNKNOWN_INSTITUTION) || b.sumMinor - a.sumMinor || a.institution.localeCompare(b.institution));
  return { groups: list, accounts: count, sumMinor, currency: filter.currency };
}

/** Which institution holds the account, and how that is known. */
function classify(account: FollowUpAccount, bankVotes: ReadonlyMap<string, number>, bins: BinIndex): void {
  const number = account.account;
  if (/^WXID_/i.test(number) || /^wx[a-z0-9_-]{5,}$/i.test(number)) {
    Object.assign(account, { kind: 'wechat', institution: '财付通支付科技有限公司（微信）', institutionSource: 'number-format' });
    return;
  }
  if (/^M_\d+$/i.test(number)) {
    Object.assign(account, { kind: 'merchant', institution: '财付通支付科技有限公司（微信商户）', institutionSource: 'number-format' });
    return;
  }
  if (/^2088\d{12}$/.test(number)) {
    Object.assign(account, { kind: 'alipay', institution: '支付宝（中国）网络技术有限公司', institutionSource: 'number-format' });
    return;
  }
  const card = analyseCardNumber(number);
  if (card?.kind === 'card') {
    account.kind = 'card';
    const lookup = lookupBin(bins, number);
    account.binBanks = [...new Set(lookup.candidates.map((candidate) => candidate.bankNameZh))];
  }
  const voted = [...bankVotes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (voted) {
    account.institution = voted[0];
    account.institutionSource = 'counterparty-bank';
  } else if (account.binBanks.length > 0) {
    account.institution = account.binBanks.length === 1 ? institutionName(account.binBanks[0] ?? '') : account.binBanks.map(institutionName).join(' / ');
    account.institutionSource = 'bin';
  }
}
