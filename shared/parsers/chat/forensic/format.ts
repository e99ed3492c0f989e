import { cellText } from '../../tabular';
import type { DetectInput, Detection, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { IdentifierCollector } from '../../payment/common/identifiers';
import { FIELD_COUNT, bestChatHeader } from './fields';
import { mapMessageRow } from './map-message';
import type { FileState } from './map-message';
import { reportRows } from './report-rows';
import type { SkippedRows } from './report-rows';

/**
 * Chat tables of phone-forensics reports (美亚柏科 取证大师/手机取证系统, 火眼证据分析, 盘古石手机取证, 效率源 …) exported
 * as XLSX or HTML: one alias-driven format for all of them, since the tools differ in wording rather than in shape.
 */

/** Words of a forensic report's title rows and of its file names. */
const REPORT_WORDS = /聊天记录|聊天消息|即时通讯|取证|案件编号|检材编号|^(?:会话|群聊|聊天对象)[:：]/;
const NAME_WORDS = /聊天|取证|报告|即时通讯|微信|QQ|消息/i;

function detect(input: DetectInput): Detection | null {
  const header = bestChatHeader(input.head);
  if (header === null) return null;
  const reasons: string[] = [];
  const examples = [...header.columns.values()].slice(0, 5).map((column) => header.names[column]).join(', ');
  reasons.push(`取证报告聊天表：表头匹配 ${header.matched}/${FIELD_COUNT} 个字段（${examples} …）`);
  let confidence = 0.5 + (0.5 * header.matched) / FIELD_COUNT;
  const title = input.head.flatMap((record) => record.cells).find((cell) => REPORT_WORDS.test(cellText(cell)));
  if (title !== undefined) {
    confidence += 0.1;
    reasons.push(`标题行“${cellText(title).slice(0, 40)}”`);
  }
  if (NAME_WORDS.test(`${input.relPath}/${input.fileName}`)) {
    confidence += 0.05;
    reasons.push('文件名/路径表明是聊天记录或取证报告');
  }
  if (header.matched < 4 && title === undefined) {
    // 时间 + 内容 + one more column is any log's header: a guess without a report title
    confidence = Math.min(confidence, 0.45);
    reasons.push('聊天列少且无报告标题：可信度低');
  }
  return { confidence: Math.min(0.95, confidence), reason: reasons.join('；') };
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const skipped: SkippedRows = { notes: 0, firstNotes: [], headers: 0 };
  const state: FileState = { ids: new IdentifierCollector(), unnamedConversation: null };
  for await (const item of reportRows(records, skipped)) yield* mapMessageRow(item, context, state);
  if (skipped.headers === 0) {
    yield { type: 'warning', code: 'NO_HEADER', message: '取证报告聊天表: no header row with a time column (时间/发送时间 …) and a content column (内容/消息内容 …) was found' };
  }
  if (skipped.notes > 0) {
    const where = skipped.firstNotes.map((note) => place(note.sheet, note.line)).join(', ');
    yield {
      type: 'warning',
      code: 'ROWS_READ_AS_NOTES',
      message: `${skipped.notes} row(s) inside the chat tables hold a single note and no time; they were not read as messages (${where}${skipped.notes > skipped.firstNotes.length ? ' …' : ''})`,
    };
  }
  if (state.unnamedConversation !== null) {
    const { sheet, line } = state.unnamedConversation;
    yield {
      type: 'warning',
      code: 'CONVERSATION_UNNAMED',
      message: `no column, title row or sheet name says which conversation some messages belong to (first at ${place(sheet, line)}); they are filed under the file's name`,
    };
  }
}

function place(sheet: string, line: number): string {
  return sheet === '' ? `line ${line}` : `${sheet} line ${line}`;
}

export const forensicChatTable: FormatSpec = {
  id: 'forensic.chat-table',
  version: 1,
  name: { zh: '手机取证报告聊天记录表', en: 'Chat table of a phone-forensics report' },
  kind: 'messages',
  // A forensic extraction is the investigators' own acquisition from a seized phone: neither a platform's return
  // ('official') nor material a party handed over. SourceGrade has no grade for it, so it is 'self-provided' (the
  // grade of everything that is not a platform's or bank's return) until the model grows one.
  grade: 'self-provided',
  input: { kind: 'table' },
  detect,
  mapRows,
};
