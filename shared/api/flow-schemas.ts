import { z } from 'zod';

/**
 * Follow the money (ISSUE 7 §1, §2, §4): the fund-flow graph, multi-hop tracing and the follow-up request list.
 * Node keys: `a:<id>` an account of the case, `x:<number>` an account seen only as a counterparty, `p:<id>` a
 * payment platform (resources/reference/payment-nodes.json), `n:<name>` a counterparty known by name only,
 * `h:<ID number>` a holder's accounts grouped. Money is integer minor units in the filter's currency.
 */

export const FlowFilter = z.object({
  /** UTC epoch ms, inclusive */
  fromUtc: z.number().int().optional(),
  /** UTC epoch ms, exclusive */
  toUtc: z.number().int().optional(),
  /** leave out single transactions smaller than this */
  minAmountMinor: z.number().int().min(0).default(0),
  currency: z.string().trim().min(3).max(8).default('CNY'),
});

export const FlowGraphInput = FlowFilter.extend({
  /** fold money passing through 支付宝/财付通 … into direct edges where the two legs pair */
  collapsePlatforms: z.boolean().default(false),
  groupBy: z.enum(['account', 'holder']).default('account'),
  maxNodes: z.number().int().min(2).max(2000).default(150),
});

export const FlowNodeKind = z.enum(['case', 'external', 'platform', 'name', 'person']);

export const FlowNode = z.object({
  key: z.string(),
  kind: FlowNodeKind,
  /** holder name, platform name or the number when nothing better is known */
  label: z.string(),
  number: z.string().nullable(),
  holderName: z.string().nullable(),
  holderId: z.string().nullable(),
  bank: z.string().nullable(),
  /** how many accounts it stands for (a holder's accounts when grouped) */
  members: z.number().int(),
  /** the case holds its statement */
  hasStatement: z.boolean(),
  inMinor: z.number().int(),
  outMinor: z.number().int(),
  inCount: z.number().int(),
  outCount: z.number().int(),
});

export const FlowEdge = z.object({
  key: z.string(),
  from: z.string(),
  to: z.string(),
  count: z.number().int(),
  sumMinor: z.number().int(),
  firstUtc: z.number().nullable(),
  lastUtc: z.number().nullable(),
  /** platforms folded into it */
  via: z.array(z.string()),
});

export const FlowGraphResult = z.object({
  nodes: z.array(FlowNode),
  edges: z.array(FlowEdge),
  totalNodes: z.number().int(),
  totalEdges: z.number().int(),
  /** rows counted into edges */
  transactions: z.number().int(),
  /** what was left out and why (UX: say what was done) */
  excluded: z.object({
    failed: z.number().int(),
    duplicates: z.number().int(),
    /** the second leg of a transfer both statements show (counted once) */
    mirrorLegs: z.number().int(),
    /** reversals (冲正/退回) and the rows they undo */
    reversed: z.number().int(),
    /** rows naming no counterparty: cash, fees, interest */
    noCounterparty: z.number().int(),
    /** rows whose direction the return leaves blank */
    noDirection: z.number().int(),
  }),
  selfFlows: z.object({ count: z.number().int(), sumMinor: z.number().int() }),
  pairedLegs: z.number().int(),
  currency: z.string(),
});

export const FlowRowsInput = FlowGraphInput.extend({
  node: z.string().max(300).optional(),
  edge: z.object({ from: z.string().max(300), to: z.string().max(300) }).optional(),
  /** rows of a trace hop: their ids (at most 5,000) */
  txnIds: z.array(z.number().int()).max(5000).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(200),
});

export const FlowTxnRow = z.object({
  id: z.number().int(),
  accountKey: z.string(),
  accountNumber: z.string(),
  holderName: z.string().nullable(),
  utcMs: z.number().nullable(),
  timeText: z.string(),
  /** signed: negative = out of the account */
  amountMinor: z.number().int(),
  currency: z.string(),
  direction: z.enum(['in', 'out']).nullable(),
  cpAccount: z.string().nullable(),
  cpName: z.string().nullable(),
  summary: z.string().nullable(),
  /** the other leg of the same transfer */
  mirrorId: z.number().int().nullable(),
  file: z.string(),
  line: z.number().int(),
});

export const FlowRowsResult = z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(FlowTxnRow) });

export const TraceInput = z.object({
  /** node keys or account/card numbers */
  seeds: z.array(z.string().trim().min(1).max(300)).min(1).max(50),
  direction: z.enum(['forward', 'backward']).default('forward'),
  hops: z.number().int().min(1).max(12).default(3),
  windowHours: z.number().min(0).max(24 * 366).default(72),
  minAmountMinor: z.number().int().min(0).default(0),
  tolerance: z.number().min(0).max(1).default(1),
  attribution: z.enum(['fifo', 'proportional']).default('fifo'),
  /** only the seeds' payments in this period start the trace */
  seedFromUtc: z.number().int().optional(),
  seedToUtc: z.number().int().optional(),
  currency: z.string().trim().min(3).max(8).default('CNY'),
});

export const TraceNode = z.object({
  key: z.string(),
  kind: FlowNodeKind,
  label: z.string(),
  number: z.string().nullable(),
  holderName: z.string().nullable(),
});

export const TraceHopTxn = z.object({
  id: z.number().int(),
  /** whose statement holds the row (node key) */
  account: z.string(),
  mirrorId: z.number().int().nullable(),
  utcMs: z.number(),
  amountMinor: z.number().int(),
  attributedMinor: z.number().int(),
});

export const TraceHop = z.object({
  level: z.number().int(),
  from: z.string(),
  to: z.string(),
  amountMinor: z.number().int(),
  attributedMinor: z.number().int(),
  txns: z.array(TraceHopTxn),
});

export const TraceResult = z.object({
  /** the parameters as run, seeds resolved to node keys */
  params: TraceInput.extend({ seeds: z.array(z.string()) }),
  seedAmountMinor: z.number().int(),
  hops: z.array(TraceHop),
  /** 沉淀: node key → amount */
  retainedMinor: z.record(z.string(), z.number().int()),
  /** every node the trace names */
  nodes: z.array(TraceNode),
  /** accounts replayed without a printed balance (their opening balance was taken as 0) */
  unknownBalance: z.array(z.string()),
  truncated: z.boolean(),
});

export const SaveTraceInput = TraceInput.extend({ title: z.string().trim().max(200).optional() });

export const FollowUpFilter = z.object({
  fromUtc: z.number().int().optional(),
  toUtc: z.number().int().optional(),
  /** leave out counterparties that received less than this in total */
  minTotalMinor: z.number().int().min(0).default(0),
  currency: z.string().trim().min(3).max(8).default('CNY'),
});

export const FollowUpSender = z.object({
  key: z.string(),
  number: z.string(),
  holderName: z.string().nullable(),
  count: z.number().int(),
  sumMinor: z.number().int(),
});

export const FollowUpAccount = z.object({
  /** counterparty account or card number as the returns print it */
  account: z.string(),
  /** card (passes Luhn), account, wechat, alipay, merchant */
  kind: z.enum(['card', 'account', 'wechat', 'alipay', 'merchant']),
  holderName: z.string().nullable(),
  holderId: z.string().nullable(),
  /** where to send the request */
  institution: z.string(),
  /** how the institution is known: the returns' 对手开户行, the BIN table, the number's format, or not at all */
  institutionSource: z.enum(['counterparty-bank', 'bin', 'number-format', 'unknown']),
  /** banks the BIN table gives for a card (more than one when the table conflicts) */
  binBanks: z.array(z.string()),
  count: z.number().int(),
  sumMinor: z.number().int(),
  firstUtc: z.number().nullable(),
  lastUtc: z.number().nullable(),
  senders: z.array(FollowUpSender),
});

export const FollowUpGroup = z.object({
  institution: z.string(),
  accounts: z.array(FollowUpAccount),
  count: z.number().int(),
  sumMinor: z.number().int(),
});

export const FollowUpList = z.object({
  groups: z.array(FollowUpGroup),
  accounts: z.number().int(),
  sumMinor: z.number().int(),
  currency: z.string(),
});

export const FollowUpExport = z.object({ path: z.string(), file: z.string(), accounts: z.number().int() });
