/**
 * The contract between the ingest pipeline (electron/core/ingest: reading, decoding, streaming, hashing, inserting)
 * and the pure row mappers (shared/parsers/<family>/): records in, drafts and row errors out (STYLE.md §6).
 */

/** One row as read from a file: the decoded cells exactly as they were (untrimmed; trailing tabs included). */
export interface SourceRecord {
  /** sheet name for workbooks; '' for text files */
  sheet: string;
  /** 1-based line (text) or row (sheet) number in the original file */
  line: number;
  cells: string[];
}

/** What a format's detector sees: the file's name, its path inside the dropped folder, and its first rows. */
export interface DetectInput {
  fileName: string;
  /** path relative to the folder the user dropped, with '/' separators (request folders carry 请求号/反馈单位) */
  relPath: string;
  /** the first rows of each sheet (at most ~30 per sheet), as the table reader splits them */
  head: SourceRecord[];
  /** the first ~64 KB of the decoded text, for text and JSON/HTML files ('' for workbooks and databases) */
  text?: string | undefined;
  /** how the file is packed: a text file, a workbook, a zip archive (entries listed) or an SQLite database */
  container?: 'text' | 'xlsx' | 'xls' | 'zip' | 'sqlite' | undefined;
  /** zip: the entry names; sqlite: the table names; [] otherwise */
  entries?: readonly string[] | undefined;
}

export interface Detection {
  /** 0..1; the pipeline picks the highest and shows it with the reason */
  confidence: number;
  /** human-readable, e.g. '表头匹配 30/32 个查控交易明细字段（交易卡号, 交易时间, 交易金额 …）' */
  reason: string;
}

export interface ParseContext {
  fileName: string;
  relPath: string;
  /** IANA zone for times that carry none (the case's default unless the user chose another) */
  timeZone: string;
  /** what the format's `survey` pass over the whole file concluded (e.g. day-first dates); {} without one */
  hints?: Readonly<Record<string, string>> | undefined;
}

export type SourceKind =
  | 'transactions'
  | 'accounts'
  | 'persons'
  | 'subaccounts'
  | 'registrations'
  | 'logins'
  | 'bound-cards'
  | 'messages';

/** bank or platform return (查控/调证) versus material handed over by a party (lower integrity, DOMAIN.md §1.4) */
export type SourceGrade = 'official' | 'self-provided';

export type AccountKind = 'bank' | 'alipay' | 'tenpay' | 'payment';

export interface Provenance {
  sheet: string;
  line: number;
  /** header → raw cell text, exactly as read; the pipeline stores it and hashes it into row_hash */
  raw: Record<string, string>;
}

export interface AccountRef {
  kind: AccountKind;
  /** the number the rows are keyed by: card number, else account number, digits and letters only */
  number: string;
  /** `_n` suffix or 子账户 number; '' when none */
  subAccount: string;
  cardNumber?: string | undefined;
  accountNumber?: string | undefined;
  bankName?: string | undefined;
  holderName?: string | undefined;
  holderId?: string | undefined;
}

export interface Instant {
  /** UTC epoch milliseconds, or null when the text holds no usable time (placeholders) */
  utcMs: number | null;
  /** the original text (both columns joined with a space when date and time are split) */
  original: string;
  /** offset from UTC used to read it, in minutes (480 for Asia/Shanghai) */
  offsetMinutes: number | null;
}

export interface Counterparty {
  account?: string | undefined;
  name?: string | undefined;
  id?: string | undefined;
  bank?: string | undefined;
}

/** One transaction row in the canonical model (DOMAIN.md §1, §7). */
export interface TxnDraft extends Provenance {
  type: 'txn';
  account: AccountRef;
  time: Instant;
  /** signed by direction: negative = out of `account`; integer minor units (分) */
  amountMinor: number;
  currency: string;
  direction: 'in' | 'out' | null;
  /** the raw direction text (收付标志/借贷标志/sign/column it came from) */
  directionRaw: string;
  balanceMinor: number | null;
  counterparty: Counterparty;
  summary?: string | undefined;
  channel?: string | undefined;
  isCash?: boolean | undefined;
  /** false when the bank marked the row unsuccessful (kept, flagged) */
  succeeded: boolean;
  failReason?: string | undefined;
  ip?: string | undefined;
  mac?: string | undefined;
  device?: string | undefined;
  merchant?: string | undefined;
  merchantCode?: string | undefined;
  txnNo?: string | undefined;
  logNo?: string | undefined;
  branch?: string | undefined;
  location?: string | undefined;
  memo?: string | undefined;
}

/** 账户信息 / 注册信息 / 子账户信息 rows: facts about an account and its holder. */
export interface AccountDraft extends Provenance {
  type: 'account';
  account: AccountRef;
  /** other fields worth keeping by their investigator names (开户时间, 账户状态, 开户网点 …) */
  attributes: Record<string, string>;
}

/** 人员信息 rows. */
export interface PersonDraft extends Provenance {
  type: 'person';
  name: string;
  idType?: string | undefined;
  idNumber?: string | undefined;
  attributes: Record<string, string>;
}

export type IdentifierType = 'phone' | 'id_card' | 'email' | 'ip' | 'mac' | 'device' | 'bank_card' | 'alipay_uid' | 'wechat_id' | 'qq';

/** Technology-chain facts: registration phones, login IPs, bound cards, devices (linked to an account). */
export interface IdentifierDraft extends Provenance {
  type: 'identifier';
  account: AccountRef | null;
  identifierType: IdentifierType;
  value: string;
  /** 'registration', 'login', 'bound-card', 'contact' … */
  role: string;
  observedAt: Instant | null;
}

export interface RowError {
  type: 'error';
  sheet: string;
  line: number;
  code: 'MISSING_FIELD' | 'BAD_AMOUNT' | 'BAD_TIME' | 'BAD_ROW' | 'TOO_LONG';
  message: string;
}

/** A non-fatal remark about the file as a whole (e.g. 'balance column missing', 'mixed currencies'). */
export interface FileWarning {
  type: 'warning';
  code: string;
  message: string;
}

export type ChatPlatform = 'wechat' | 'qq' | 'whatsapp' | 'telegram' | 'other';

/** Someone who writes in a chat: the platform id when the export gives one, and the name shown at that time. */
export interface HandleRef {
  platform: ChatPlatform;
  /** wxid / QQ number / Telegram user id / WhatsApp phone (digits, with +) — '' when the export shows only a name */
  id: string;
  /** display name (nickname, remark or phone-book name) as shown in this message */
  name: string;
}

export interface ConversationRef {
  platform: ChatPlatform;
  /** the export's id for the conversation (chatroom id, peer wxid, Telegram chat id, group number), else its title */
  key: string;
  title: string;
  kind: 'private' | 'group' | 'channel' | 'unknown';
  /** whose phone or account the export came from, when it says */
  owner?: HandleRef | undefined;
}

export type MessageType =
  | 'text'
  | 'image'
  | 'voice'
  | 'video'
  | 'file'
  | 'sticker'
  | 'location'
  | 'contact'
  | 'call'
  | 'link'
  | 'transfer'
  | 'red-packet'
  | 'system'
  | 'recalled'
  | 'other';

/** A file a message refers to; the pipeline adds hashes when the file is present beside the export or in its zip. */
export interface AttachmentRef {
  /** file name or path as the export writes it */
  name: string;
  kind: MessageType;
}

/** One chat message in the canonical model (ISSUE 5 §2): provenance as for transactions. */
export interface MessageDraft extends Provenance {
  type: 'message';
  conversation: ConversationRef;
  /** null for system lines (group created, X joined) */
  sender: HandleRef | null;
  /** true when the export marks it as sent by the owner (isSend, 我), null when unknown */
  outgoing: boolean | null;
  time: Instant;
  messageType: MessageType;
  /** the text as written (captions and transfer notes included); never interpreted as markup */
  text: string;
  attachments: AttachmentRef[];
  /** the export's own message id ('' when none) */
  externalId: string;
  /** the id of the message this one replies to ('' when none) */
  replyTo: string;
  /** for transfers and red packets whose amount the export states, in minor units */
  amountMinor?: number | undefined;
  /** recovered from deleted records (forensic reports' 删除恢复 mark) */
  recovered?: boolean | undefined;
}

export type Draft = TxnDraft | AccountDraft | PersonDraft | IdentifierDraft | MessageDraft;
export type MapperOutput = Draft | RowError | FileWarning;

/** A built-in import format: detection plus a pure mapper. */
/**
 * How the pipeline hands a file to the mapper:
 * - 'table' (default): rows of cells — CSV/TXT split on the sniffed delimiter, workbook rows, or the rows of every
 *   <table> in an HTML file (sheet = 'table N');
 * - 'lines': one record per decoded text line, `cells = [line]` (WhatsApp, QQ TXT); in a zip, the lines of its chat
 *   text entry;
 * - 'document': one record holding the whole decoded text, `cells = [text]`, line 1 (JSON and HTML exports);
 * - 'sqlite': the rows of the named tables of an SQLite database, table by table in that order, each table's first
 *   record its column names (sheet = table name).
 */
export type FormatInput = { kind: 'table' } | { kind: 'lines' } | { kind: 'document' } | { kind: 'sqlite'; tables: readonly string[] };

/** A built-in import format: detection plus a pure mapper. */
export interface FormatSpec {
  id: string;
  version: number;
  name: { zh: string; en: string };
  kind: SourceKind;
  grade: SourceGrade;
  /** defaults to { kind: 'table' } */
  input?: FormatInput | undefined;
  detect(input: DetectInput): Detection | null;
  /** an optional first pass over the whole file whose conclusions reach mapRows as `context.hints` */
  survey?(records: AsyncIterable<SourceRecord>, context: ParseContext): Promise<Record<string, string>>;
  mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput>;
}
