import type { Messages } from './zh-CN';
import { casesMessages } from './en/cases';
import { chatsMessages } from './en/chats';
import { commonMessages } from './en/common';
import { findingsMessages } from './en/findings';
import { flowMessages } from './en/flow';
import { importMessages } from './en/import';
import { mappingMessages } from './en/mapping';
import { pagesMessages } from './en/pages';
import { reviewMessages } from './en/review';
import { shellMessages } from './en/shell';
import { timelineMessages } from './en/timeline';
import { txnsMessages } from './en/txns';

/**
 * English. Each module under `en/` is typed against its zh-CN counterpart, so a missing or extra key fails the type
 * check in that module; the whole is typed as {@link Messages}, so a module left out fails here.
 */
export const en: Messages = {
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
};
