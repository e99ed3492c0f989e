/**
 * Payment platforms and clearing accounts (支付宝, 财付通, 银联, 网联 …) recognised in a row's counterparty, from a
 * reference list passed in (resources/reference/payment-nodes.json; electron/core loads it). Pure: no I/O.
 */

export type PaymentNodeKind = 'payment-institution' | 'clearing' | 'acquirer';

export interface PaymentNodeEntry {
  id: string;
  kind: PaymentNodeKind;
  name: { zh: string; en: string };
  legalName: string | null;
  /** names and brands: a counterparty name containing one matches */
  names: readonly string[];
  /** words marking a bank's internal clearing or suspense account in a counterparty name */
  namePatterns: readonly string[];
  /** only for rows naming no counterparty: a 摘要 starting with one of these */
  summaryPrefixes: readonly string[];
  /** wallet statements of this platform: their top-up/withdrawal rows without a counterparty go through it */
  walletKinds: readonly string[];
  /** exact settlement/clearing account numbers known to belong to it */
  accounts: readonly string[];
}

export interface PaymentNodeList {
  version: number;
  nodes: readonly PaymentNodeEntry[];
}

/** What a row says about the other side, as the matcher reads it. */
export interface CounterpartyText {
  account: string | null;
  name: string | null;
  summary?: string | null;
  /** kind of the statement's own account: 'bank', 'tenpay', 'alipay' … */
  ownKind?: string | null;
}

export interface PaymentNodeMatcher {
  match(counterparty: CounterpartyText): PaymentNodeEntry | null;
  byId(id: string): PaymentNodeEntry | undefined;
  readonly entries: readonly PaymentNodeEntry[];
}

/** 零钱充值, 零钱提现, 充值, 提现, 转入余额 …: a wallet moving money from or to the holder's own card. */
const WALLET_TRANSFER = /充值|提现|转入零钱|转出到卡|余额宝转|转入余额|转到银行卡/;

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Builds a matcher over the list; longer names are tried first so a specific brand wins over a short one. */
export function createPaymentNodeMatcher(list: PaymentNodeList): PaymentNodeMatcher {
  const nameRules: { part: string; entry: PaymentNodeEntry }[] = [];
  const summaryRules: { prefix: string; entry: PaymentNodeEntry }[] = [];
  const accounts = new Map<string, PaymentNodeEntry>();
  const wallets = new Map<string, PaymentNodeEntry>();
  const ids = new Map<string, PaymentNodeEntry>();
  for (const entry of list.nodes) {
    ids.set(entry.id, entry);
    for (const part of [...entry.names, ...entry.namePatterns, ...(entry.legalName ? [entry.legalName] : [])]) {
      if (part.trim() !== '') nameRules.push({ part: fold(part), entry });
    }
    for (const prefix of entry.summaryPrefixes) if (prefix.trim() !== '') summaryRules.push({ prefix: fold(prefix), entry });
    for (const account of entry.accounts) accounts.set(account.replace(/[\s-]/g, '').toUpperCase(), entry);
    for (const kind of entry.walletKinds) wallets.set(kind, entry);
  }
  nameRules.sort((a, b) => b.part.length - a.part.length);
  summaryRules.sort((a, b) => b.prefix.length - a.prefix.length);

  return {
    entries: list.nodes,
    byId: (id) => ids.get(id),
    match({ account, name, summary, ownKind }) {
      if (account) {
        const byAccount = accounts.get(account.replace(/[\s-]/g, '').toUpperCase());
        if (byAccount) return byAccount;
      }
      if (name && name.trim() !== '') {
        const folded = fold(name);
        return nameRules.find((rule) => folded.includes(rule.part))?.entry ?? null;
      }
      if (account) return null;
      // nothing names the other side: the summary, or the wallet's own platform for a top-up or withdrawal
      const text = summary ? fold(summary) : '';
      if (text !== '') {
        const bySummary = summaryRules.find((rule) => text.startsWith(rule.prefix));
        if (bySummary) return bySummary.entry;
      }
      if (ownKind && summary && WALLET_TRANSFER.test(summary)) return wallets.get(ownKind) ?? null;
      return null;
    },
  };
}

/** Checks a parsed JSON value against the list's shape; throws with the first problem found. */
export function parsePaymentNodeList(value: unknown): PaymentNodeList {
  const fail = (where: string, what: string): never => {
    throw new Error(`payment-nodes ${where}: ${what}`);
  };
  if (typeof value !== 'object' || value === null) return fail('(root)', 'not an object');
  const root = value as Record<string, unknown>;
  if (typeof root.version !== 'number') fail('version', 'must be a number');
  if (!Array.isArray(root.nodes)) return fail('nodes', 'must be an array');
  const kinds: readonly string[] = ['payment-institution', 'clearing', 'acquirer'];
  const strings = (where: string, item: unknown): string[] => {
    if (item === undefined) return [];
    if (!Array.isArray(item) || item.some((s) => typeof s !== 'string')) return fail(where, 'must be a list of strings');
    return item as string[];
  };
  const nodes = (root.nodes as unknown[]).map((raw, i): PaymentNodeEntry => {
    if (typeof raw !== 'object' || raw === null) return fail(`nodes[${i}]`, 'not an object');
    const node = raw as Record<string, unknown>;
    const id = typeof node.id === 'string' && /^[a-z0-9-]+$/.test(node.id) ? node.id : fail(`nodes[${i}].id`, 'lower-case letters, digits and dashes');
    const kind = typeof node.kind === 'string' && kinds.includes(node.kind) ? (node.kind as PaymentNodeKind) : fail(`${id}.kind`, kinds.join(' | '));
    const name = node.name as { zh?: unknown; en?: unknown } | undefined;
    if (!name || typeof name.zh !== 'string' || typeof name.en !== 'string') fail(`${id}.name`, 'needs zh and en');
    const legalName = node.legalName === null || node.legalName === undefined ? null : typeof node.legalName === 'string' ? node.legalName : fail(`${id}.legalName`, 'string or null');
    return {
      id,
      kind,
      name: { zh: String(name?.zh), en: String(name?.en) },
      legalName,
      names: strings(`${id}.names`, node.names),
      namePatterns: strings(`${id}.namePatterns`, node.namePatterns),
      summaryPrefixes: strings(`${id}.summaryPrefixes`, node.summaryPrefixes),
      walletKinds: strings(`${id}.walletKinds`, node.walletKinds),
      accounts: strings(`${id}.accounts`, node.accounts),
    };
  });
  return { version: root.version as number, nodes };
}
