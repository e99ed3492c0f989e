import { cellText, headered, isBlank } from '../../tabular';
import type { HeaderedRow } from '../../tabular';
import type { ChatPlatform, SourceRecord } from '../../types';
import { chatHeaderOf, headerName } from './fields';
import type { ChatHeader, Field } from './fields';
import { offsetInHeader } from './forensic-time';
import { conversationKind } from './handles';
import { distinctValues, isTitleKey, readTitleRow } from './title-rows';
import type { TitleConversation, TitleFacts } from './title-rows';

/**
 * Walks a forensic report's rows as the pipeline hands them (XLSX sheets, or the <table>s of an HTML report as
 * sheets 'table N') and hands on each message row with what the rows around it said: the report's case facts, the
 * table's header (a report repeats it for every conversation, so any later header row starts a new table) and the
 * title row naming the conversation. A title-only table (an HTML report that puts 会话：… in a table of its own)
 * names the conversation of the next table.
 */

export interface ReportFacts {
  caseNo: string;
  evidenceNo: string;
  ownerId: string;
  ownerName: string;
  platform: ChatPlatform | null;
}

export interface ReportRow {
  row: HeaderedRow<Field>;
  header: ChatHeader;
  /** the offset the time column's header states (`时间(UTC+8)`), minutes */
  headerOffset: number | null;
  conversation: TitleConversation | null;
  report: Readonly<ReportFacts>;
}

/** Rows read as titles or notes inside a table, for the file's warning. */
export interface SkippedRows {
  notes: number;
  /** where the first few notes are, for the warning */
  firstNotes: { sheet: string; line: number }[];
  /** chat header rows seen (0: the file holds no chat table this format knows) */
  headers: number;
}

/** How many rows above a sheet's first table are read as its title block. */
const TITLE_BLOCK_ROWS = 20;
/** A table this short without a header is a title table whose conversation carries over to the next. */
const TITLE_TABLE_ROWS = 3;

const EMPTY_FACTS: ReportFacts = { caseNo: '', evidenceNo: '', ownerId: '', ownerName: '', platform: null };

export async function* reportRows(records: AsyncIterable<SourceRecord>, skipped: SkippedRows): AsyncIterable<ReportRow> {
  let report: ReportFacts = EMPTY_FACTS;
  let sheet: string | null = null;
  let header: ChatHeader | null = null;
  let headerOffset: number | null = null;
  let conversation: TitleConversation | null = null;
  let sheetHadTable = false;
  let sheetRows = 0;
  let afterTitle = false;
  for await (const record of records) {
    if (record.sheet !== sheet) {
      // a new sheet or HTML table starts afresh, except that a short title-only table (会话：… in a table of its
      // own) names the conversation of the next one
      if (sheet !== null && (sheetHadTable || sheetRows > TITLE_TABLE_ROWS)) conversation = null;
      sheet = record.sheet;
      header = null;
      sheetHadTable = false;
      sheetRows = 0;
      afterTitle = false;
    }
    if (isBlank(record)) continue;
    sheetRows += 1;
    const asHeader = chatHeaderOf(record);
    if (asHeader !== null) {
      header = asHeader;
      headerOffset = offsetInHeader(headerName(asHeader, 'time'));
      sheetHadTable = true;
      skipped.headers += 1;
      afterTitle = false;
      continue;
    }
    if (header === null || !isMessageRow(record, header)) {
      // before a sheet's first table only its first rows are a title block (not a contact list on a sheet of its own)
      const facts = header === null ? (sheetRows <= TITLE_BLOCK_ROWS ? readTitleRow(record.cells) : null) : titleInTable(record);
      // a `键：值` row inside a table that says nothing this format keeps is reported with the notes
      if (header !== null && (facts === null || Object.keys(facts).length === 0)) {
        skipped.notes += 1;
        if (skipped.firstNotes.length < 5) skipped.firstNotes.push({ sheet: record.sheet, line: record.line });
      }
      if (facts !== null) {
        report = withReportFacts(report, facts);
        conversation = withConversation(conversation, facts, afterTitle);
        afterTitle = true;
      }
      continue;
    }
    afterTitle = false;
    yield { row: headered(record, header), header, headerOffset, conversation, report };
  }
}

/**
 * Inside a table, a row is a message unless it is a title (one value, as a merged title row gives, or a key cell and
 * its value) or, with its time cell empty, a lone note outside the time and content columns (共 12 条, 第 2 页). A
 * message row that lost its time stays a message, so its error is reported.
 */
function isMessageRow(record: SourceRecord, header: ChatHeader): boolean {
  if (titleInTable(record) !== null) return false;
  const timeColumn = header.columns.get('time');
  if (timeColumn !== undefined && cellText(record.cells[timeColumn]) !== '') return true;
  const contentColumn = header.columns.get('content');
  const filled = record.cells.flatMap((cell, column) => (cellText(cell) === '' ? [] : [column]));
  return !(distinctValues(record.cells).length === 1 && filled.every((column) => column !== timeColumn && column !== contentColumn));
}

function titleInTable(record: SourceRecord): TitleFacts | null {
  const values = distinctValues(record.cells);
  if (values.length === 1 || (values.length === 2 && isTitleKey(values[0] ?? ''))) return readTitleRow(values);
  return null;
}

function withReportFacts(report: ReportFacts, facts: TitleFacts): ReportFacts {
  const next: ReportFacts = {
    caseNo: facts.caseNo ?? report.caseNo,
    evidenceNo: facts.evidenceNo ?? report.evidenceNo,
    ownerId: facts.ownerId ?? report.ownerId,
    ownerName: facts.ownerName ?? report.ownerName,
    platform: facts.platform ?? report.platform,
  };
  const same = (Object.keys(next) as (keyof ReportFacts)[]).every((key) => next[key] === report[key]);
  return same ? report : next;
}

/** A new title replaces the conversation; a 会话ID row right under a title completes it. */
function withConversation(current: TitleConversation | null, facts: TitleFacts, afterTitle: boolean): TitleConversation | null {
  if (facts.conversation !== undefined) {
    const next = facts.conversation;
    return facts.conversationId !== undefined && next.id === '' ? { ...next, id: facts.conversationId } : next;
  }
  if (facts.conversationId !== undefined) {
    const id = facts.conversationId;
    if (afterTitle && current !== null && current.id === '') {
      const kind = current.kind === 'unknown' ? conversationKind('', current.name, id) : current.kind;
      return { ...current, id, kind, text: `${current.text} ${id}` };
    }
    return { name: '', id, kind: conversationKind('', '', id), text: id };
  }
  return current;
}
