import type { Widen } from './widen';
import { casesMessages } from './zh-CN/cases';
import { chatsMessages } from './zh-CN/chats';
import { commonMessages } from './zh-CN/common';
import { findingsMessages } from './zh-CN/findings';
import { flowMessages } from './zh-CN/flow';
import { importMessages } from './zh-CN/import';
import { mappingMessages } from './zh-CN/mapping';
import { pagesMessages } from './zh-CN/pages';
import { reviewMessages } from './zh-CN/review';
import { shellMessages } from './zh-CN/shell';
import { timelineMessages } from './zh-CN/timeline';
import { txnsMessages } from './zh-CN/txns';

/**
 * Simplified Chinese, the default language. Words follow the glossary of UX.md (the terms on bank returns and police
 * forms). `en.ts` must have exactly the same keys; the type of `en` and a unit test both check it.
 * No plural suffixes: Chinese has none, and key parity must hold.
 * Each feature's strings live in their own module under `zh-CN/`, mirrored file by file under `en/`.
 */
export const zhCN = {
  ...shellMessages,
  ...casesMessages,
  ...pagesMessages,
  ...importMessages,
  ...mappingMessages,
  ...chatsMessages,
  ...timelineMessages,
  ...txnsMessages,
  ...reviewMessages,
  ...findingsMessages,
  ...flowMessages,
  ...commonMessages,
} as const;

/** The shape every language must have: the same keys, any strings. */
export type Messages = Widen<typeof zhCN>;
