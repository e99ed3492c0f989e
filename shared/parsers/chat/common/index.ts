export { MAX_MESSAGE_CHARS, BoundedLines, capText, tooLongRow } from './text-limits';
export type { CappedText } from './text-limits';
export { messageTypeOfFile } from './attachment-kind';
export { statedAmountMinor } from './stated-amount';
export { localTime, unixInstant, unixMs, wallInstant } from './chat-time';
export type { WallRead } from './chat-time';
export { IdentifiersOnce } from './identifiers-once';
