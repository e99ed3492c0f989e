import { z } from 'zod';

/**
 * Marking evidence (ISSUE 6 §4) and the global search (§5): tags — typology presets and free tags — on any item,
 * notes and stars, and "every place a phone, card, ID number, name or amount appears". Seized strings inside these
 * shapes are data, shown as text only.
 */

/** What can carry a tag, a note or a star: the five item tables of the case. */
export const ItemType = z.enum(['txn', 'message', 'account', 'person', 'finding']);
export const ITEM_TYPES = ItemType.options;

export const ItemRef = z.object({ type: ItemType, id: z.number().int().min(1) });

/** Up to this many items in one tagging call (a grid's whole filtered selection, a timeline brush). */
export const MAX_TAG_ITEMS = 100_000;
export const ItemRefs = z.array(ItemRef).min(1).max(MAX_TAG_ITEMS);

export const TagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');

/** A tag's name: one line, no control characters. */
export const TagName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((name) => !/\p{Cc}/u.test(name), 'a tag name is one line of text');

export const TagKind = z.enum(['typology', 'free']);

export const TagCounts = z.object({
  txn: z.number().int(),
  message: z.number().int(),
  account: z.number().int(),
  person: z.number().int(),
  finding: z.number().int(),
});

/** A tag as lists, chips and pickers show it. */
export const TagBrief = z.object({
  id: z.number().int(),
  /** the name as stored: Chinese for the typology presets */
  name: z.string(),
  /** the English label of a typology preset (null for free tags: their name is the investigator's own) */
  nameEn: z.string().nullable(),
  kind: TagKind,
  color: TagColor,
});

export const Tag = TagBrief.extend({
  createdAt: z.string(),
  createdBy: z.string(),
  /** tagged items per item type */
  counts: TagCounts,
  total: z.number().int(),
});

export const ItemNote = z.object({
  item: ItemRef,
  text: z.string(),
  starred: z.boolean(),
  /** null while the item has never had a note or a star */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const NoteText = z.string().max(10_000);

/** The tags, note and star of one item (grids and detail panels). */
export const ItemMarks = z.object({
  type: ItemType,
  id: z.number().int(),
  tags: z.array(TagBrief),
  note: z.string().nullable(),
  starred: z.boolean(),
});

/**
 * A tagged item with what a one-line description needs: txn — time, own account, amount, counterparty; message —
 * time, sender, text snippet; account — number, holder, bank; person — name, ID number; finding — title, rule.
 */
export const TaggedItem = z.object({
  type: ItemType,
  id: z.number().int(),
  /** false when the item is no longer in the case (a finding re-run since) */
  exists: z.boolean(),
  utcMs: z.number().nullable(),
  /** the time as the source wrote it */
  timeText: z.string().nullable(),
  /** own account (txn), sender (message), account number, person's name, finding title */
  title: z.string(),
  /** a finding's title in English (absent for other items and for findings recorded before English titles) */
  titleEn: z.string().nullable().optional(),
  /** holder name (txn, account) or ID type (person) */
  subtitle: z.string().nullable(),
  /** counterparty (txn), text snippet (message), ID number (person, account), rule (finding) */
  detail: z.string().nullable(),
  /** summary (txn), conversation (message), bank (account) */
  context: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  direction: z.enum(['in', 'out']).nullable(),
  taggedAt: z.string(),
  taggedBy: z.string(),
  note: z.string().nullable(),
  starred: z.boolean(),
});

// ---- global search -------------------------------------------------------------------------------------------

/** How the search read the query: each reading is searched for, and the UI says what they were. */
export const SearchReadingKind = z.enum(['mobile', 'landline', 'id-number', 'card', 'number', 'ip', 'mac', 'email', 'code', 'hash', 'amount', 'text']);

export const SearchReading = z.object({
  kind: SearchReadingKind,
  /** the normalised value searched for (digits, upper-case X, lower-case e-mail, the folded text …) */
  value: z.string(),
  /** readings of kind 'amount': the exact amount in minor units */
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
});

/**
 * Where the value was found in the item. Transactions: ownAccount, ownHolder, cpAccount, cpName, cpId, txnNo,
 * logNo, ip, mac, summary, memo, amount. Messages: text, mention:<kind>. Accounts: number, cardNumber,
 * accountNumber, holderName, holderId. Persons: name, idNumber. Sources: fileName, sha256, sm3.
 */
const Matched = z.array(z.string());

export const TxnHit = z.object({
  id: z.number().int(),
  utcMs: z.number().nullable(),
  timeText: z.string(),
  accountId: z.number().int(),
  account: z.string(),
  holder: z.string().nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  direction: z.enum(['in', 'out']).nullable(),
  cpAccount: z.string().nullable(),
  cpName: z.string().nullable(),
  summary: z.string().nullable(),
  matched: Matched,
});

export const MessageHit = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  conversationTitle: z.string(),
  utcMs: z.number().nullable(),
  timeText: z.string(),
  sender: z.string().nullable(),
  /** the text around the first place the value occurs */
  snippet: z.string(),
  matched: Matched,
});

export const IdentifierHit = z.object({
  id: z.number().int(),
  /** phone, id_card, bank_card, ip, email, wechat_id … */
  type: z.string(),
  value: z.string(),
  /** registration, login, bound-card, contact … */
  role: z.string(),
  accountId: z.number().int().nullable(),
  account: z.string().nullable(),
  holder: z.string().nullable(),
  observedUtc: z.number().nullable(),
  observedText: z.string().nullable(),
  sourceId: z.number().int(),
  file: z.string(),
  line: z.number().int(),
});

export const AccountHit = z.object({
  id: z.number().int(),
  kind: z.string(),
  number: z.string(),
  subAccount: z.string(),
  cardNumber: z.string().nullable(),
  accountNumber: z.string().nullable(),
  bankName: z.string().nullable(),
  holderName: z.string().nullable(),
  holderId: z.string().nullable(),
  /** transactions in the account's own statement */
  txns: z.number().int(),
  matched: Matched,
});

export const PersonHit = z.object({
  id: z.number().int(),
  name: z.string(),
  idType: z.string().nullable(),
  idNumber: z.string().nullable(),
  sourceId: z.number().int(),
  file: z.string(),
  line: z.number().int(),
  matched: Matched,
});

export const SourceHit = z.object({
  id: z.number().int(),
  fileName: z.string(),
  relPath: z.string(),
  sha256: z.string(),
  sm3: z.string(),
  kind: z.string(),
  importedAt: z.string(),
  matched: Matched,
});

function hitGroup<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), items: z.array(item) });
}

export const GlobalSearchResult = z.object({
  /** the query as typed */
  query: z.string(),
  /** what it was read as; empty when nothing searchable was recognised */
  readAs: z.array(SearchReading),
  /** items listed per group (the totals count them all) */
  limit: z.number().int(),
  transactions: hitGroup(TxnHit),
  messages: hitGroup(MessageHit),
  identifiers: hitGroup(IdentifierHit),
  accounts: hitGroup(AccountHit),
  persons: hitGroup(PersonHit),
  sources: hitGroup(SourceHit),
});

export const SEARCH_GROUPS = ['transactions', 'messages', 'identifiers', 'accounts', 'persons', 'sources'] as const;
