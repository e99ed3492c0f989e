/** ISO 4217 code as stated by the source text; absent when the text names no currency. */
export type CurrencyCode = string;

export type AmountErrorReason =
  | 'empty'
  | 'not-a-number'
  | 'bad-grouping'
  | 'exponent'
  | 'too-many-decimals'
  | 'not-integer'
  | 'conflicting-signs'
  | 'too-large';

export interface AmountOk {
  ok: true;
  /** Integer minor units (分 for CNY), signed. Never a float. */
  minor: number;
  currency?: CurrencyCode;
  raw: string;
}

export interface AmountError {
  ok: false;
  reason: AmountErrorReason;
  raw: string;
}

export type AmountResult = AmountOk | AmountError;
