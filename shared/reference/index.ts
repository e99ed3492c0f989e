export { createBinIndex, lookupBin } from './bin-lookup';
export type { BinCandidate, BinEntry, BinIndex, BinLookup, BinTable, CardType } from './bin-lookup';
