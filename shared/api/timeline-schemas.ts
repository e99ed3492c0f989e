import { z } from 'zod';

/**
 * The timeline (ISSUE 6 §3): transactions and messages on one time axis, one swimlane per account, conversation or
 * chat handle. Times cross the wire as UTC epoch milliseconds; the display zone is the client's business, except for
 * the heat map, whose hours and weekdays only exist in a zone.
 */

/** `all`: every transaction (or message) of the case in one lane, the case's overall rhythm */
export const LaneKind = z.enum(['all', 'account', 'conversation', 'handle']);

/** `all:txn`, `all:message`, `account:12`, `conversation:3`, `handle:40` */
export const LaneId = z.string().regex(/^(?:(?:account|conversation|handle):\d{1,12}|all:(?:txn|message))$/, 'a lane id such as account:12');

export const EventKind = z.enum(['txn', 'message']);

export const TimelineLane = z.object({
  id: LaneId,
  kind: LaneKind,
  /** holder name, conversation title or handle name (seized text: show as text only) */
  label: z.string(),
  /** account number and bank, conversation kind, handle id (data, not words) */
  detail: z.string(),
  /** account kind (bank, alipay, tenpay …) or chat platform (wechat, qq …); null for the aggregate lanes */
  platform: z.string().nullable(),
  /** records in the lane, every one (duplicates and bank-failed rows included) */
  count: z.number().int(),
  firstUtc: z.number().nullable(),
  lastUtc: z.number().nullable(),
});

export const LanesOutput = z.object({
  /** the aggregate lanes first, then accounts, conversations and handles, each busiest first */
  lanes: z.array(TimelineLane),
  /** what to show first: the aggregate lanes, the busiest accounts and the busiest conversations */
  defaultLanes: z.array(LaneId),
  /** first and last instant of any transaction or message; null for an empty case */
  range: z.object({ firstUtc: z.number(), lastUtc: z.number() }).nullable(),
  /** lanes left out of the list because there were more than it holds, per kind */
  omitted: z.object({ account: z.number().int(), conversation: z.number().int(), handle: z.number().int() }),
});

/** Which transaction rows count. By default neither duplicate rows nor rows the bank marked failed. */
export const TxnScope = z.object({
  duplicates: z.boolean().default(false),
  failed: z.boolean().default(false),
});

const RangeFields = { from: z.number().int(), to: z.number().int() };
const LaneList = z.array(LaneId).min(1).max(200);

export const DensityInput = z
  .object({
    ...RangeFields,
    buckets: z.number().int().min(1).max(2000),
    lanes: LaneList,
    kinds: z.array(EventKind).min(1).default(['txn', 'message']),
    scope: TxnScope.default({ duplicates: false, failed: false }),
  })
  .refine((r) => r.to > r.from, { message: 'to must be after from' });

export const MoneyBuckets = z.object({
  currency: z.string(),
  /** per bucket, in minor units (分) */
  inMinor: z.array(z.number().int()),
  outMinor: z.array(z.number().int()),
});

export const DensityLane = z.object({
  lane: LaneId,
  counts: z.array(z.number().int()),
  /** transaction lanes only: sums per currency, never mixed */
  money: z.array(MoneyBuckets),
});

export const Density = z.object({
  from: z.number().int(),
  to: z.number().int(),
  bucketMs: z.number().int(),
  buckets: z.number().int(),
  lanes: z.array(DensityLane),
  /** events in the range over all lanes asked for */
  total: z.number().int(),
});

export const TimelineEvent = z.object({
  type: EventKind,
  id: z.number().int(),
  lane: LaneId,
  utcMs: z.number(),
  /** txn: amount and direction; message: the amount a transfer/red-packet message carries, if any */
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  direction: z.enum(['in', 'out']).nullable(),
  /** txn: the own account (holder name, else number); message: the conversation's title */
  party: z.string().nullable(),
  /** txn: counterparty name (or account); message: sender */
  who: z.string().nullable(),
  /** txn: summary; message: the first characters of its text */
  text: z.string(),
  /** txn flags and message type, for colour and legend */
  flags: z.array(z.enum(['failed', 'duplicate', 'mirror', 'balance-break', 'reversal', 'outgoing', 'flagged'])),
  /** message type (text, transfer, red-packet …) or null for a transaction */
  messageType: z.string().nullable(),
});

export const EventsInput = z
  .object({
    ...RangeFields,
    lanes: LaneList,
    kinds: z.array(EventKind).min(1).default(['txn', 'message']),
    scope: TxnScope.default({ duplicates: false, failed: false }),
    limit: z.number().int().min(1).max(5000).default(2000),
  })
  .refine((r) => r.to > r.from, { message: 'to must be after from' });

export const EventsOutput = z.object({
  events: z.array(TimelineEvent),
  /** events in the range; more than returned when truncated */
  total: z.number().int(),
  truncated: z.boolean(),
});

export const BrushInput = z
  .object({
    ...RangeFields,
    lanes: LaneList,
    kinds: z.array(EventKind).min(1).default(['txn', 'message']),
    scope: TxnScope.default({ duplicates: false, failed: false }),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .refine((r) => r.to > r.from, { message: 'to must be after from' });

export const BrushOutput = z.object({
  items: z.array(TimelineEvent),
  total: z.number().int(),
  offset: z.number().int(),
  /** per kind, for the panel's heading */
  txns: z.number().int(),
  messages: z.number().int(),
});

export const SelectionInput = z
  .object({
    ...RangeFields,
    lanes: LaneList,
    kinds: z.array(EventKind).min(1).default(['txn', 'message']),
    scope: TxnScope.default({ duplicates: false, failed: false }),
  })
  .refine((r) => r.to > r.from, { message: 'to must be after from' });

/** Most items one selection hands over (the tagging call's own limit). */
export const MAX_SELECTION_ITEMS = 100_000;

export const SelectionOutput = z.object({
  items: z.array(z.object({ type: EventKind, id: z.number().int() })),
  /** items in the period; more than `items` holds when it passed MAX_SELECTION_ITEMS */
  total: z.number().int(),
});

export const HeatmapInput = z.object({
  /** the display zone: hours and weekdays are read on its wall clock */
  zone: z.string().min(1).max(64),
  lanes: LaneList.optional(),
  kinds: z.array(EventKind).min(1).default(['txn', 'message']),
  scope: TxnScope.default({ duplicates: false, failed: false }),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
});

export const HeatmapCell = z.object({
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  count: z.number().int(),
  /** of those, on a public holiday (放假) */
  holidays: z.number().int(),
  /** of those, on a 调休 working day (a weekend day worked) */
  makeupWorkdays: z.number().int(),
  /** 22:00–06:00 */
  night: z.boolean(),
});

export const Heatmap = z.object({
  zone: z.string(),
  cells: z.array(HeatmapCell),
  total: z.number().int(),
  night: z.number().int(),
  holidays: z.number().int(),
  makeupWorkdays: z.number().int(),
  /** events on dates of years the holiday calendar does not cover (counted as weekend/workday only) */
  uncovered: z.number().int(),
  /** the night hours: from `nightFrom`:00 to `nightTo`:00 */
  nightFrom: z.number().int(),
  nightTo: z.number().int(),
  /** the holidays met, per festival and year, with the notice that declared them */
  festivals: z.array(
    z.object({ festival: z.string(), name: z.string(), firstDate: z.string(), lastDate: z.string(), events: z.number().int(), notice: z.string() }),
  ),
  calendarYears: z.array(z.number().int()),
});

export const CalendarInput = z.object({
  fromDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  toDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** A public holiday or 调休 working day, for shading the time axis. */
export const CalendarDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'makeup-workday']),
  name: z.string(),
});

export const CalendarOutput = z.object({ days: z.array(CalendarDay), years: z.array(z.number().int()) });

export const TimelineTxn = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountLabel: z.string(),
  accountNumber: z.string(),
  utcMs: z.number().nullable(),
  timeText: z.string(),
  offsetMinutes: z.number().int().nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  direction: z.enum(['in', 'out']).nullable(),
  directionRaw: z.string(),
  balanceMinor: z.number().int().nullable(),
  counterpartyName: z.string().nullable(),
  counterpartyAccount: z.string().nullable(),
  counterpartyBank: z.string().nullable(),
  summary: z.string().nullable(),
  channel: z.string().nullable(),
  succeeded: z.boolean(),
  failReason: z.string().nullable(),
  dupOf: z.number().int().nullable(),
  mirrorId: z.number().int().nullable(),
  reversalOf: z.number().int().nullable(),
  balanceExpected: z.number().int().nullable(),
  source: z.object({ sourceId: z.number().int(), file: z.string(), sheet: z.string(), line: z.number().int(), rowHash: z.string() }),
});
