import { failsCardCheck, numberDamage, splitAccountNumber } from './account-number';
import type { NumberDamage } from './account-number';
import type { WarningTally } from './tally';

/** Distinct numbers one file's leading-zero check remembers (hostile files with a new number on every row). */
const MAX_REMEMBERED = 100_000;

/**
 * Checks of the account and card numbers a file prints, reported once per file: numbers a spreadsheet damaged
 * (scientific notation, lost digits), 卡号 cells failing the Luhn check, and the same number printed with and without
 * its leading zeros (a column once stored as numbers). Nothing is changed; the rows keep the numbers as read.
 */
interface CellFacts {
  damage: NumberDamage | null;
  failsLuhn: boolean;
  number: string;
}

export class NumberChecks {
  /** number without leading zeros → the first form printed */
  private readonly forms = new Map<string, string>();
  /** cell text → what it says, per kind of column; a statement repeats its subject's numbers on every row */
  private readonly cards = new Map<string, CellFacts>();
  private readonly accounts = new Map<string, CellFacts>();

  constructor(private readonly tally: WarningTally) {}

  /** Checks one cell; `isCard`: the cell is from a 卡号 column, where Luhn applies. Returns the damage found. */
  check(cell: string, line: number, isCard: boolean): NumberDamage | null {
    if (cell === '') return null;
    const cache = isCard ? this.cards : this.accounts;
    let facts = cache.get(cell);
    if (facts === undefined) {
      const damage = numberDamage(cell);
      facts = { damage, failsLuhn: damage === null && isCard && failsCardCheck(cell), number: splitAccountNumber(cell).number };
      if (cache.size >= MAX_REMEMBERED) cache.clear();
      cache.set(cell, facts);
      // a form seen before has been compared already: only a new form can clash with another
      if (damage === null) this.leadingZeros(facts.number, line);
    }
    if (facts.damage === 'exponent') this.tally.add('BANK_NUMBER_EXPONENT', line, cell.trim());
    else if (facts.damage === 'digits-lost') this.tally.add('BANK_NUMBER_DIGITS_LOST', line, cell.trim());
    else if (facts.failsLuhn) this.tally.add('BANK_CARD_CHECK_DIGIT', line, facts.number);
    return facts.damage;
  }

  private leadingZeros(number: string, line: number): void {
    if (!/^\d{6,}$/.test(number)) return;
    const key = number.replace(/^0+/, '');
    const seen = this.forms.get(key);
    if (seen === undefined) {
      if (this.forms.size >= MAX_REMEMBERED) this.forms.clear();
      this.forms.set(key, number);
    } else if (seen !== number) {
      this.tally.add('BANK_NUMBER_LEADING_ZEROS', line, `${seen} / ${number}`);
    }
  }
}
