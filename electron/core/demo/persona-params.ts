/**
 * Recurring facts about an account's legitimate life (pay day, salary, rent) derived from its id alone, so the
 * noise stream and the planted near-misses (a salary forwarded to the holder's own account within the hour) agree
 * without sharing state.
 */
import type { Account } from './model';
import { Rng } from './prng';
import { HOUR, MINUTE } from './time';

export interface Salary {
  day: number;
  /** seconds after midnight */
  at: number;
  amount: number;
  employerIndex: number;
}

export function salaryOf(seed: number, account: Account): Salary {
  const rng = new Rng(`${seed}:salary:${account.id}`);
  const night = account.persona === 'night-worker';
  return {
    day: rng.int(1, 15),
    at: (night ? 2 : rng.int(9, 11)) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59),
    amount: rng.int(45, 260) * 10_000 + rng.pick([0, 0, 5_000, 12_345, 33_300]),
    employerIndex: rng.int(0, 9),
  };
}

export interface Rent {
  day: number;
  amount: number;
}

export function rentOf(seed: number, account: Account): Rent | null {
  const rng = new Rng(`${seed}:rent:${account.id}`);
  if (!rng.chance(0.55)) return null;
  return { day: rng.int(1, 28), amount: rng.pick([180_000, 250_000, 320_000, 350_000, 420_000, 500_000, 650_000]) };
}

export function openingBalanceBase(seed: number, account: Account): number {
  const rng = new Rng(`${seed}:open:${account.id}`);
  switch (account.persona) {
    case 'mule':
    case 'external':
      return 0;
    case 'credit-card':
      return -rng.int(0, Math.floor(account.creditLimit / 300)) * 100;
    case 'payroll-company':
      return rng.int(20, 200) * 1_000_000;
    case 'wholesale-merchant':
      return rng.int(5, 50) * 1_000_000;
    case 'pos-merchant':
      return rng.int(10, 100) * 100_000;
    case 'landlord':
      return rng.int(50, 300) * 100_000;
    case 'wallet':
      return rng.int(0, 500_000);
    default:
      return rng.int(20, 800) * 10_000 + rng.int(0, 9_999);
  }
}
