import { describe, expect, it } from 'vitest';
import { apportion } from '@shared/analytics/lot-book';
import { trace, type Ledger, type LedgerRow, type TraceParams, type TraceResult } from '@shared/analytics/trace';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A statement row: `+` in, `-` out; balance after the row when the bank printed one. */
function row(id: number, minutes: number, amount: number, counterparty: string | null, extra: Partial<LedgerRow> = {}): LedgerRow {
  return { id, ts: minutes * MIN, amountMinor: amount, counterparty, mirrorId: null, balanceMinor: null, ...extra };
}

/** The case's statements, account → rows in statement order; rowsNaming scans the others. */
function ledgerOf(statements: Record<string, LedgerRow[]>): Ledger {
  return {
    hasStatement: (account) => account in statements,
    rows: (account, from, to) => (statements[account] ?? []).filter((r) => r.ts >= from && r.ts <= to),
    rowsNaming: (account, from, to) =>
      Object.entries(statements).flatMap(([owner, rows]) => rows.filter((r) => r.counterparty === account && r.ts >= from && r.ts <= to).map((r) => ({ account: owner, row: r }))),
  };
}

const base: TraceParams = { seeds: ['S'], direction: 'forward', hops: 2, windowMs: 2 * HOUR, minAmountMinor: 0, tolerance: 1, attribution: 'fifo' };

/** hop table as [level, from, to, amount, attributed] rows: what the hop table on screen shows */
const table = (result: TraceResult) => result.hops.map((h) => [h.level, h.from, h.to, h.amountMinor, h.attributedMinor]);
const retainedTotal = (result: TraceResult) => Object.values(result.retainedMinor).reduce((a, b) => a + b, 0);

describe('forward trace (去向) through a mixing account', () => {
  // S pays M 1,000. M already held 500 of other money (balance 1,500 after S's money arrived), then pays X 600 and
  // Y 900 within the window.
  const statements = {
    S: [row(1, 0, -1000, 'M', { mirrorId: 11 })],
    M: [
      row(10, -60, 500, 'Z', { balanceMinor: 500 }),
      row(11, 0, 1000, 'S', { mirrorId: 1, balanceMinor: 1500 }),
      row(12, 30, -600, 'X', { balanceMinor: 900 }),
      row(13, 60, -900, 'Y', { balanceMinor: 0 }),
    ],
  };

  it('FIFO: the 500 already there leaves first, so X gets 100 of the seed money and Y 900', () => {
    // queue at M: [other 500][seed 1,000]
    // pay X 600 = other 500 + seed 100  → M→X attributed 100
    // pay Y 900 = seed 900               → M→Y attributed 900
    // M keeps 1,000 − (100 + 900) = 0; X and Y are the last hop and keep what reached them
    const result = trace(base, ledgerOf(statements));
    expect(result.seedAmountMinor).toBe(1000);
    expect(table(result)).toEqual([
      [1, 'S', 'M', 1000, 1000],
      [2, 'M', 'Y', 900, 900],
      [2, 'M', 'X', 600, 100],
    ]);
    expect(result.retainedMinor).toEqual({ X: 100, Y: 900 });
    expect(retainedTotal(result)).toBe(result.seedAmountMinor);
  });

  it('proportional: every payment carries the seed share of the balance, 2/3', () => {
    // balance at M: other 500 + seed 1,000 = 1,500, seed share 2/3
    // pay X 600: seed 600 × 1,000/1,500 = 400, other 200   → left: seed 600, other 300
    // pay Y 900: seed 900 × 600/900 = 600, other 300        → left: nothing
    const result = trace({ ...base, attribution: 'proportional' }, ledgerOf(statements));
    expect(table(result)).toEqual([
      [1, 'S', 'M', 1000, 1000],
      [2, 'M', 'Y', 900, 600],
      [2, 'M', 'X', 600, 400],
    ]);
    expect(result.retainedMinor).toEqual({ X: 400, Y: 600 });
  });

  it('a tolerance of 0.5 follows only payments at least half made of the seed money', () => {
    // FIFO: X's 600 carries 100 (17 %) → not followed, those 100 stay at M; Y's 900 carries 900 (100 %)
    const fifo = trace({ ...base, tolerance: 0.5 }, ledgerOf(statements));
    expect(table(fifo)).toEqual([
      [1, 'S', 'M', 1000, 1000],
      [2, 'M', 'Y', 900, 900],
    ]);
    expect(fifo.retainedMinor).toEqual({ M: 100, Y: 900 });
    // proportional: 400/600 = 67 % and 600/900 = 67 % → both followed
    const proportional = trace({ ...base, tolerance: 0.5, attribution: 'proportional' }, ledgerOf(statements));
    expect(proportional.hops).toHaveLength(3);
  });

  it('reads the balance before the trace from the printed balance even when earlier rows are outside the window', () => {
    // a window of 2 h loads M from −15 min: row 10 (−60 min) is not read, the balance 1,500 − 1,000 = 500 is
    const result = trace(base, ledgerOf(statements));
    expect(result.unknownBalance).toEqual([]);
    const noBalances = { S: statements.S, M: statements.M.map((r) => ({ ...r, balanceMinor: null })) };
    // without balances the 500 is unknown and the seed money leaves first: X 600 (all seed), Y 400 (rest)
    const blind = trace(base, ledgerOf(noBalances));
    expect(blind.unknownBalance).toEqual(['M']);
    expect(blind.retainedMinor).toEqual({ X: 600, Y: 400 });
  });
});

describe('forward trace: what stays (沉淀)', () => {
  // M receives 1,000 and has nothing else: cash 50, 30 to Q, 920 to R five hours later
  const statements = {
    S: [row(1, 0, -1000, 'M', { mirrorId: 11 })],
    M: [
      row(11, 0, 1000, 'S', { mirrorId: 1, balanceMinor: 1000 }),
      row(12, 10, -50, null, { balanceMinor: 950 }),
      row(13, 20, -30, 'Q', { balanceMinor: 920 }),
      row(14, 300, -920, 'R', { balanceMinor: 0 }),
    ],
  };

  it('keeps cash, payments under the minimum and money held beyond the window at the account', () => {
    // window 3 h: R's payment at 5 h is too late; min 100: Q's 30 is too small; cash has no counterparty
    const result = trace({ ...base, windowMs: 3 * HOUR, minAmountMinor: 100 }, ledgerOf(statements));
    expect(table(result)).toEqual([[1, 'S', 'M', 1000, 1000]]);
    expect(result.retainedMinor).toEqual({ M: 1000 });
  });

  it('follows the late payment when the window allows it', () => {
    // window 6 h: cash 50 and Q's 30 stay at M (50 + 30 = 80), R gets 920
    const result = trace({ ...base, windowMs: 6 * HOUR, minAmountMinor: 100 }, ledgerOf(statements));
    expect(table(result)).toEqual([
      [1, 'S', 'M', 1000, 1000],
      [2, 'M', 'R', 920, 920],
    ]);
    expect(result.retainedMinor).toEqual({ M: 80, R: 920 });
  });

  it('never lets a payment made before the money arrived carry it', () => {
    // M pays 1,000 to R ten minutes before S's money arrives: with an empty balance that payment carries none of it
    const early = {
      S: [row(1, 0, -1000, 'M', { mirrorId: 11 })],
      M: [row(10, -10, -1000, 'R', { balanceMinor: 0 }), row(11, 0, 1000, 'S', { mirrorId: 1, balanceMinor: 1000 })],
    };
    const result = trace(base, ledgerOf(early));
    expect(table(result)).toEqual([[1, 'S', 'M', 1000, 1000]]);
    expect(result.retainedMinor).toEqual({ M: 1000 });
  });

  it('keeps money that comes back to a seed there (回流) instead of following it round again', () => {
    const loop = {
      S: [row(1, 0, -1000, 'M', { mirrorId: 11 }), row(2, 30, 1000, 'M', { mirrorId: 12 })],
      M: [row(11, 0, 1000, 'S', { mirrorId: 1, balanceMinor: 1000 }), row(12, 30, -1000, 'S', { mirrorId: 2, balanceMinor: 0 })],
    };
    const result = trace({ ...base, hops: 4 }, ledgerOf(loop));
    expect(table(result)).toEqual([
      [1, 'S', 'M', 1000, 1000],
      [2, 'M', 'S', 1000, 1000],
    ]);
    expect(result.retainedMinor).toEqual({ S: 1000 });
  });

  it('starts from a seed whose statement the case lacks through the rows that name it', () => {
    // V (a victim, no statement) appears in M's statement as the payer of 1,000
    const victim = {
      M: [row(11, 0, 1000, 'V', { balanceMinor: 1000 }), row(12, 30, -1000, 'R', { balanceMinor: 0 })],
    };
    const result = trace({ ...base, seeds: ['V'] }, ledgerOf(victim));
    expect(table(result)).toEqual([
      [1, 'V', 'M', 1000, 1000],
      [2, 'M', 'R', 1000, 1000],
    ]);
    expect(result.hops[0]?.txns[0]).toMatchObject({ id: 11, account: 'M' });
  });
});

describe('backward trace (来源)', () => {
  // T received 800 from B. B had received 500 from P1 and 700 from P2, paid 300 to K, then 800 to T.
  const statements = {
    T: [row(30, 180, 800, 'B', { mirrorId: 23 })],
    B: [
      row(20, 0, 500, 'P1', { balanceMinor: 500 }),
      row(21, 60, 700, 'P2', { balanceMinor: 1200 }),
      row(22, 120, -300, 'K', { balanceMinor: 900 }),
      row(23, 180, -800, 'T', { mirrorId: 30, balanceMinor: 100 }),
    ],
  };
  const back: TraceParams = { ...base, seeds: ['T'], direction: 'backward', windowMs: 24 * HOUR };

  it('FIFO: the 800 came from the rest of P1 (200) and from P2 (600)', () => {
    // queue at B: [P1 500][P2 700]
    // pay K 300 = P1 300                       → left [P1 200][P2 700]
    // pay T 800 = P1 200 + P2 600              → sources of T's money: P1 200, P2 600
    const result = trace(back, ledgerOf(statements));
    expect(result.seedAmountMinor).toBe(800);
    expect(table(result)).toEqual([
      [1, 'B', 'T', 800, 800],
      [2, 'P2', 'B', 700, 600],
      [2, 'P1', 'B', 500, 200],
    ]);
    expect(result.retainedMinor).toEqual({ P1: 200, P2: 600 });
  });

  it('proportional: each payment is a mix of everything in the account', () => {
    // after both receipts: P1 500, P2 700 (1,200)
    // pay K 300: P1 300 × 500/1,200 = 125, P2 175       → left P1 375, P2 525 (900)
    // pay T 800: P1 800 × 375/900 = 333.33, P2 800 × 525/900 = 466.67
    //            whole 分: 333 + 466 = 799, the last 分 to the larger remainder (P2 .67) → P1 333, P2 467
    const result = trace({ ...back, attribution: 'proportional' }, ledgerOf(statements));
    expect(table(result)).toEqual([
      [1, 'B', 'T', 800, 800],
      [2, 'P2', 'B', 700, 467],
      [2, 'P1', 'B', 500, 333],
    ]);
  });

  it('counts only money that came in within the window before the payment; older money is B\'s own', () => {
    // window 2 h before the 3 h payment: P1's receipt at 0 h is too old. B's balance before 1 h (printed 1,200 −
    // 700 = 500) is its own money and leaves first (FIFO): K 300 own; T 800 = own 200 + P2 600 → B keeps 200
    const result = trace({ ...back, windowMs: 2 * HOUR }, ledgerOf(statements));
    expect(table(result)).toEqual([
      [1, 'B', 'T', 800, 800],
      [2, 'P2', 'B', 700, 600],
    ]);
    expect(result.retainedMinor).toEqual({ B: 200, P2: 600 });
    expect(retainedTotal(result)).toBe(800);
  });
});

describe('apportion (whole 分, largest remainder)', () => {
  it('splits exactly, remainders to the largest fractions', () => {
    // 100 over 1:1:1 = 33.33 each → 34, 33, 33 (tie: the earlier one)
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 800 over 375:525 → 333.33 / 466.67 → 333, 467
    expect(apportion(800, [375, 525])).toEqual([333, 467]);
    // amounts whose products leave the safe-integer range still add up
    const big = apportion(9_000_000_000_000, [3_000_000_001, 6_000_000_002, 1]);
    expect(big.reduce((a, b) => a + b, 0)).toBe(9_000_000_000_000);
  });
});
