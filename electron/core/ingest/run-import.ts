import { AppError } from '@shared/api';
import type { MappingTemplate, SkipReason } from '@shared/domain';
import { warnDateOnlyTimes } from '@shared/parsers/date-only';
import { detectFormats, formatById } from '@shared/parsers/registry';
import { detectableFormats, selectableFormats } from '@shared/parsers/template';
import type { FormatSpec, SourceRecord } from '@shared/parsers/types';
import { canonicalJson } from '@shared/util/canonical-json';
import type { Db } from '../db/connection';
import { defaultAcquisition, type Acquisition } from './acquisition';
import { DraftWriter } from './draft-writer';
import { discardOriginals, stageOriginal, type StagedOriginal } from './originals';
import { ORIGINAL_RANK, QUALITY_VERSION, REVERSAL_WORDS, checkBalances, linkMirrorPairs, markDuplicates, markReversals } from './quality';
import { detectInputOf, openSourceFile } from './read/open-source-file';
import { collectInputs, type InputFile } from './walk';
import { ChatWriter } from './chat-writer';
import { CHAT_ANALYSIS_VERSION, analyseNewMessages, type ChatAnalysisResult, type MessageLexicon } from './chat-analysis';
import { hashAttachments } from './attachments';
import { foldPhoneRecordsOfJob } from './fold-phone-records';
import { compileCaseLexicon } from '../chats/lexicon-store';
import { stat } from 'node:fs/promises';

export const IMPORTER_VERSION = '1';
const ERROR_LIST_LIMIT = 500;

export interface ImportRequest {
  caseDir: string;
  paths: readonly string[];
  operator: string;
  /** zone for times without one (the case default unless the user chose another) */
  timeZone: string;
  /** force a format for the files named explicitly (--format) */
  formatId?: string | undefined;
  acquisition?: Partial<Acquisition> | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** replaces detection's formats (tests); functions, so never sent to the worker */
  formats?: readonly FormatSpec[] | undefined;
  /** saved column-mapping templates, as data: the worker turns them into formats itself */
  templates?: readonly MappingTemplate[] | undefined;
  /** jobs at least this large (bytes) load without the secondary indexes; default 32 MB */
  bulkThresholdBytes?: number | undefined;
  /** the typology lexicon, compiled (default: the case's own; null: no lexicon hits) */
  lexicon?: MessageLexicon | null | undefined;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  rows: number;
  currentFile: string;
}

export interface FileReport {
  file: string;
  status: 'imported' | 'skipped';
  reason: string | null;
  skip: SkipReason | null;
  format: string | null;
  formatName: string | null;
  confidence: number | null;
  detectReason: string | null;
  encoding: string | null;
  sha256: string;
  sm3: string;
  size: number;
  sourceId: number | null;
  rowsRead: number;
  imported: number;
  rejected: number;
  warnings: string[];
  errors: { line: number; sheet: string; code: string; message: string }[];
}

export interface ImportReport {
  jobId: number;
  files: FileReport[];
  /** duplicates: rows that became duplicates in this job, less those that stopped being ones (a better row arrived) */
  quality: {
    duplicates: number;
    reversals: number;
    mirrorPairs: number;
    balanceBreaks: number;
    balanceRowsChecked: number;
    /** phone records marked as part of their wallet in this job, and earlier such marks this job undid */
    accountMerges: number;
    accountMergesUndone: number;
  };
  /** what the text analysis of the job's chat messages found (zeros without messages) */
  chats: ChatAnalysisResult;
  /** seconds spent per stage, for `chainsight bench` */
  timings: { copyAndHash: number; detect: number; readAndMap: number; insert: number; indexes: number; quality: number; commit: number };
}

/** Jobs this large drop the transaction table's secondary indexes while loading. */
const BULK_BYTES = 32 * 1024 * 1024;
const BULK_INDEXES = [
  { name: 'txn_account_time', create: 'CREATE INDEX IF NOT EXISTS txn_account_time ON txn(account_id, ts_utc)' },
  { name: 'txn_source_line', create: 'CREATE INDEX IF NOT EXISTS txn_source_line ON txn(source_id, line)' },
  { name: 'txn_account_amount', create: 'CREATE INDEX IF NOT EXISTS txn_account_amount ON txn(account_id, amount_minor)' },
  { name: 'txn_account_txn_no', create: 'CREATE INDEX IF NOT EXISTS txn_account_txn_no ON txn(account_id, txn_no, amount_minor)' },
  { name: 'txn_cp_account', create: 'CREATE INDEX IF NOT EXISTS txn_cp_account ON txn(cp_account, ts_utc, amount_minor) WHERE cp_account IS NOT NULL' },
  { name: 'txn_cp_name', create: 'CREATE INDEX IF NOT EXISTS txn_cp_name ON txn(cp_name, ts_utc, amount_minor) WHERE cp_name IS NOT NULL' },
  { name: 'txn_amount_size', create: 'CREATE INDEX IF NOT EXISTS txn_amount_size ON txn(abs(amount_minor))' },
  { name: 'txn_dup_of', create: 'CREATE INDEX IF NOT EXISTS txn_dup_of ON txn(dup_of) WHERE dup_of IS NOT NULL' },
  { name: 'txn_reversal_of', create: 'CREATE INDEX IF NOT EXISTS txn_reversal_of ON txn(reversal_of) WHERE reversal_of IS NOT NULL' },
  { name: 'txn_time', create: 'CREATE INDEX IF NOT EXISTS txn_time ON txn(ts_utc)' },
  {
    name: 'txn_time_cover',
    create: 'CREATE INDEX IF NOT EXISTS txn_time_cover ON txn(ts_utc, succeeded, dup_of, account_id, direction, currency, amount_minor)',
  },
  {
    name: 'txn_account_time_cover',
    create: 'CREATE INDEX IF NOT EXISTS txn_account_time_cover ON txn(account_id, ts_utc, succeeded, dup_of, direction, currency, amount_minor)',
  },
] as const;

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

/**
 * One import job (ARCHITECTURE.md §5.6): every file chosen together goes in one transaction. A file that cannot be
 * read at all aborts the job — nothing is written and its copies in originals/ are removed — and the error names
 * the file; rows that cannot be parsed are listed and counted and the rest imports.
 */
export async function runImport(db: Db, request: ImportRequest): Promise<ImportReport> {
  const templates = request.templates ?? [];
  const formats = request.formats ?? detectableFormats(templates);
  // --format may name any saved version of a template, not only the latest one detection tries
  const selectable = [...formats, ...selectableFormats(templates)];
  const inputs = await collectInputs(request.paths);
  if (inputs.length === 0) throw new AppError('IMPORT_NOTHING', 'No files to import in what was chosen.');
  const sizes = await Promise.all(inputs.map(async (input) => (await stat(input.path)).size));
  const progress: ImportProgress = {
    filesDone: 0,
    filesTotal: inputs.length,
    bytesDone: 0,
    bytesTotal: sizes.reduce((a, b) => a + b, 0),
    rows: 0,
    currentFile: '',
  };
  const kept: string[] = [];
  const staged: StagedOriginal[] = [];
  const timings: ImportReport['timings'] = { copyAndHash: 0, detect: 0, readAndMap: 0, insert: 0, indexes: 0, quality: 0, commit: 0 };
  // one transaction holds the whole job: give it a page cache that fits a large statement's indexes (256 MB at
  // most, within the importer's memory budget) so pages are not spilled and re-read mid-job
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  db.exec('BEGIN IMMEDIATE');
  try {
    const startedAt = new Date().toISOString();
    const jobId = Number(
      db
        .prepare('INSERT INTO import_job (started_at, finished_at, operator, params) VALUES (?, ?, ?, ?)')
        .run(startedAt, startedAt, request.operator, canonicalJson({ paths: request.paths, timeZone: request.timeZone, formatId: request.formatId ?? null }))
        .lastInsertRowid,
    );
    // a large job loads faster into a table without its secondary indexes, rebuilt once at the end (in the same
    // transaction, so a failed job gets them back with the rollback)
    const bulk = progress.bytesTotal >= (request.bulkThresholdBytes ?? BULK_BYTES);
    let started = process.hrtime.bigint();
    if (bulk) db.exec(BULK_INDEXES.map((index) => `DROP INDEX IF EXISTS ${index.name}`).join(';\n'));
    const writer = new DraftWriter(db);
    const chatWriter = new ChatWriter(db);
    const lastMessageBefore = (db.prepare('SELECT coalesce(max(id), 0) FROM message').pluck().get() as number) ?? 0;
    const files: FileReport[] = [];
    const accounts = new Set<number>();
    const newSources: number[] = [];
    const seenHashes = new Set<string>();
    for (const [index, input] of inputs.entries()) {
      progress.currentFile = input.relPath;
      const report = await importOne(db, { writer, chatWriter }, input, request, { formats, selectable }, { jobId, accounts, seenHashes, staged, kept, progress, timings });
      if (report.sourceId !== null) newSources.push(report.sourceId);
      files.push(report);
      progress.filesDone = index + 1;
      progress.bytesDone = sizes.slice(0, index + 1).reduce((a, b) => a + b, 0);
      request.onProgress?.({ ...progress });
    }
    if (bulk) {
      started = process.hrtime.bigint();
      db.exec(BULK_INDEXES.map((index) => index.create).join(';\n'));
      timings.indexes = seconds(started);
    }
    if (newSources.length === 0) {
      const reasons = files.map((file) => `${file.file}: ${file.reason ?? 'skipped'}`).join('; ');
      throw new AppError('IMPORT_NOTHING', `Nothing was imported (${reasons}).`);
    }
    started = process.hrtime.bigint();
    // a WeChat return's login trail (filed under the queried phone) joins its wallet before the checks
    const folds = foldPhoneRecordsOfJob(db, jobId);
    const quality = { ...runQualityChecks(db, jobId, [...accounts], newSources), accountMerges: folds.folded.length, accountMergesUndone: folds.undone.length };
    const chats = runChatAnalysis(db, jobId, lastMessageBefore, request.lexicon === undefined ? compileCaseLexicon(db) : request.lexicon);
    timings.quality = seconds(started);
    db.prepare('UPDATE import_job SET finished_at = ? WHERE id = ?').run(new Date().toISOString(), jobId);
    started = process.hrtime.bigint();
    db.exec('COMMIT');
    db.pragma(`cache_size = ${previousCache}`);
    timings.commit = seconds(started);
    return { jobId, files, quality, chats, timings };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.pragma(`cache_size = ${previousCache}`);
    await Promise.all(staged.map((item) => item.discard()));
    await discardOriginals(kept);
    throw error;
  }
}

interface JobState {
  jobId: number;
  accounts: Set<number>;
  seenHashes: Set<string>;
  staged: StagedOriginal[];
  kept: string[];
  progress: ImportProgress;
  timings: ImportReport['timings'];
}

async function importOne(
  db: Db,
  { writer, chatWriter }: { writer: DraftWriter; chatWriter: ChatWriter },
  input: InputFile,
  request: ImportRequest,
  { formats, selectable }: { formats: readonly FormatSpec[]; selectable: readonly FormatSpec[] },
  state: JobState,
): Promise<FileReport> {
  let started = process.hrtime.bigint();
  const original = await stageOriginal(request.caseDir, input.path, request.signal);
  state.timings.copyAndHash += seconds(started);
  state.staged.push(original);
  const base: FileReport = {
    file: input.relPath,
    status: 'skipped',
    reason: null,
    skip: null,
    format: null,
    formatName: null,
    confidence: null,
    detectReason: null,
    encoding: null,
    sha256: original.sha256,
    sm3: original.sm3,
    size: original.size,
    sourceId: null,
    rowsRead: 0,
    imported: 0,
    rejected: 0,
    warnings: [],
    errors: [],
  };
  const existing = db.prepare('SELECT id, rel_path, imported_at FROM source WHERE sha256 = ?').get(original.sha256) as
    | { id: number; rel_path: string; imported_at: string }
    | undefined;
  if (existing || state.seenHashes.has(original.sha256)) {
    await original.discard();
    if (existing) {
      const reason = `already imported as source #${existing.id} (${existing.rel_path}, ${existing.imported_at}); identical SHA-256`;
      return { ...base, reason, skip: { code: 'already-imported', sourceId: existing.id, relPath: existing.rel_path, importedAt: existing.imported_at } };
    }
    return { ...base, reason: 'the same file (identical SHA-256) appears twice in this import', skip: { code: 'repeated-in-job' } };
  }
  state.seenHashes.add(original.sha256);

  started = process.hrtime.bigint();
  const probe = await openSourceFile(original.tempPath, input.relPath);
  const detectInput = await detectInputOf(probe, input.fileName, input.relPath);
  const forced = input.explicit && request.formatId ? formatById(request.formatId, selectable) : undefined;
  if (input.explicit && request.formatId && !forced) {
    throw new AppError('IMPORT_UNRECOGNISED', `Unknown format id "${request.formatId}" (see chainsight formats).`, { file: input.relPath });
  }
  const detected = detectFormats(detectInput, formats);
  const best = detected[0];
  const format = forced ?? best?.format;
  if (!format) {
    await original.discard();
    const reason = 'format not recognised (no built-in format or saved template matches its header)';
    if (input.explicit) throw new AppError('IMPORT_UNRECOGNISED', `${input.relPath}: ${reason}`, { file: input.relPath });
    return { ...base, reason, skip: { code: 'unrecognised' }, encoding: probe.encoding };
  }
  state.timings.detect += seconds(started);
  const confidence = forced ? 1 : (best?.confidence ?? 0);
  const detectReason = forced ? `format chosen by the user (${format.id})` : (best?.reason ?? '');

  const stored = await original.keep();
  state.kept.push(stored.absolutePath);
  // parse the kept copy: the hashes on record describe exactly the bytes the rows came from
  const file = probe.at(stored.absolutePath);
  const acquisition = { ...defaultAcquisition(input.relPath, input.fileName, format.grade, request.operator), ...request.acquisition };
  const sourceId = Number(
    db
      .prepare(
        `INSERT INTO source (job_id, file_name, rel_path, size, sha256, sm3, stored_path, format_id, format_version, kind, grade,
           confidence, detect_reason, encoding, time_zone, rows_read, imported, rejected, warnings,
           acq_method, acq_unit, acq_request_no, acq_by, acq_at, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '[]', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        state.jobId, input.fileName, input.relPath, stored.size, stored.sha256, stored.sm3, stored.storedPath, format.id, format.version,
        format.kind, format.grade, confidence, detectReason, file.encoding, request.timeZone,
        acquisition.method, acquisition.unit, acquisition.requestNo, acquisition.acquiredBy, acquisition.acquiredAt, new Date().toISOString(),
      ).lastInsertRowid,
  );

  const report: FileReport = { ...base, status: 'imported', sourceId, format: format.id, formatName: format.name.zh, confidence, detectReason, encoding: file.encoding };
  let rowsRead = 0;
  let bytes = 0;
  let handled = 0;
  // a row may yield several drafts (an account and its phones): it counts once as imported
  let lastRow = '';
  const countRow = (sheet: string, line: number): void => {
    const key = `${sheet}\u0000${line}`;
    if (key !== lastRow) report.imported += 1;
    lastRow = key;
  };
  const counted = async function* (records: AsyncIterable<SourceRecord>): AsyncIterable<SourceRecord> {
    for await (const record of records) {
      rowsRead += 1;
      yield record;
    }
  };
  const baseContext = { fileName: input.fileName, relPath: input.relPath, timeZone: request.timeZone };
  // a format that must see the whole file first (day-first or month-first dates …) gets its survey's conclusions
  const hints = format.survey ? await format.survey(file.read(format.input, { signal: request.signal }), baseContext) : {};
  const context = { ...baseContext, hints };
  const records = counted(file.read(format.input, { signal: request.signal, onBytes: (n) => (bytes += n) }));
  let messages = 0;
  const loopStarted = process.hrtime.bigint();
  let insertNs = 0n;
  for await (const output of warnDateOnlyTimes(format.mapRows(records, context))) {
    const insertStarted = process.hrtime.bigint();
    switch (output.type) {
      case 'txn':
        state.accounts.add(writer.writeTxn(sourceId, output));
        countRow(output.sheet, output.line);
        break;
      case 'account':
        state.accounts.add(writer.writeAccount(sourceId, output));
        countRow(output.sheet, output.line);
        break;
      case 'person':
        writer.writePerson(sourceId, output);
        countRow(output.sheet, output.line);
        break;
      case 'identifier':
        writer.writeIdentifier(sourceId, output);
        countRow(output.sheet, output.line);
        break;
      case 'message':
        chatWriter.writeMessage(sourceId, output);
        // one message is one item; JSON exports have no lines (0), so each counts on its own
        if (output.line === 0) report.imported += 1;
        else countRow(output.sheet, output.line);
        messages += 1;
        break;
      case 'error':
        writer.writeRowError(sourceId, output);
        report.rejected += 1;
        if (report.errors.length < ERROR_LIST_LIMIT) report.errors.push({ line: output.line, sheet: output.sheet, code: output.code, message: output.message });
        break;
      case 'warning':
        report.warnings.push(output.message);
        break;
    }
    insertNs += process.hrtime.bigint() - insertStarted;
    handled += 1;
    if (handled % 5000 === 0) {
      request.onProgress?.({ ...state.progress, rows: state.progress.rows + handled, bytesDone: state.progress.bytesDone + bytes });
      if (request.signal?.aborted) throw request.signal.reason;
    }
  }
  state.timings.insert += Number(insertNs) / 1e9;
  state.timings.readAndMap += seconds(loopStarted) - Number(insertNs) / 1e9;
  if (messages > 0) {
    chatWriter.finishSource();
    report.warnings.push(...(await hashAttachments(db, sourceId, file, input)));
  }
  state.progress.rows += handled;
  report.rowsRead = rowsRead;
  db.prepare('UPDATE source SET rows_read = ?, imported = ?, rejected = ?, warnings = ? WHERE id = ?').run(
    rowsRead, report.imported, report.rejected, JSON.stringify(report.warnings), sourceId,
  );
  return report;
}

function runChatAnalysis(db: Db, jobId: number, afterId: number, lexicon: MessageLexicon | null): ChatAnalysisResult {
  const found = analyseNewMessages(db, afterId, lexicon);
  if (found.messages > 0) {
    db.prepare('INSERT INTO cleaning_step (job_id, step, tool, params, rows_in, rows_out, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      jobId, 'chat-text-analysis', `chainsight-chat@${CHAT_ANALYSIS_VERSION}`,
      canonicalJson({ lexiconVersion: lexicon?.version ?? null, transferWindowMinutes: 10 }), found.messages, found.identifiers + found.amounts + found.lexiconHits,
      canonicalJson(found), new Date().toISOString(),
    );
  }
  return found;
}

function runQualityChecks(db: Db, jobId: number, accounts: number[], sources: number[]): Omit<ImportReport['quality'], 'accountMerges' | 'accountMergesUndone'> {
  const step = db.prepare('INSERT INTO cleaning_step (job_id, step, tool, params, rows_in, rows_out, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const tool = `chainsight-quality@${QUALITY_VERSION}`;
  const now = (): string => new Date().toISOString();
  const duplicates = markDuplicates(db, accounts, jobId);
  // the re-ranked rows and the moved or cleared links one by one (rare), so the record explains every mark it changed
  step.run(jobId, 'duplicates', tool, canonicalJson({ rules: ['txn-no', 'fingerprint'], original: [...ORIGINAL_RANK.map((rank) => rank.what), 'earliest imported'] }),
    null, duplicates.txnNo + duplicates.fingerprint,
    canonicalJson({
      byTxnNo: duplicates.txnNo, byFingerprint: duplicates.fingerprint, outranked: duplicates.outranked, repointed: duplicates.repointed,
      promoted: duplicates.promoted, moved: duplicates.moved, changed: duplicates.changed, links: duplicates.links, note: 'marked, never deleted',
    }), now());
  const reversals = markReversals(db, accounts);
  step.run(jobId, 'reversals', tool, canonicalJson({ words: REVERSAL_WORDS.source, windowDays: 7 }), null, reversals, canonicalJson({ reversals }), now());
  const mirrorPairs = linkMirrorPairs(db);
  step.run(jobId, 'mirror-pairs', tool, canonicalJson({ windowMinutes: 15 }), null, mirrorPairs, canonicalJson({ pairs: mirrorPairs }), now());
  const balances = checkBalances(db, sources);
  step.run(jobId, 'balance-continuity', tool, canonicalJson({ skip: 'bank-failed rows, rows without balance' }), balances.checked, balances.breaks,
    canonicalJson({ orders: balances.orders }), now());
  // rows that became duplicates in this job: a row promoted to original no longer is one
  const newDuplicates = duplicates.txnNo + duplicates.fingerprint - duplicates.promoted;
  return { duplicates: newDuplicates, reversals, mirrorPairs, balanceBreaks: balances.breaks, balanceRowsChecked: balances.checked };
}
