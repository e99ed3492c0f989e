import type { FileWarning } from '../../types';
import type { StampLine } from './timestamp-line';

/**
 * Day/month order of a WhatsApp export, decided from the whole file: a first field above 12 proves day-first, a
 * second above 12 proves month-first. Without proof the layout decides: day-first, as phones write everywhere but
 * in the US, unless the clock is the US's English `AM`/`PM`.
 */

export type DateOrder = 'dmy' | 'mdy';
export type OrderBasis = 'proved' | 'assumed' | 'conflict' | 'unused';

export class DateOrderEvidence {
  dayFirst = 0;
  monthFirst = 0;
  ambiguous = 0;
  englishClock = 0;
  /** the first line proving each order, for the warning */
  firstDayFirstLine = 0;
  firstMonthFirstLine = 0;

  add(stamp: StampLine, line: number): void {
    const [a, b] = stamp.fields;
    if (a.length === 4) return;
    if (stamp.englishMeridiem) this.englishClock++;
    const first = Number(a);
    const second = Number(b);
    if (first > 12 && second <= 12) {
      if (this.dayFirst++ === 0) this.firstDayFirstLine = line;
    } else if (second > 12 && first <= 12) {
      if (this.monthFirst++ === 0) this.firstMonthFirstLine = line;
    } else {
      this.ambiguous++;
    }
  }

  decide(): { order: DateOrder; basis: OrderBasis } {
    if (this.dayFirst > 0 && this.monthFirst > 0) return { order: this.monthFirst > this.dayFirst ? 'mdy' : 'dmy', basis: 'conflict' };
    if (this.dayFirst > 0) return { order: 'dmy', basis: 'proved' };
    if (this.monthFirst > 0) return { order: 'mdy', basis: 'proved' };
    if (this.ambiguous === 0) return { order: 'dmy', basis: 'unused' };
    return { order: this.englishClock > 0 ? 'mdy' : 'dmy', basis: 'assumed' };
  }
}

const NAMES: Record<DateOrder, string> = { dmy: 'day-first (DD/MM/YY)', mdy: 'month-first (MM/DD/YY)' };

/** What the investigator is told when the order was not proved by the file. */
export function orderWarning(order: DateOrder, basis: OrderBasis, evidence?: { dayFirstLine: number; monthFirstLine: number }): FileWarning | null {
  if (basis === 'assumed') {
    const why = order === 'mdy' ? 'the 12-hour clock with AM/PM of US phones' : 'how phones outside the US write dates';
    return {
      type: 'warning',
      code: 'DATE_ORDER_ASSUMED',
      message: `WhatsApp: no date in the file shows whether it is day/month or month/day (every day is 12 or less); read as ${NAMES[order]}, following ${why} — check one message whose date you know`,
    };
  }
  if (basis === 'conflict') {
    const lines = evidence ? ` (line ${evidence.dayFirstLine} is day-first, line ${evidence.monthFirstLine} month-first)` : '';
    return {
      type: 'warning',
      code: 'DATE_ORDER_CONFLICT',
      message: `WhatsApp: the file mixes day-first and month-first dates${lines}; read as ${NAMES[order]}, the order most dates allow; lines whose date is impossible that way are reported`,
    };
  }
  return null;
}
