/**
 * The ground-truth document (`ground-truth.json`), schema version 1. docs/ground-truth.md describes every field;
 * change both together and bump GROUND_TRUTH_VERSION on any incompatible change.
 */

export const GROUND_TRUTH_SCHEMA = 'chainsight.demo.ground-truth';
export const GROUND_TRUTH_VERSION = 1;

/** where one row sits: the account whose statement it is in, its id as printed, the file and the 1-based line */
export interface RowRef {
  account: string;
  id: string;
  file: string;
  line: number;
}

export interface FileRecord {
  path: string;
  kind: string;
  encoding: 'GB18030' | 'UTF-8';
  bytes: number;
  sha256: string;
  /** data rows (lines after the header; messages for chats) */
  rows: number;
  bank?: string;
  request?: string;
  layout?: string;
}

export interface PersonRecord {
  id: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  idNumber: string;
  phone: string;
  address: string;
  roles: string[];
  relations: { to: string; kind: string }[];
  operatedBy: string | null;
  wechat: { wxid: string; alias: string; nickname: string } | null;
  qq: string | null;
  alipayUid: string | null;
  devices: { homeIp: string; ipv6: string; mac: string; mobileIp: string };
}

export interface OrgRecord {
  id: string;
  name: string;
  uscc: string;
  kind: string;
  legalRep: string | null;
}

export interface AccountRecord {
  id: string;
  channel: 'bank' | 'tenpay' | 'alipay';
  owner: string;
  holderName: string;
  kind: string;
  bank: string | null;
  card: string | null;
  number: string;
  printedNumber: string;
  subject: boolean;
  persona: string;
  controlledBy: string | null;
  contactPhone: string;
  openingBalanceMinor: number | null;
  boundCards: string[];
  merchant: { name: string; code: string; terminal: string } | null;
}

export interface RequestRecord {
  id: string;
  folder: string;
  kind: 'bank' | 'alipay';
  purpose: 'initial' | 'supplementary';
  persons: string[];
  accounts: string[];
  period: { start: string; end: string };
}

export interface FeeRecord {
  payer: string;
  payee: string;
  transfer: string;
  amountMinor: number;
  basisMinor: number | null;
  rateBp: number | null;
  note: string;
}

export interface InstanceRecord {
  id: string;
  typology: 'insurance-surrender' | 'anti-collection' | 'loan-intermediary' | 'debt-evasion' | 'card-cash-out';
  label: string;
  parameters: Record<string, number | string | number[]>;
  members: { person: string; role: string }[];
  transfers: string[];
  fees: FeeRecord[];
  passThrough: string[];
  facts: Record<string, string | number | string[] | null>[];
}

export interface TransferRecord {
  id: string;
  time: string;
  channel: 'bank' | 'tenpay' | 'alipay';
  kind: string;
  from: string;
  to: string | null;
  amountMinor: number;
  summary: string;
  instance: string | null;
  benign: boolean;
  legs: { account: string; direction: 'out' | 'in'; id: string; occurrences: { file: string; line: number; duplicate: boolean }[] }[];
}

export interface HopRecord {
  from: string;
  to: string;
  amountMinor: number;
  attributedMinor: number;
  delayMinutes: number;
  txns: string[];
}

export interface PathRecord {
  id: string;
  instance: string;
  seedAccount: string;
  seedAmountMinor: number;
  hops: HopRecord[];
  retainedMinor: Record<string, number>;
}

export interface DuplicateRecord {
  row: RowRef;
  duplicateOf: RowRef;
  cause: string;
}

export interface MirrorRecord {
  transfer: string;
  out: RowRef;
  in: RowRef;
  amountMinor: number;
  sharedId: boolean;
}

export interface FailedRecord {
  row: RowRef;
  reason: string;
  amountMinor: number;
}

export interface NoDataRecord {
  account: string;
  file: string;
  line: number;
  reason: string;
}

export interface BalanceBreakRecord {
  account: string;
  file: string;
  /** the first row after the gap */
  line: number;
  afterId: string;
  previousBalanceMinor: number;
  printedBalanceMinor: number;
  missingRows: number;
  missingIds: string[];
  missingNetMinor: number;
  cause: string;
}

export interface ChatMessageRef {
  file: string;
  /** 1-based line of the message's first line (chat .txt/.csv); null for JSON */
  line: number | null;
  /** the message's id inside the export (CSV id / Telegram id), or null */
  messageId: string | null;
}

export interface ChatTransferLink {
  message: ChatMessageRef;
  transfer: string;
  kind: 'transfer' | 'red-packet' | 'mention';
  amountMinor: number;
}

export interface AmountMention {
  message: ChatMessageRef;
  text: string;
  amountMinor: number;
}

export interface TemplateRecord {
  id: string;
  typology: string;
  messages: ChatMessageRef[];
}

export interface ConversationRecord {
  file: string;
  format: 'wechat-csv' | 'whatsapp-txt' | 'qq-txt' | 'telegram-json';
  title: string;
  owner: string;
  participants: string[];
  messages: number;
  instance: string | null;
}

export interface NearMissRecord {
  kind: string;
  accounts: string[];
  persons: string[];
  value: string | null;
  note: string;
}

export interface DeviceRecord {
  kind: 'mac' | 'ip' | 'ipv6' | 'phone';
  value: string;
  owner: string | null;
  accounts: string[];
  benign: boolean;
  note: string;
}

export interface AccountTotals {
  account: string;
  rows: number;
  failed: number;
  duplicates: number;
  inMinor: number;
  outMinor: number;
  inCount: number;
  outCount: number;
}

export interface Totals {
  transactions: number;
  failed: number;
  duplicates: number;
  mirrorPairs: number;
  balanceBreaks: number;
  noDataRows: number;
  messages: number;
  sumInMinor: { CNY: number };
  sumOutMinor: { CNY: number };
  byChannel: Record<string, { transactions: number; inMinor: number; outMinor: number }>;
}

export interface GroundTruth {
  schema: typeof GROUND_TRUTH_SCHEMA;
  schemaVersion: typeof GROUND_TRUTH_VERSION;
  generator: { name: string; version: string };
  seed: number;
  requestedTxns: number;
  currency: 'CNY';
  timezone: 'Asia/Shanghai';
  period: { start: string; end: string };
  totals: Totals;
  files: FileRecord[];
  people: PersonRecord[];
  organisations: OrgRecord[];
  accounts: AccountRecord[];
  requests: RequestRecord[];
  typologies: InstanceRecord[];
  passThrough: PathRecord[];
  organiserLinks: { kind: string; value: string; accounts: string[]; note: string }[];
  devices: DeviceRecord[];
  transfers: TransferRecord[];
  duplicates: DuplicateRecord[];
  mirrorPairs: MirrorRecord[];
  failedRows: FailedRecord[];
  noDataRows: NoDataRecord[];
  balanceBreaks: BalanceBreakRecord[];
  chats: {
    conversations: ConversationRecord[];
    transferMessages: ChatTransferLink[];
    amountMentions: AmountMention[];
    templates: TemplateRecord[];
  };
  nearMisses: NearMissRecord[];
  accountTotals: AccountTotals[];
}
