/**
 * An account's balance as labelled lots of money, for fund tracing (资金穿透): what an outgoing payment carries is
 * decided by the attribution rule. FIFO (先进先出): a payment takes the oldest money first. Proportional (按比例, the
 * "haircut" rule): a payment takes from every lot in proportion to its size at that moment. All amounts are integer
 * minor units; shares are apportioned by largest remainder, so they always add up exactly.
 */

/** Money whose origin is not followed: the balance before the trace, other inflows, expired or overdrawn money. */
export const UNTRACKED = -1;

export interface Portion {
  label: number;
  amount: number;
}

export interface LotBook {
  /** money arriving, labelled (a label ≥ 0 is followed; UNTRACKED is not) */
  add(label: number, amount: number): void;
  /** money leaving: which lots it takes; more than the balance holds comes out UNTRACKED (overdraft, unknown opening balance) */
  take(amount: number): Portion[];
  /** relabel every lot with 0 ≤ label < limit as UNTRACKED (labels are handed out in time order) */
  expireBefore(limit: number): void;
  total(): number;
}

export type Attribution = 'fifo' | 'proportional';

export function createLotBook(attribution: Attribution): LotBook {
  return attribution === 'fifo' ? new FifoBook() : new ProportionalBook();
}

/**
 * Splits `total` into integers proportional to `weights` (all ≥ 0), largest remainder first, ties to the earlier
 * weight. Exact for any safe integers (BigInt where a product would leave the safe range).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const shares: number[] = [];
  const remainders: { index: number; rest: bigint | number }[] = [];
  let given = 0;
  const big = weights.some((w) => w * total > Number.MAX_SAFE_INTEGER);
  weights.forEach((weight, index) => {
    if (big) {
      const product = BigInt(weight) * BigInt(total);
      const share = product / BigInt(sum);
      shares.push(Number(share));
      remainders.push({ index, rest: product % BigInt(sum) });
      given += Number(share);
    } else {
      const product = weight * total;
      const share = Math.floor(product / sum);
      shares.push(share);
      remainders.push({ index, rest: product - share * sum });
      given += share;
    }
  });
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (let i = 0; given < total && i < remainders.length; i += 1) {
    const entry = remainders[i];
    if (!entry) break;
    shares[entry.index] = (shares[entry.index] ?? 0) + 1;
    given += 1;
  }
  return shares;
}

interface Lot {
  label: number;
  amount: number;
}

class FifoBook implements LotBook {
  private lots: Lot[] = [];
  private head = 0;
  private sum = 0;

  add(label: number, amount: number): void {
    if (amount <= 0) return;
    const last = this.lots[this.lots.length - 1];
    // neighbouring untracked money is one lot: keeps the queue short on busy accounts
    if (last && this.lots.length > this.head && last.label === UNTRACKED && label === UNTRACKED) last.amount += amount;
    else this.lots.push({ label, amount });
    this.sum += amount;
  }

  take(amount: number): Portion[] {
    const portions: Portion[] = [];
    let left = amount;
    while (left > 0 && this.head < this.lots.length) {
      const lot = this.lots[this.head];
      if (!lot) break;
      const used = Math.min(lot.amount, left);
      pushPortion(portions, lot.label, used);
      lot.amount -= used;
      left -= used;
      this.sum -= used;
      if (lot.amount === 0) this.head += 1;
    }
    if (left > 0) pushPortion(portions, UNTRACKED, left);
    if (this.head > 1024 && this.head * 2 > this.lots.length) {
      this.lots = this.lots.slice(this.head);
      this.head = 0;
    }
    return portions;
  }

  expireBefore(limit: number): void {
    for (let i = this.head; i < this.lots.length; i += 1) {
      const lot = this.lots[i];
      if (lot && lot.label >= 0 && lot.label < limit) lot.label = UNTRACKED;
    }
  }

  total(): number {
    return this.sum;
  }
}

class ProportionalBook implements LotBook {
  /** followed lots in label order, plus one untracked pool */
  private lots: Lot[] = [];
  private untracked = 0;

  add(label: number, amount: number): void {
    if (amount <= 0) return;
    if (label === UNTRACKED) {
      this.untracked += amount;
      return;
    }
    const last = this.lots[this.lots.length - 1];
    if (last && last.label === label) last.amount += amount;
    else this.lots.push({ label, amount });
  }

  take(amount: number): Portion[] {
    const balance = this.total();
    const carried = Math.min(amount, balance);
    const shares = apportion(carried, [...this.lots.map((lot) => lot.amount), this.untracked]);
    const portions: Portion[] = [];
    this.lots.forEach((lot, i) => {
      const share = shares[i] ?? 0;
      if (share > 0) {
        portions.push({ label: lot.label, amount: share });
        lot.amount -= share;
      }
    });
    const fromUntracked = shares[this.lots.length] ?? 0;
    this.untracked -= fromUntracked;
    const overdraft = amount - carried;
    if (fromUntracked + overdraft > 0) portions.push({ label: UNTRACKED, amount: fromUntracked + overdraft });
    this.lots = this.lots.filter((lot) => lot.amount > 0);
    return portions;
  }

  expireBefore(limit: number): void {
    let moved = 0;
    this.lots = this.lots.filter((lot) => {
      if (lot.label < limit) {
        moved += lot.amount;
        return false;
      }
      return true;
    });
    this.untracked += moved;
  }

  total(): number {
    return this.lots.reduce((sum, lot) => sum + lot.amount, this.untracked);
  }
}

function pushPortion(portions: Portion[], label: number, amount: number): void {
  const last = portions[portions.length - 1];
  if (last && last.label === label) last.amount += amount;
  else portions.push({ label, amount });
}
