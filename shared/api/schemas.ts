import { z } from 'zod';

/** IANA zone names such as Asia/Shanghai; validated loosely here, strictly by Intl in the backend. */
export const TimeZoneName = z.string().min(1).max(64).regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$|^UTC$/);

export const Operator = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(64),
  unit: z.string().trim().max(128),
  badge: z.string().trim().max(32),
});

export const OperatorInput = Operator.extend({ id: Operator.shape.id.optional() });

export const CaseMeta = z.object({
  /** 案件编号 */
  caseNumber: z.string().trim().max(64),
  /** 案件名称 */
  caseName: z.string().trim().min(1).max(128),
  /** 案由 */
  cause: z.string().trim().max(256),
  /** 承办单位 */
  unit: z.string().trim().max(128),
  /** 承办人 */
  handler: z.string().trim().max(64),
  /** ISO-8601 UTC instant */
  createdAt: z.string(),
  /** default zone for sources that carry none */
  timeZone: TimeZoneName,
});

export const CaseMetaInput = CaseMeta.omit({ createdAt: true }).partial({
  caseNumber: true,
  cause: true,
  unit: true,
  handler: true,
  timeZone: true,
});

export const LockHolder = z.object({
  host: z.enum(['electron', 'serve', 'cli']),
  pid: z.number().int(),
  hostname: z.string(),
  operator: z.string(),
  since: z.string(),
});

export const CaseInfo = z.object({
  caseDir: z.string(),
  meta: CaseMeta,
  schemaVersion: z.number().int(),
  readOnly: z.boolean(),
  lock: LockHolder.nullable(),
});

export const CaseSummary = z.object({
  caseDir: z.string(),
  caseNumber: z.string(),
  caseName: z.string(),
  openedAt: z.string().nullable(),
  /** false when the folder is gone or unreadable; the list keeps it so the user sees why */
  available: z.boolean(),
  problem: z.string().nullable(),
});

export const AuditStatus = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  brokenAtSeq: z.number().int().nullable(),
});

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  params: z.string(),
  paramsDigest: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const MinorByCurrency = z.record(z.string(), z.number().int());
const CountByKey = z.record(z.string(), z.number().int());

/** The `stats --json` shape of ARCHITECTURE.md §6: keys may be added, never renamed. */
export const CaseStats = z.object({
  sources: z.number().int(),
  transactions: z.number().int(),
  messages: z.number().int(),
  accounts: z.number().int(),
  conversations: z.number().int(),
  handles: z.number().int(),
  failed: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  mirrorPairs: z.number().int(),
  balanceBreaks: z.number().int(),
  sumInMinor: MinorByCurrency,
  sumOutMinor: MinorByCurrency,
  audit: AuditStatus,
  lexiconHits: CountByKey,
  identifiers: CountByKey,
});

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'serve']),
  platform: z.string(),
  nodeVersion: z.string(),
  dataDir: z.string(),
  casesDir: z.string(),
  /** native file dialogs exist (Electron); in the browser the user types a path or uploads */
  nativeDialogs: z.boolean(),
});

/**
 * What a job is, for the screens to put in words in their language (`label` keeps the Chinese line built by the
 * backend, for older screens and scripts): an import of files (the first two names and how many in all), a run of
 * detection rules (their ids; none: every rule), an export of transactions (the file format).
 */
export const JobTitle = z.discriminatedUnion('key', [
  z.object({ key: z.literal('import'), names: z.array(z.string()), count: z.number().int() }),
  z.object({ key: z.literal('detect'), rules: z.array(z.string()) }),
  z.object({ key: z.literal('export'), format: z.enum(['csv', 'xlsx']) }),
]);

export const JobProgress = z.object({
  jobId: z.string(),
  kind: z.string(),
  label: z.string(),
  /** the job in structured form (absent: only `label` describes it) */
  title: JobTitle.optional(),
  done: z.number(),
  total: z.number().nullable(),
  unit: z.enum(['rows', 'bytes', 'files', 'steps']),
  ratePerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  /** rows handled so far, when the job counts bytes or files */
  rows: z.number().int().optional(),
  files: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
});

export const MenuCommand = z.enum(['case.new', 'case.open', 'case.close', 'lang.toggle', 'view.audit', 'help.about']);

/** Why a file was skipped, as a code the screens put in words (`reason` keeps the English sentence for scripts). */
export const SkipReason = z.object({
  code: z.enum(['unrecognised', 'already-imported', 'repeated-in-job']),
  /** already-imported: the source it duplicates */
  sourceId: z.number().int().optional(),
  relPath: z.string().optional(),
  importedAt: z.string().optional(),
});

export const ImportFileReport = z.object({
  file: z.string(),
  status: z.enum(['imported', 'skipped']),
  reason: z.string().nullable(),
  skip: SkipReason.nullable().optional(),
  format: z.string().nullable(),
  formatName: z.string().nullable(),
  confidence: z.number().nullable(),
  detectReason: z.string().nullable(),
  encoding: z.string().nullable(),
  sha256: z.string(),
  sm3: z.string(),
  size: z.number().int(),
  sourceId: z.number().int().nullable(),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  warnings: z.array(z.string()),
  errors: z.array(z.object({ line: z.number().int(), sheet: z.string(), code: z.string(), message: z.string() })),
});

export const ImportReport = z.object({
  jobId: z.number().int(),
  files: z.array(ImportFileReport),
  quality: z.object({
    duplicates: z.number().int(),
    reversals: z.number().int(),
    mirrorPairs: z.number().int(),
    balanceBreaks: z.number().int(),
    balanceRowsChecked: z.number().int(),
    /** a WeChat return's login trail (filed under the queried phone) marked as part of its wallet; marks undone */
    accountMerges: z.number().int().optional(),
    accountMergesUndone: z.number().int().optional(),
  }),
  /** text analysis of the job's chat messages */
  chats: z.object({
    messages: z.number().int(),
    identifiers: z.number().int(),
    amounts: z.number().int(),
    lexiconHits: z.number().int(),
    transferLinks: z.number().int(),
    dupClusters: z.number().int(),
  }),
  timings: z.record(z.string(), z.number()),
});

export const InspectedFile = z.object({
  path: z.string(),
  file: z.string(),
  size: z.number().int(),
  status: z.enum(['ok', 'unrecognised', 'unreadable']),
  problem: z.string().nullable(),
  encoding: z.string().nullable(),
  candidates: z.array(z.object({ format: z.string(), name: z.string(), confidence: z.number(), reason: z.string() })),
  /** the first rows as text cells, for the preview (rendered as text only) */
  preview: z.array(z.array(z.string())),
});

export const Acquisition = z.object({
  /** 获取方式: 查控平台 / 调取 / 现场提取 / 当事人提供 */
  method: z.string().max(64),
  /** 反馈单位 */
  unit: z.string().max(128),
  /** 请求号 / 文书号 */
  requestNo: z.string().max(128),
  /** 获取人 */
  acquiredBy: z.string().max(128),
  /** 获取时间 */
  acquiredAt: z.string().max(64),
});

export const SourceInfo = z.object({
  id: z.number().int(),
  jobId: z.number().int(),
  file: z.string(),
  relPath: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  sm3: z.string(),
  storedPath: z.string(),
  format: z.string(),
  kind: z.string(),
  grade: z.enum(['official', 'self-provided']),
  confidence: z.number(),
  detectReason: z.string(),
  encoding: z.string(),
  timeZone: z.string(),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  warnings: z.array(z.string()),
  importedAt: z.string(),
  acquisition: Acquisition,
});

/** Canonical transaction fields a column-mapping template can fill from a source column. */
export const TEMPLATE_FIELDS = [
  'account',
  'accountName',
  'accountId',
  'time',
  'date',
  'timeOfDay',
  'amount',
  'debit',
  'credit',
  'direction',
  'balance',
  'currency',
  'counterpartyAccount',
  'counterpartyName',
  'counterpartyBank',
  'summary',
  'channel',
  'succeeded',
  'txnNo',
  // accounts (账户信息-like tables)
  'bank',
  'branch',
  'openedAt',
  'accountStatus',
  'idType',
  'phone',
  // persons (人员信息-like tables)
  'name',
  'idNumber',
  'address',
  // chat message tables
  'conversation',
  'conversationTitle',
  'senderId',
  'senderName',
  'text',
  'messageType',
] as const;

export const TemplateField = z.enum(TEMPLATE_FIELDS);

/** What the rows of a mapped table are: transactions, account facts, people, or chat messages. */
export const TEMPLATE_KINDS = ['transactions', 'accounts', 'persons', 'messages'] as const;

export const TemplateKind = z.enum(TEMPLATE_KINDS);

const HeaderName = z.string().trim().min(1).max(200);

/** canonical field → the source header it is read from (as printed; compared normalised) */
export const ColumnMap = z.partialRecord(TemplateField, HeaderName);

/** The date-time forms shared/time reads; 'auto' accepts any of them. */
export const DATE_FORMS = ['auto', 'compact-date', 'compact-datetime', 'separated', 'db2', 'chinese', 'iso-offset', 'excel-serial', 'day-first'] as const;

export const MappingRules = z.object({
  dateForm: z.enum(DATE_FORMS).default('auto'),
  /** 'flag': amount + direction column; 'signed': negative = out; 'split': debit (out) and credit (in) columns */
  amountConvention: z.enum(['flag', 'signed', 'split']),
  /** direction words of this source beyond the built-in 进/出, 借/贷, C/D … */
  inWords: z.array(z.string().trim().min(1).max(32)).max(50).default([]),
  outWords: z.array(z.string().trim().min(1).max(32)).max(50).default([]),
  /** currency of rows whose currency cell is blank or absent */
  currency: z.string().trim().min(1).max(8).default('CNY'),
  grade: z.enum(['official', 'self-provided']),
  accountKind: z.enum(['bank', 'alipay', 'tenpay', 'payment']).default('bank'),
});

/** A user-made import format: which column holds which field, and how to read it (saved in `<dataDir>/templates.json`). */
export const MappingTemplate = z.object({
  /** `template:<name>@<version>`, also the format id `import --format` takes */
  id: z.string().min(1),
  name: z.string().trim().min(1).max(64),
  /** what the rows are; templates saved before kinds existed are transaction tables */
  kind: TemplateKind.default('transactions'),
  /** 1, 2, … : saving the same name again adds the next version; older versions stay usable */
  version: z.number().int().min(1),
  createdAt: z.string(),
  /** the normalised header cells it was made from; detection looks for all of them */
  headerSignature: z.array(z.string().min(1).max(200)).min(1).max(200),
  columnMap: ColumnMap,
  rules: MappingRules,
});

/** What the mapping screen sends: a template not yet saved (no id, version or time). */
export const MappingTemplateDraft = MappingTemplate.pick({ kind: true, headerSignature: true, columnMap: true, rules: true });

export const MappingPreviewRow = z.object({
  sheet: z.string(),
  line: z.number().int(),
  account: z.string(),
  /** the instant at the offset it was read with, or the original text when it holds no usable time */
  time: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  direction: z.enum(['in', 'out']).nullable(),
  balanceMinor: z.number().int().nullable(),
  counterparty: z.string(),
  summary: z.string(),
});

/** A mapped row of an account, person or message table: its values as text, by template field. */
export const MappingPreviewRecord = z.object({
  sheet: z.string(),
  line: z.number().int(),
  fields: z.partialRecord(TemplateField, z.string()),
});

export const MappingPreview = z.object({
  rows: z.array(MappingPreviewRow),
  /** rows of templates that are not transaction tables (`rows` then stays empty) */
  records: z.array(MappingPreviewRecord).default([]),
  errors: z.array(z.object({ sheet: z.string(), line: z.number().int(), code: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
});

/** An import format as lists show it: a built-in format or one saved mapping-template version. */
export const FormatInfo = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.object({ zh: z.string(), en: z.string() }),
  kind: z.string(),
  grade: z.enum(['official', 'self-provided']),
  builtIn: z.boolean(),
});
