import { z } from 'zod';

/**
 * The transactions workbench (ISSUE 6 §1–§2): the grid's filtered, sorted pages, one transaction with its
 * provenance and related items, exports of a view, per-account summaries, counterparty rankings and saved views.
 *
 * Money crosses the contract in integer minor units (分) with its currency, never as yuan: amount filters are
 * `amountMinMinor`/`amountMaxMinor` on the size of the amount (its absolute value), so ¥500.00 is 50000. Times are
 * UTC milliseconds; a time range is [fromUtc, toUtc).
 */

/** Data-quality marks and links a row can carry; each is a filter chip and a column of the grid. */
export const TXN_FLAGS = ['duplicate', 'mirror', 'failed', 'balanceBreak', 'reversal', 'linkedChat'] as const;
export const TxnFlag = z.enum(TXN_FLAGS);

export const TxnFlags = z.object({
  /** marked as a duplicate of an earlier row (dup_of) */
  duplicate: z.boolean(),
  /** one leg of a transfer whose other leg is in the case (同一笔转账两端) */
  mirror: z.boolean(),
  /** the bank says it did not succeed (交易是否成功 = 否) */
  failed: z.boolean(),
  /** the balance does not follow from the previous row's (余额连续性 break) */
  balanceBreak: z.boolean(),
  /** a reversal (冲正/退回 …) or the row a reversal undoes */
  reversal: z.boolean(),
  /** a chat 转账/红包 message points at it */
  linkedChat: z.boolean(),
});

/** true: only rows with the mark; false: only rows without it; absent: either. */
export const TxnFlagFilter = z.object(Object.fromEntries(TXN_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<(typeof TXN_FLAGS)[number], z.ZodOptional<z.ZodBoolean>>);

export const TxnFilter = z.object({
  /** own accounts by id */
  accountIds: z.array(z.number().int()).max(1000).optional(),
  /** own account or card number as written (matches the account's number, card number or account number exactly) */
  account: z.string().trim().min(1).max(100).optional(),
  /** counterparty account number or name: contains by default, exact with counterpartyExact */
  counterparty: z.string().trim().min(1).max(200).optional(),
  counterpartyExact: z.boolean().optional(),
  /** on the amount's size in minor units, inclusive */
  amountMinMinor: z.number().int().min(0).optional(),
  amountMaxMinor: z.number().int().min(0).optional(),
  /** UTC ms, from inclusive, to exclusive; rows without a time never match a time range */
  fromUtc: z.number().optional(),
  toUtc: z.number().optional(),
  direction: z.enum(['in', 'out']).optional(),
  flags: TxnFlagFilter.optional(),
  sourceId: z.number().int().optional(),
  tagId: z.number().int().optional(),
  /** quick filter: contained in the summary, the counterparty name or the transaction number */
  quick: z.string().trim().max(200).optional(),
});

export const TXN_SORT_COLUMNS = [
  'time',
  'amount',
  'balance',
  'account',
  'holder',
  'cpAccount',
  'cpName',
  'cpBank',
  'direction',
  'summary',
  'channel',
  'ip',
  'mac',
  'txnNo',
  'id',
] as const;
/** 'amount' sorts by the amount's size (the sign shows the direction); 'id' is import order; ties break on id. */
export const TxnSortColumn = z.enum(TXN_SORT_COLUMNS);
export const TxnSort = z.array(z.object({ column: TxnSortColumn, dir: z.enum(['asc', 'desc']) })).max(3);

/** One row of the grid: the columns of the bank preset, display-ready. */
export const TxnRow = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  /** 本方账卡号 as the case knows the account (card or account number), and its sub-account where there is one */
  account: z.string(),
  subAccount: z.string().nullable(),
  /** 户名 */
  holder: z.string().nullable(),
  /** the own account's bank */
  bank: z.string().nullable(),
  /** 对手账卡号, 对手户名, 对手开户行 */
  cpAccount: z.string().nullable(),
  cpName: z.string().nullable(),
  cpBank: z.string().nullable(),
  /** signed: outflows negative */
  amountMinor: z.number().int(),
  currency: z.string(),
  /** 收付: normalised, with the bank's own word beside it */
  direction: z.enum(['in', 'out']).nullable(),
  directionRaw: z.string(),
  /** 余额 */
  balanceMinor: z.number().int().nullable(),
  /** 摘要 */
  summary: z.string().nullable(),
  /** 交易时间: the instant, the text as the bank wrote it, and the offset it was read with */
  utcMs: z.number().nullable(),
  timeText: z.string(),
  offsetMinutes: z.number().int().nullable(),
  channel: z.string().nullable(),
  ip: z.string().nullable(),
  mac: z.string().nullable(),
  /** 交易流水号 */
  txnNo: z.string().nullable(),
  flags: TxnFlags,
  /** names of the tags on the row */
  tags: z.array(z.string()),
});

export const TxnQueryInput = z.object({
  filter: TxnFilter.default({}),
  sort: TxnSort.default([]),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});

export const TxnPage = z.object({
  /** rows matching the filter (count(*)), so the scrollbar can jump anywhere */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(TxnRow),
});

export const TxnProvenance = z.object({
  sourceId: z.number().int(),
  /** path inside the import (folder/file) and the file name */
  file: z.string(),
  fileName: z.string(),
  sheet: z.string(),
  line: z.number().int(),
  /** the raw row exactly as stored (JSON of header → cell text) and its SHA-256 */
  rawText: z.string(),
  raw: z.array(z.object({ name: z.string(), value: z.string() })),
  rowHash: z.string(),
  /** SHA-256 of rawText recomputed now equals rowHash */
  rowHashVerified: z.boolean(),
  /** the original file's integrity values */
  sourceSha256: z.string(),
  sourceSm3: z.string(),
  format: z.string(),
  encoding: z.string(),
  grade: z.enum(['official', 'self-provided']),
  importedAt: z.string(),
});

export const LinkedMessage = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  conversationTitle: z.string(),
  senderName: z.string().nullable(),
  utcMs: z.number().nullable(),
  timeText: z.string(),
  text: z.string(),
});

export const TxnDetail = z.object({
  row: TxnRow,
  /** fields beyond the grid's columns */
  fields: z.object({
    cpId: z.string().nullable(),
    isCash: z.boolean().nullable(),
    failReason: z.string().nullable(),
    device: z.string().nullable(),
    merchant: z.string().nullable(),
    merchantCode: z.string().nullable(),
    logNo: z.string().nullable(),
    branch: z.string().nullable(),
    location: z.string().nullable(),
    memo: z.string().nullable(),
    /** the rule that marked it a duplicate */
    dupRule: z.string().nullable(),
    /** at a balance break: the balance the previous row implies */
    balanceExpectedMinor: z.number().int().nullable(),
    holderId: z.string().nullable(),
  }),
  provenance: TxnProvenance,
  related: z.object({
    /** the earlier row this one duplicates, and the rows that duplicate this one */
    duplicateOf: TxnRow.nullable(),
    duplicates: z.array(TxnRow),
    /** the other leg of the same transfer */
    mirror: TxnRow.nullable(),
    /** the row this reversal undoes, and the reversals that undo this row */
    reversalOf: TxnRow.nullable(),
    reversedBy: z.array(TxnRow),
    messages: z.array(LinkedMessage),
    tags: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), color: z.string() })),
    note: z.object({ text: z.string(), starred: z.boolean(), updatedAt: z.string(), updatedBy: z.string() }).nullable(),
  }),
});

export const TxnExportInput = z.object({
  filter: TxnFilter.default({}),
  sort: TxnSort.default([]),
  format: z.enum(['csv', 'xlsx']),
});

export const TxnExportResult = z.object({
  /** absolute path of the written file, in the case's exports/ folder */
  path: z.string(),
  rows: z.number().int(),
  sha256: z.string(),
  jobId: z.string(),
});

export const BalanceCheck = z.enum(['ok', 'breaks', 'unchecked']);

export const AccountSummary = z.object({
  accountId: z.number().int(),
  account: z.string(),
  holder: z.string().nullable(),
  bank: z.string().nullable(),
  currency: z.string(),
  /** successful, non-duplicate rows only */
  inMinor: z.number().int(),
  outMinor: z.number().int(),
  netMinor: z.number().int(),
  inCount: z.number().int(),
  outCount: z.number().int(),
  /** every row, failed and duplicate ones included, and how many of those there are */
  rows: z.number().int(),
  failed: z.number().int(),
  duplicates: z.number().int(),
  firstUtc: z.number().nullable(),
  lastUtc: z.number().nullable(),
  /** breaks in balance continuity; 'unchecked' when no row carries a balance */
  balanceBreaks: z.number().int(),
  balanceCheck: BalanceCheck,
});

export const RankingGranularity = z.enum(['account', 'name']);
export const RankingDirection = z.enum(['in', 'out', 'net', 'turnover']);

export const CounterpartyRankingInput = z.object({
  /** one own account, or every account in the case */
  accountId: z.number().int().optional(),
  granularity: RankingGranularity,
  direction: RankingDirection,
  topN: z.number().int().min(1).max(1000),
  /** leave out transfers to the own account or between accounts of the same holder */
  excludeSelf: z.boolean(),
});

export const CounterpartyRank = z.object({
  rank: z.number().int(),
  /** the counterparty account number (granularity 'account') or name ('name') */
  key: z.string(),
  /** 'self': every one of its rows is a transfer to the own account or between accounts of one holder */
  kind: z.enum(['counterparty', 'self']),
  /** how many of its rows are self-transfers (only when they are not excluded) */
  selfCount: z.number().int(),
  /** with granularity 'account': the names seen on that number (most frequent first, at most 5) */
  names: z.array(z.string()),
  /** with granularity 'name': how many counterparty numbers carry the name (1 with 'account') */
  accounts: z.number().int(),
  /** how many of the case's own accounts trade with it (共同交易对手 when more than one) */
  ownAccounts: z.number().int(),
  inMinor: z.number().int(),
  outMinor: z.number().int(),
  /** the ranked figure for the direction asked: in, out, in − out (ranked by its size), or in + out */
  valueMinor: z.number().int(),
  count: z.number().int(),
  firstUtc: z.number().nullable(),
  lastUtc: z.number().nullable(),
});

export const CounterpartyRanking = z.object({
  granularity: RankingGranularity,
  direction: RankingDirection,
  topN: z.number().int(),
  excludeSelf: z.boolean(),
  currency: z.string(),
  /** what was left out, counted in rows */
  excluded: z.object({
    failed: z.number().int(),
    duplicates: z.number().int(),
    /** self-transfers, when excludeSelf */
    self: z.number().int(),
    /** rows without a counterparty number ('account') or name ('name') */
    blank: z.number().int(),
    /** rows in another currency than the one ranked, and rows without a direction */
    otherCurrency: z.number().int(),
    noDirection: z.number().int(),
  }),
  /** counterparties there are in all (the ranking shows min(topN, this)) */
  candidates: z.number().int(),
  rows: z.array(CounterpartyRank),
});

/** A saved view of a page: its filters, sort and columns as the page stores them. */
export const SavedView = z.object({
  id: z.number().int(),
  page: z.string(),
  name: z.string(),
  state: z.record(z.string(), z.unknown()),
  savedAt: z.string(),
  savedBy: z.string(),
});

export const ViewPage = z.string().trim().min(1).max(40).regex(/^[a-z][a-z0-9-]*$/);
