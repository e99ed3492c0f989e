import { UNTRACKED, apportion, createLotBook, type Attribution } from './lot-book';

/**
 * Fund tracing (资金穿透, DOMAIN.md §2): from one or more seed accounts, hop by hop, forward (去向: where the seeds'
 * money went) or backward (来源: where the money the seeds received came from).
 *
 * Each account a trace reaches is replayed from its own statement as a book of lots (lot-book.ts). Forward, the
 * money that arrived from the trace is a followed lot; an outgoing payment carries whatever the attribution rule
 * (FIFO or proportional) gives it of that lot, and only when it leaves no earlier than the money arrived and within
 * the window. Backward, every incoming payment is a lot; the payment the trace asks about takes its share of the
 * lots, and the lots it takes that arrived within the window before it are its sources. Whatever a reached account
 * does not pass on (cash, fees, payments below the minimum, money kept beyond the window, the last hop) stays
 * there: 沉淀, `retainedMinor`. Retained amounts add up to the seed amount.
 *
 * Each hop level is replayed on its own: money coming back to an account at a later level (a loop) is followed
 * again at that level, never mixed with the earlier one.
 */

export type { Attribution } from './lot-book';
export type TraceDirection = 'forward' | 'backward';

/** One successful, non-duplicate row of an account's statement, as the tracer reads it. */
export interface LedgerRow {
  id: number;
  /** UTC epoch ms */
  ts: number;
  /** signed: negative = out of the account */
  amountMinor: number;
  /** the other side as a node key, or null when the row names none (cash, fees, interest) */
  counterparty: string | null;
  /** the other leg of the same transfer in the other account's statement */
  mirrorId: number | null;
  /** balance after the row, as printed */
  balanceMinor: number | null;
  /** this row reverses (冲正/退回) that row */
  reversalOf?: number | null;
}

/** A row of another account's statement that names the asked-for account as its counterparty. */
export interface NamingRow {
  account: string;
  row: LedgerRow;
}

export interface Ledger {
  /** the case holds a statement of this account */
  hasStatement(account: string): boolean;
  /** its rows with fromMs ≤ ts ≤ toMs, in statement order (time, then row order) */
  rows(account: string, fromMs: number, toMs: number): readonly LedgerRow[];
  /** rows in other statements naming this account (for seeds whose own statement the case lacks) */
  rowsNaming(account: string, fromMs: number, toMs: number): readonly NamingRow[];
}

export interface TraceParams {
  seeds: readonly string[];
  direction: TraceDirection;
  /** how many hops to follow (1 = the seeds' own counterparties) */
  hops: number;
  /** a payment carries money on only within this time after it arrived (backward: came in within it before) */
  windowMs: number;
  /** payments smaller than this are not followed (their share stays where it is) */
  minAmountMinor: number;
  /**
   * a payment is followed only when the traced money makes up at least (1 − tolerance) of it: 0 = only payments
   * made entirely of the traced money, 1 = any payment carrying some of it
   */
  tolerance: number;
  attribution: Attribution;
  /** which of the seeds' payments start the trace (default: all) */
  seedFromMs?: number | null | undefined;
  seedToMs?: number | null | undefined;
  /** the two banks may stamp the legs of one transfer this far apart */
  skewMs?: number | undefined;
  /** stop adding hop rows beyond this many (the rest is reported as retained, and `truncated` is set) */
  maxHopTxns?: number | undefined;
}

export interface HopTxn {
  /** the row in the statement it was read from */
  id: number;
  /** whose statement holds `id` */
  account: string;
  /** the other leg, when the case holds it */
  mirrorId: number | null;
  ts: number;
  amountMinor: number;
  attributedMinor: number;
}

export interface TraceHop {
  /** 1 = from (or, backward, into) a seed */
  level: number;
  from: string;
  to: string;
  /** what the payments on this hop add up to */
  amountMinor: number;
  /** how much of them is the seeds' money */
  attributedMinor: number;
  txns: HopTxn[];
}

export interface TraceResult {
  direction: TraceDirection;
  attribution: Attribution;
  /** forward: what left the seeds; backward: what the seeds received */
  seedAmountMinor: number;
  hops: TraceHop[];
  /** 沉淀: what each account kept (forward) or where the sources end (backward) */
  retainedMinor: Record<string, number>;
  /** accounts replayed without a printed balance: their balance before the trace was taken as 0 */
  unknownBalance: string[];
  truncated: boolean;
}

export const DEFAULT_SKEW_MS = 15 * 60 * 1000;
export const DEFAULT_MAX_HOP_TXNS = 20_000;

/** Money handed to an account at one level: which of its rows it is (null when the case lacks it), when, how much. */
interface Handover {
  row: number | null;
  /** the account on the other side of this transfer */
  peer: string;
  ts: number;
  attributed: number;
}

class TraceState {
  readonly hops = new Map<string, TraceHop>();
  readonly hopTxnIndex = new Map<string, HopTxn>();
  readonly retained = new Map<string, number>();
  readonly unknownBalance = new Set<string>();
  txnCount = 0;
  truncated = false;

  constructor(readonly maxTxns: number) {}

  full(): boolean {
    if (this.txnCount >= this.maxTxns) this.truncated = true;
    return this.truncated;
  }

  retain(account: string, amount: number): void {
    if (amount === 0) return;
    this.retained.set(account, (this.retained.get(account) ?? 0) + amount);
  }

  hop(level: number, from: string, to: string, statement: string, row: LedgerRow, attributed: number): void {
    const key = `${level}\u0000${from}\u0000${to}`;
    let hop = this.hops.get(key);
    if (!hop) {
      hop = { level, from, to, amountMinor: 0, attributedMinor: 0, txns: [] };
      this.hops.set(key, hop);
    }
    hop.attributedMinor += attributed;
    const txnKey = `${key}\u0000${row.id}`;
    const known = this.hopTxnIndex.get(txnKey);
    if (known) {
      known.attributedMinor += attributed;
      return;
    }
    const amount = Math.abs(row.amountMinor);
    const txn: HopTxn = { id: row.id, account: statement, mirrorId: row.mirrorId, ts: row.ts, amountMinor: amount, attributedMinor: attributed };
    hop.txns.push(txn);
    hop.amountMinor += amount;
    this.hopTxnIndex.set(txnKey, txn);
    this.txnCount += 1;
  }
}

export function trace(params: TraceParams, ledger: Ledger): TraceResult {
  const hops = Math.max(1, Math.floor(params.hops));
  const seeds = new Set(params.seeds);
  const state = new TraceState(params.maxHopTxns ?? DEFAULT_MAX_HOP_TXNS);
  const skew = params.skewMs ?? DEFAULT_SKEW_MS;
  const share = 1 - Math.min(1, Math.max(0, params.tolerance));
  const fromMs = params.seedFromMs ?? Number.MIN_SAFE_INTEGER;
  const toMs = params.seedToMs ?? Number.MAX_SAFE_INTEGER;
  const forward = params.direction === 'forward';

  // level 1: every payment of the seeds (out forward, in backward) to or from an account outside them
  let level = new Map<string, Handover[]>();
  let seedAmount = 0;
  const hand = (target: Map<string, Handover[]>, account: string, handover: Handover): void => {
    const list = target.get(account);
    if (list) list.push(handover);
    else target.set(account, [handover]);
  };
  for (const seed of params.seeds) {
    const own = ledger.hasStatement(seed);
    const rows: { statement: string; row: LedgerRow; other: string | null }[] = own
      ? ledger.rows(seed, fromMs, toMs).map((row) => ({ statement: seed, row, other: row.counterparty }))
      : ledger.rowsNaming(seed, fromMs, toMs).map((naming) => ({ statement: naming.account, row: { ...naming.row, amountMinor: -naming.row.amountMinor }, other: naming.account }));
    const reversed = reversedIds(rows.map((r) => r.row));
    for (const { statement, row, other } of rows) {
      // in the seed's own terms: forward follows its payments out, backward its receipts
      const outgoing = row.amountMinor < 0;
      if (outgoing !== forward || other === null || seeds.has(other) || reversed.has(row.id)) continue;
      const amount = Math.abs(row.amountMinor);
      if (amount < params.minAmountMinor || amount === 0) continue;
      if (state.full()) break;
      seedAmount += amount;
      const [from, to] = forward ? [seed, other] : [other, seed];
      // the row as its own statement has it (a naming row's sign was flipped above to read it as the seed's)
      const stored = own ? row : { ...row, amountMinor: -row.amountMinor };
      state.hop(1, from, to, statement, stored, amount);
      // the next account's own row for this transfer: the mirror leg, or the naming row itself
      hand(level, other, { row: own ? row.mirrorId : row.id, peer: seed, ts: row.ts, attributed: amount });
    }
  }

  for (let depth = 1; depth <= hops && level.size > 0; depth += 1) {
    const next = new Map<string, Handover[]>();
    for (const [account, handovers] of level) {
      const total = handovers.reduce((sum, h) => sum + h.attributed, 0);
      // the last hop, a seed (the money came back), an account without a statement: it stays there
      if (depth === hops || seeds.has(account) || !ledger.hasStatement(account) || state.full()) {
        state.retain(account, total);
        continue;
      }
      const passed = forward
        ? replayForward(account, handovers, depth, params, share, skew, ledger, state, (to, h) => hand(next, to, h))
        : replayBackward(account, handovers, depth, params, share, skew, ledger, state, (from, h) => hand(next, from, h));
      state.retain(account, total - passed);
    }
    level = next;
  }

  const hopList = [...state.hops.values()].sort((a, b) => a.level - b.level || b.attributedMinor - a.attributedMinor || compareText(a.from, b.from) || compareText(a.to, b.to));
  for (const hop of hopList) hop.txns.sort((a, b) => a.ts - b.ts || a.id - b.id);
  return {
    direction: params.direction,
    attribution: params.attribution,
    seedAmountMinor: seedAmount,
    hops: hopList,
    retainedMinor: Object.fromEntries([...state.retained.entries()].filter(([, v]) => v !== 0).sort(([a], [b]) => compareText(a, b))),
    unknownBalance: [...state.unknownBalance].sort(),
    truncated: state.truncated,
  };
}

/** Rows that a later row of the same statement reverses, and the reversals themselves: neither moved money. */
function reversedIds(rows: readonly LedgerRow[]): Set<number> {
  const ids = new Set<number>();
  const present = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    if (row.reversalOf !== null && row.reversalOf !== undefined && present.has(row.reversalOf)) {
      ids.add(row.id);
      ids.add(row.reversalOf);
    }
  }
  return ids;
}

/** The balance before the first row: a printed balance read back through the rows before it, else 0 (noted). */
function openingBalance(account: string, rows: readonly LedgerRow[], state: TraceState): number {
  let moved = 0;
  for (const row of rows) {
    moved += row.amountMinor;
    if (row.balanceMinor !== null) return Math.max(0, row.balanceMinor - moved);
  }
  if (rows.length > 0) state.unknownBalance.add(account);
  return 0;
}

type Emit = (account: string, handover: Handover) => void;

/**
 * Forward at one account: the money handed over arrives as followed lots (labels in arrival order); each outgoing
 * payment takes its lots; the followed part of a payment that qualifies becomes a hop. Returns what was passed on.
 */
function replayForward(
  account: string,
  handovers: readonly Handover[],
  depth: number,
  params: TraceParams,
  share: number,
  skew: number,
  ledger: Ledger,
  state: TraceState,
  emit: Emit,
): number {
  const arrivals = [...handovers].sort((a, b) => a.ts - b.ts);
  const first = arrivals[0]?.ts ?? 0;
  const last = arrivals[arrivals.length - 1]?.ts ?? 0;
  const rows = ledger.rows(account, first - skew, last + params.windowMs);
  const reversed = reversedIds(rows);
  const byRow = new Map<number, number>();
  const loose: number[] = [];
  const ids = new Set(rows.map((row) => row.id));
  arrivals.forEach((arrival, label) => {
    if (arrival.row !== null && ids.has(arrival.row) && !byRow.has(arrival.row)) byRow.set(arrival.row, label);
    else loose.push(label);
  });
  const book = createLotBook(params.attribution);
  book.add(UNTRACKED, openingBalance(account, rows, state));
  let nextLoose = 0;
  let expired = 0;
  let passed = 0;
  for (const row of rows) {
    // money known to have arrived without a row of its own here comes in at its own time
    while (nextLoose < loose.length) {
      const label = loose[nextLoose] ?? 0;
      const arrival = arrivals[label];
      if (!arrival || arrival.ts > row.ts) break;
      book.add(label, arrival.attributed);
      nextLoose += 1;
    }
    if (reversed.has(row.id)) continue;
    const amount = Math.abs(row.amountMinor);
    if (row.amountMinor > 0) {
      const label = byRow.get(row.id);
      const followed = label === undefined ? 0 : Math.min(amount, arrivals[label]?.attributed ?? 0);
      if (label !== undefined) book.add(label, followed);
      book.add(UNTRACKED, amount - followed);
      continue;
    }
    // money that arrived longer ago than the window no longer travels with this trace
    while (expired < arrivals.length && (arrivals[expired]?.ts ?? 0) + params.windowMs < row.ts) expired += 1;
    book.expireBefore(expired);
    const portions = book.take(amount);
    const carried = portions.reduce((sum, p) => sum + (p.label >= 0 ? p.amount : 0), 0);
    if (carried === 0 || row.counterparty === null || amount < params.minAmountMinor || carried < share * amount || state.full()) continue;
    state.hop(depth + 1, account, row.counterparty, account, row, carried);
    emit(row.counterparty, { row: row.mirrorId, peer: account, ts: row.ts, attributed: carried });
    passed += carried;
  }
  return passed;
}

/**
 * Backward at one account: every incoming payment is a lot labelled by its position; each payment the trace asks
 * about takes its lots, scaled to the part asked for; lots that came in within the window before it and qualify are
 * its sources, each a hop one level up. Returns the part of the demand that was traced to sources.
 */
function replayBackward(
  account: string,
  handovers: readonly Handover[],
  depth: number,
  params: TraceParams,
  share: number,
  skew: number,
  ledger: Ledger,
  state: TraceState,
  emit: Emit,
): number {
  const demands = [...handovers].sort((a, b) => a.ts - b.ts);
  const first = demands[0]?.ts ?? 0;
  const last = demands[demands.length - 1]?.ts ?? 0;
  const rows = ledger.rows(account, first - params.windowMs, last + skew);
  const reversed = reversedIds(rows);
  // which row each demand is: its own row id, else the nearest unclaimed payment out of the same amount near its time
  const demandOf = new Map<number, number>();
  for (const demand of demands) {
    let row = demand.row !== null ? rows.find((r) => r.id === demand.row && r.amountMinor < 0) : undefined;
    row ??= rows
      .filter((r) => r.amountMinor < 0 && r.counterparty === demand.peer && -r.amountMinor >= demand.attributed && Math.abs(r.ts - demand.ts) <= skew && !demandOf.has(r.id))
      .sort((a, b) => Math.abs(a.ts - demand.ts) - Math.abs(b.ts - demand.ts))[0];
    // a demand without a row here cannot be traced further: it stays at this account
    if (row) demandOf.set(row.id, (demandOf.get(row.id) ?? 0) + demand.attributed);
  }
  const book = createLotBook(params.attribution);
  book.add(UNTRACKED, openingBalance(account, rows, state));
  const sourceOf = new Map<number, number>();
  let expired = 0;
  rows.forEach((row, index) => {
    if (reversed.has(row.id)) return;
    const amount = Math.abs(row.amountMinor);
    if (row.amountMinor > 0) {
      const followable = row.counterparty !== null && amount >= params.minAmountMinor;
      book.add(followable ? index : UNTRACKED, amount);
      return;
    }
    while (expired < index && (rows[expired]?.ts ?? 0) < row.ts - params.windowMs) expired += 1;
    book.expireBefore(expired);
    const portions = book.take(amount);
    const asked = Math.min(amount, demandOf.get(row.id) ?? 0);
    if (asked === 0) return;
    const scaled = apportion(asked, portions.map((p) => p.amount));
    portions.forEach((portion, i) => {
      const part = scaled[i] ?? 0;
      if (portion.label >= 0 && part > 0) sourceOf.set(portion.label, (sourceOf.get(portion.label) ?? 0) + part);
    });
  });
  let traced = 0;
  for (const [index, attributed] of [...sourceOf.entries()].sort(([a], [b]) => a - b)) {
    const row = rows[index];
    if (!row || row.counterparty === null || attributed < share * row.amountMinor || state.full()) continue;
    state.hop(depth + 1, row.counterparty, account, account, row, attributed);
    emit(row.counterparty, { row: row.mirrorId, peer: account, ts: row.ts, attributed });
    traced += attributed;
  }
  return traced;
}

/** Code-unit order: stable and fast (localeCompare's collation costs seconds on 100,000 keys). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
