export type { AmountError, AmountErrorReason, AmountOk, AmountResult, CurrencyCode } from './types';
export { parseBankAmount, parseFenAmount, digitsToMinor } from './parse-amount';
export type { BankAmountOptions } from './parse-amount';
export { normaliseDirection, deriveAmountDirection } from './direction';
export type { AmountConvention, AmountWarning, DerivedAmount, Direction, DirectionResult } from './direction';
export { parseNumeralMinor } from './numerals';
export { extractChatAmounts } from './chat-amounts';
export type { AmountEvidence, ChatAmount, ChatAmountOptions } from './chat-amounts';
export { formatMinor } from './format';
