import type { FormatSpec } from '../types';

/** Chat exports (ISSUE 5): each family's formats, in the order `chainsight formats` lists them. */
export const CHAT_FORMATS: readonly FormatSpec[] = [];
