import type { PagesMessages } from '../zh-CN/pages';

/** What each page is for and the next step, shown while it is empty or not built yet. */
export const pagesMessages: PagesMessages = {
  pages: {
    next: 'Next step',
    import: {
      what: 'Import bank inquiry returns, payment records and chat exports. Original files are kept byte-identical with SHA-256 and SM3 integrity values; unparseable rows are listed apart.',
      todo: 'Import is being connected. You will choose files or a whole inquiry-return folder and follow the progress in the background.',
    },
    transactions: {
      what: 'All transaction details: own account, holder name, counterparty account and name, direction, amount, balance after, description — each row traceable to its original file, sheet and line.',
      todo: 'Import bank statements or payment records on the Import page first.',
    },
    chats: {
      what: 'Conversations and messages, with the phones, cards and amounts mentioned in them marked.',
      todo: 'Import chat exports on the Import page first.',
    },
    timeline: {
      what: 'Transactions and chat messages on one timeline in the display time zone, with the original time text kept.',
      todo: 'The timeline builds itself once transactions or chats are imported.',
    },
    flow: {
      what: 'Fund tracing: follow money onward or back to its source hop by hop from chosen accounts, with amount, time window and attribution method for each hop.',
      todo: 'After importing bank statements, pick an account on the Transactions page to start tracing.',
    },
    people: {
      what: 'People: accounts and chat accounts resolved into persons by name, ID number and phone, with shared counterparties and groups.',
      todo: 'Once data is imported, the persons found and their links are listed here.',
    },
    findings: {
      what: 'Suspected patterns: fast in fast out, pass-through accounts, fan-in then concentrated out, closed loops — each finding linked to the transactions behind it.',
      todo: 'After importing bank statements, run the detectors to see suspected leads here.',
    },
    tags: {
      what: 'Tag transactions and messages, gather tagged items into evidence bundles, and export signed, verifiable clue-transfer or prosecution evidence packages.',
      todo: 'Select rows on the Transactions or Chats page and tag them (shortcut T) first.',
    },
  },
};
