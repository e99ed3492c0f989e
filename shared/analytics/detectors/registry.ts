/**
 * Every detector, in the order the findings page lists them. Ids are stable (they are stored with each finding);
 * a change to what a detector finds bumps its version.
 */
import { cardCashOut } from './typology-card';
import { cycles } from './cycles';
import { debtEvasion } from './typology-evasion';
import { antiCollection } from './typology-collection';
import { fanIn, fanOut } from './fan-in-out';
import { fastInFastOut } from './fast-in-fast-out';
import { frequent } from './frequent';
import { insuranceSurrender } from './typology-insurance';
import { largeValue } from './large-value';
import { loanIntermediary } from './typology-loan';
import { nightHoliday } from './night-holiday';
import { passThrough } from './pass-through';
import { roundAmount } from './round-amount';
import { sharedCounterparty } from './shared-counterparty';
import { sharedDevice } from './shared-device';
import { structuring } from './structuring';
import type { Detector } from './types';

export const DETECTORS: readonly Detector[] = [
  insuranceSurrender,
  antiCollection,
  loanIntermediary,
  debtEvasion,
  cardCashOut,
  fastInFastOut,
  passThrough,
  fanIn,
  fanOut,
  cycles,
  sharedCounterparty,
  sharedDevice,
  largeValue,
  roundAmount,
  structuring,
  nightHoliday,
  frequent,
];

export function detectorById(id: string): Detector | undefined {
  return DETECTORS.find((detector) => detector.id === id);
}
