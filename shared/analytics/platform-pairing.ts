/**
 * Money that passes through a payment platform (bank card → 财付通 → WeChat wallet, wallet → 支付宝 → card) shows up
 * as two legs: one statement pays the platform, another receives from it. Pairing them turns two edges through the
 * platform node into one direct edge. A leg pairs with a leg of the same platform, the same amount and another
 * account, the nearest in time within the window; a leg whose platform record names the other end (TenpayTrades'
 * 用户银行卡号) pairs with that end's leg first, over a longer span, and without a partner still goes straight to it.
 */

export interface PlatformLeg {
  txnId: number;
  /** node key of the platform */
  platform: string;
  /** node key of the statement's account */
  account: string;
  /** from the account's side: 'out' = account → platform */
  direction: 'in' | 'out';
  amountMinor: number;
  ts: number | null;
  /** the account the platform's own record names as the other end (a node key), if any */
  hint: string | null;
}

export interface PlatformPairing {
  /** [leg into the platform, leg out of it] */
  pairs: [PlatformLeg, PlatformLeg][];
  /** unpaired legs whose record names the other end: they go straight to `hint` */
  direct: PlatformLeg[];
  /** legs that stay with the platform node */
  rest: PlatformLeg[];
}

/** How far apart two legs may be when one of them names the other's account (a withdrawal can take a day or two). */
export const HINTED_PAIR_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

export function pairPlatformLegs(legs: readonly PlatformLeg[], windowMs: number): PlatformPairing {
  const pairs: [PlatformLeg, PlatformLeg][] = [];
  const direct: PlatformLeg[] = [];
  const rest: PlatformLeg[] = [];
  const byPlatform = new Map<string, PlatformLeg[]>();
  for (const leg of legs) {
    const list = byPlatform.get(leg.platform);
    if (list) list.push(leg);
    else byPlatform.set(leg.platform, [leg]);
  }
  const order = (a: PlatformLeg, b: PlatformLeg): number => (a.ts ?? 0) - (b.ts ?? 0) || a.txnId - b.txnId;
  for (const platformLegs of byPlatform.values()) {
    const into = platformLegs.filter((leg) => leg.direction === 'out').sort(order);
    // legs out of the platform by amount, each list in time order
    const outOf = new Map<number, PlatformLeg[]>();
    for (const leg of platformLegs.filter((l) => l.direction === 'in').sort(order)) {
      const list = outOf.get(leg.amountMinor);
      if (list) list.push(leg);
      else outOf.set(leg.amountMinor, [leg]);
    }
    const used = new Set<number>();
    for (const leg of into) {
      const candidates = (outOf.get(leg.amountMinor) ?? []).filter((other) => !used.has(other.txnId) && other.account !== leg.account);
      const gap = (other: PlatformLeg): number => (leg.ts === null || other.ts === null ? Infinity : Math.abs(other.ts - leg.ts));
      const named = (other: PlatformLeg): boolean => leg.hint === other.account || other.hint === leg.account;
      const best =
        nearest(candidates.filter((other) => named(other) && gap(other) <= HINTED_PAIR_WINDOW_MS), gap) ??
        nearest(candidates.filter((other) => gap(other) <= windowMs), gap);
      if (best) {
        used.add(best.txnId);
        used.add(leg.txnId);
        pairs.push([leg, best]);
      }
    }
    for (const leg of platformLegs) {
      if (used.has(leg.txnId)) continue;
      if (leg.hint !== null && leg.hint !== leg.account) direct.push(leg);
      else rest.push(leg);
    }
  }
  return { pairs, direct, rest };
}

function nearest(candidates: readonly PlatformLeg[], gap: (leg: PlatformLeg) => number): PlatformLeg | undefined {
  let best: PlatformLeg | undefined;
  for (const candidate of candidates) if (!best || gap(candidate) < gap(best)) best = candidate;
  return best;
}
