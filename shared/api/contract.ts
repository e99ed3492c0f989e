import { z } from 'zod';
import {
  Acquisition,
  AppInfo,
  ImportReport,
  InspectedFile,
  SourceInfo,
  AuditEntry,
  AuditStatus,
  CaseInfo,
  CaseMetaInput,
  CaseStats,
  CaseSummary,
  ColumnMap,
  FormatInfo,
  JobProgress,
  MappingPreview,
  MappingTemplate,
  MappingTemplateDraft,
  MenuCommand,
  Operator,
  OperatorInput,
  TemplateKind,
} from './schemas';
import { ChatConversation, ChatFilter, ChatMessage, ChatParticipant, LexiconGroupSummary, MentionSummary } from './chat-schemas';
import { DetectRunInput, DetectRunReport, FindingDetail, FindingSummary, RuleFindingCount, RuleInfo } from './detect-schemas';
import {
  AccountSummary,
  CounterpartyRanking,
  CounterpartyRankingInput,
  SavedView,
  TxnDetail,
  TxnExportInput,
  TxnExportResult,
  TxnFilter,
  TxnPage,
  TxnQueryInput,
  ViewPage,
} from './txn-schemas';
import {
  BrushInput,
  BrushOutput,
  CalendarInput,
  CalendarOutput,
  Density,
  DensityInput,
  EventsInput,
  EventsOutput,
  Heatmap,
  HeatmapInput,
  LanesOutput,
  SelectionInput,
  SelectionOutput,
  TimelineTxn,
} from './timeline-schemas';
import { FlowGraphInput, FlowGraphResult, FlowRowsInput, FlowRowsResult, FollowUpExport, FollowUpFilter, FollowUpList, SaveTraceInput, TraceInput, TraceResult } from './flow-schemas';
import { GlobalSearchResult, ItemMarks, ItemNote, ItemRef, ItemRefs, ItemType, NoteText, Tag, TagColor, TaggedItem, TagName } from './tag-schemas';

const Empty = z.object({}).strict();

/**
 * How a method relates to the open case:
 * - `read`: reads only;
 * - `write`: changes the case, so the router requires the writer lock and appends an audit entry;
 * - `app`: changes app-level state (operators, recent list) outside any case;
 * - `job`: starts a background job that changes the case; it needs the writer lock like `write`, and the job
 *   audits its own outcome when it ends (the attempt and what it did, in one entry).
 */
export type MethodKind = 'read' | 'write' | 'app' | 'job';

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  in: I;
  out: O;
  kind: MethodKind;
}

function method<I extends z.ZodType, O extends z.ZodType>(kind: MethodKind, input: I, output: O): MethodSpec<I, O> {
  return { in: input, out: output, kind };
}

/** Every call the renderer (or any other client) can make: `domain.verb` → zod schemas. Declared once. */
export const methods = {
  'app.info': method('read', Empty, AppInfo),

  'operators.list': method('read', Empty, z.object({ operators: z.array(Operator), currentId: z.string().nullable() })),
  'operators.save': method('app', OperatorInput, Operator),
  'operators.select': method('app', z.object({ id: z.string().min(1) }), Operator),

  'cases.recent': method('read', Empty, z.object({ cases: z.array(CaseSummary) })),
  'cases.create': method(
    'app',
    z.object({
      /** folder that will hold `<folderName>.chainsight/`; defaults to the app's cases folder */
      parentDir: z.string().min(1).optional(),
      folderName: z.string().trim().min(1).max(100),
      meta: CaseMetaInput,
    }),
    CaseInfo,
  ),
  'cases.open': method('app', z.object({ caseDir: z.string().min(1) }), CaseInfo),
  /** first run: generate the fictional demo data set, create a case for it and start importing it */
  'cases.createDemo': method(
    'app',
    z.object({ seed: z.number().int().min(0).max(1_000_000).default(1), txns: z.number().int().min(1000).max(200_000).default(5000) }),
    z.object({ case: CaseInfo, jobId: z.string(), dataDir: z.string() }),
  ),
  'cases.close': method('app', Empty, z.object({ closed: z.boolean() })),
  'cases.current': method('read', Empty, z.object({ case: CaseInfo.nullable() })),
  'cases.updateMeta': method('write', CaseMetaInput.partial(), CaseInfo),
  'cases.stats': method('read', Empty, CaseStats),

  'audit.list': method(
    'read',
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ entries: z.array(AuditEntry), total: z.number().int() }),
  ),
  'audit.verify': method('read', Empty, AuditStatus),

  'dialogs.pickFolder': method('read', z.object({ title: z.string().max(200).optional() }), z.object({ path: z.string().nullable() })),
  'dialogs.pickSavePath': method(
    'read',
    z.object({ title: z.string().max(200).optional(), defaultName: z.string().max(255) }),
    z.object({ path: z.string().nullable() }),
  ),
  /**
   * native open dialog for files to import, several at once (the desktop app's way in: its preload exposes only
   * call and on, so dropped File objects never become paths). Folders too where the platform's dialog can mix them
   * (macOS); elsewhere folders come from dialogs.pickFolder.
   */
  'dialogs.pickFiles': method('read', z.object({ title: z.string().max(200).optional() }), z.object({ paths: z.array(z.string()) })),

  /** look at files before importing: detected format with confidence and reason, encoding, first rows */
  'import.inspect': method('read', z.object({ paths: z.array(z.string().min(1)).min(1).max(10_000) }), z.object({ files: z.array(InspectedFile) })),
  /** start an import job in the background; progress arrives as job.progressed, the outcome as import.finished */
  'import.start': method(
    'job',
    z.object({
      paths: z.array(z.string().min(1)).min(1).max(10_000),
      formatId: z.string().min(1).optional(),
      timeZone: z.string().min(1).optional(),
    }),
    z.object({ jobId: z.string() }),
  ),
  /** what a column mapping makes of a file's first rows, before it is saved (rows as text, row errors) */
  'import.preview': method('read', z.object({ path: z.string().min(1), template: MappingTemplateDraft }), MappingPreview),
  'import.report': method('read', z.object({ jobId: z.string() }), z.object({ report: ImportReport.nullable() })),
  'sources.list': method('read', Empty, z.object({ sources: z.array(SourceInfo) })),
  'sources.updateAcquisition': method('write', z.object({ sourceId: z.number().int(), acquisition: Acquisition.partial() }), SourceInfo),

  /** saved column-mapping templates, every version; detection uses the latest version of each name */
  'templates.list': method('read', Empty, z.object({ templates: z.array(MappingTemplate) })),
  /** save a mapping under a name; saving the same name again adds the next version */
  'templates.save': method('app', MappingTemplateDraft.extend({ name: MappingTemplate.shape.name }), MappingTemplate),
  /** canonical fields suggested from Chinese and English header names */
  'templates.suggest': method(
    'read',
    z.object({ headers: z.array(z.string().max(200)).max(200), kind: TemplateKind.default('transactions') }),
    z.object({ columnMap: ColumnMap }),
  ),
  /** give every version of a template a new name (their ids follow: template:<newName>@<version>) */
  'templates.rename': method(
    'app',
    z.object({ name: MappingTemplate.shape.name, newName: MappingTemplate.shape.name }),
    z.object({ templates: z.array(MappingTemplate) }),
  ),
  /** remove every version of a template; sources imported with it keep their rows and format id */
  'templates.delete': method('app', z.object({ name: MappingTemplate.shape.name }), z.object({ deleted: z.number().int() })),

  /** every format an import can use: the built-in ones, then every saved template version */
  'formats.list': method('read', Empty, z.object({ formats: z.array(FormatInfo) })),

  /** conversations with counts, date ranges and how many messages the lexicon flags */
  'chats.conversations': method('read', Empty, z.object({ conversations: z.array(ChatConversation) })),
  'chats.participants': method('read', z.object({ conversationId: z.number().int() }), z.object({ participants: z.array(ChatParticipant) })),
  /** a page of messages in time order (of one conversation, or of all), filtered; spans mark hits and mentions */
  'chats.messages': method(
    'read',
    ChatFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ total: z.number().int(), offset: z.number().int(), messages: z.array(ChatMessage) }),
  ),
  /**
   * jump to a date — the index (within the filtered list) of the first message at or after the instant — or to a
   * message: its own index (-1 when the filter leaves it out)
   */
  'chats.locate': method(
    'read',
    ChatFilter.extend({ utcMs: z.number().optional(), messageId: z.number().int().optional() }).refine((input) => input.utcMs !== undefined || input.messageId !== undefined, {
      message: 'give utcMs or messageId',
    }),
    z.object({ index: z.number().int() }),
  ),
  /** one message with its spans and provenance */
  'chats.message': method('read', z.object({ id: z.number().int() }), z.object({ message: ChatMessage.nullable() })),
  /** full-text search (trigram index; 1–2 characters by scanning), newest hits last, with highlighted spans */
  'chats.search': method(
    'read',
    ChatFilter.extend({
      query: z.string().trim().min(1).max(200),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ total: z.number().int(), offset: z.number().int(), messages: z.array(ChatMessage) }),
  ),
  /** every phone, card, ID, account, amount … written in messages, with where and how often */
  'chats.mentions': method(
    'read',
    ChatFilter.extend({ kind: z.string().max(32).optional(), limit: z.number().int().min(1).max(5000).default(1000) }),
    z.object({ mentions: z.array(MentionSummary) }),
  ),
  /** the typology lexicon's groups with their hit counts in the case */
  'lexicon.groups': method('read', Empty, z.object({ version: z.number().int(), groups: z.array(LexiconGroupSummary) })),
  /** the lexicon as editable JSON text */
  'lexicon.get': method('read', Empty, z.object({ version: z.number().int(), json: z.string() })),
  /** save an edited lexicon as the next version and rescore every message with it */
  'lexicon.save': method('write', z.object({ json: z.string().min(2).max(2_000_000) }), z.object({ version: z.number().int(), hits: z.number().int() })),

  /** every tag with its counts per item type: typology presets (created on first use) first, then free tags */
  'tags.list': method('read', Empty, z.object({ tags: z.array(Tag) })),
  /** a free tag; its colour defaults to the next of the palette */
  'tags.create': method('write', z.object({ name: TagName, color: TagColor.optional() }), Tag),
  /** rename (free tags only) or recolour a tag */
  'tags.rename': method('write', z.object({ tagId: z.number().int(), name: TagName, color: TagColor.optional() }), Tag),
  /** delete a free tag and its links (refused for typology presets); the items stay */
  'tags.delete': method('write', z.object({ tagId: z.number().int() }), z.object({ name: z.string(), links: z.number().int() })),
  /** tag items in bulk; idempotent: items already tagged are counted in `already` */
  'tags.apply': method('write', z.object({ tagId: z.number().int(), items: ItemRefs }), z.object({ applied: z.number().int(), already: z.number().int() })),
  /** take a tag off items */
  'tags.remove': method('write', z.object({ tagId: z.number().int(), items: ItemRefs }), z.object({ removed: z.number().int() })),
  /** a page of a tag's items, each with what a one-line description needs */
  'tags.items': method(
    'read',
    z.object({
      tagId: z.number().int(),
      type: ItemType.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(TaggedItem) }),
  ),
  /** the tags, note and star of each item (grids and detail panels) */
  'tags.ofItems': method('read', z.object({ items: z.array(ItemRef).max(5000) }), z.object({ items: z.array(ItemMarks) })),
  'notes.get': method('read', z.object({ item: ItemRef }), ItemNote),
  /** write an item's note and star (an empty note without a star removes them) */
  'notes.set': method('write', z.object({ item: ItemRef, text: NoteText, starred: z.boolean() }), ItemNote),
  /** every place a phone, card, account or ID number, name or amount appears, grouped by kind */
  'search.global': method(
    'read',
    z.object({ value: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200).default(20) }),
    GlobalSearchResult,
  ),

  /** the timeline's lanes (accounts, conversations, chat handles, and the whole case) with counts and time ranges */
  'timeline.lanes': method('read', Empty, LanesOutput),
  /** counts (and sums for money) per lane per time bucket, for the zoomed-out timeline */
  'timeline.density': method('read', DensityInput, Density),
  /** individual transactions and messages in a range, for the zoomed-in timeline */
  'timeline.events': method('read', EventsInput, EventsOutput),
  /** the items of a brushed period, a page at a time, for the side panel */
  'timeline.brush': method('read', BrushInput, BrushOutput),
  /** every item of a brushed period as references, to tag the selection */
  'timeline.selection': method('read', SelectionInput, SelectionOutput),
  /** hour of day × weekday counts in a display zone, with night and public-holiday counts */
  'timeline.heatmap': method('read', HeatmapInput, Heatmap),
  /** public holidays and 调休 working days between two dates (shipped State Council calendar) */
  'timeline.calendar': method('read', CalendarInput, CalendarOutput),
  /** one transaction with its provenance, for the event detail */
  'timeline.txn': method('read', z.object({ id: z.number().int() }), z.object({ txn: TimelineTxn.nullable() })),

  /** the fund-flow graph: accounts and platforms as nodes, transfers aggregated into edges, the busiest kept */
  'flow.graph': method('read', FlowGraphInput, FlowGraphResult),
  /** the rows behind a node, an edge or a trace hop, in time order, a page at a time */
  'flow.rows': method('read', FlowRowsInput, FlowRowsResult),
  /** multi-hop fund tracing (去向/来源) with FIFO or proportional attribution and what stays at each account */
  'flow.trace': method('read', TraceInput, TraceResult),
  /** store a trace as a finding (rule 'trace') with its parameters, hop rows and seeds */
  'flow.saveTrace': method('write', SaveTraceInput, z.object({ findingId: z.number().int(), title: z.string(), titleEn: z.string().nullable(), trace: TraceResult })),
  /** 补调清单: counterparties the money reached whose statements the case lacks, grouped by the institution to ask */
  'flow.followUps': method('read', FollowUpFilter, FollowUpList),
  /** the 补调清单 as XLSX in the case's exports/ folder */
  'flow.exportFollowUps': method('write', FollowUpFilter, FollowUpExport),

  /** a page of the transactions grid: filter, sort (id breaks ties) and the total for the scrollbar */
  'txns.query': method('read', TxnQueryInput, TxnPage),
  /** one transaction: every field, provenance (file, sheet, line, raw row, hashes) and related items */
  'txns.get': method('read', z.object({ id: z.number().int() }), z.object({ txn: TxnDetail.nullable() })),
  /** the whole filtered view as CSV or XLSX in the case's exports/ folder, as a job (progress, cancel), audited */
  'txns.export': method('job', TxnExportInput, TxnExportResult),
  /** per own account: in, out, net, counts, first and last time, balance check */
  'txns.accountSummary': method('read', z.object({ filter: TxnFilter.optional() }), z.object({ accounts: z.array(AccountSummary) })),
  /** counterparties ranked, with granularity, direction, N and what was excluded stated */
  'txns.counterpartyRanking': method('read', CounterpartyRankingInput, CounterpartyRanking),
  /** saved views of a page (filters, sort, columns) */
  'views.list': method('read', z.object({ page: ViewPage }), z.object({ views: z.array(SavedView) })),
  /** save a view under a name; the same name again replaces it */
  'views.save': method('write', z.object({ page: ViewPage, name: z.string().trim().min(1).max(100), state: SavedView.shape.state }), SavedView),
  'views.delete': method('write', z.object({ id: z.number().int() }), z.object({ deleted: z.boolean() })),

  /** every detector: id, names, version, parameters with defaults and descriptions */
  'detect.rules': method('read', Empty, z.object({ rules: z.array(RuleInfo) })),
  /** run detectors (all, or the ones named) as a job with progress and cancel; hits are stored as findings, audited */
  'detect.run': method('job', DetectRunInput, z.object({ jobId: z.string() })),
  /** what a finished detector run did, by job id */
  'detect.report': method('read', z.object({ jobId: z.string() }), z.object({ report: DetectRunReport.nullable() })),
  /** findings of the detectors (of one rule when given), best score first, with counts per rule */
  'findings.list': method(
    'read',
    z.object({ rule: z.string().min(1).max(64).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ total: z.number().int(), findings: z.array(FindingSummary), byRule: z.array(RuleFindingCount) }),
  ),
  /** one finding with its parameters, detail, accounts and evidence rows (txn ids with display fields) */
  'findings.get': method('read', z.object({ id: z.number().int() }), z.object({ finding: FindingDetail.nullable() })),

  'jobs.cancel': method('read', z.object({ jobId: z.string().min(1) }), z.object({ cancelled: z.boolean() })),
} as const;

/** Past-tense facts the backend pushes to every client. */
export const events = {
  'case.changed': z.object({ caseDir: z.string().nullable() }),
  'audit.appended': z.object({ seq: z.number().int(), action: z.string() }),
  'job.progressed': JobProgress,
  'job.finished': z.object({ jobId: z.string(), ok: z.boolean(), message: z.string().nullable() }),
  'import.finished': z.object({ jobId: z.string(), ok: z.boolean(), report: ImportReport.nullable(), error: z.object({ code: z.string(), message: z.string() }).nullable() }),
  'menu.invoked': z.object({ command: MenuCommand }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['in']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['in']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['out']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export interface EventMessage<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
