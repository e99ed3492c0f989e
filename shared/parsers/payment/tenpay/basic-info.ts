import { cellText } from '../../tabular';
import type { AccountDraft, AccountRef, DetectInput, Detection, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { clean, rowError } from '../common/cells';
import { looksLikeBankReturn } from '../common/detect';
import { IdentifierCollector } from '../common/identifiers';
import { tenpayPathFacts } from './path';

/**
 * regInfobasicInfo.txt: a WeChat account's registration as `键: 值` lines (微信号: wxid_…, 别名, 昵称, 当前绑定手机号,
 * 注册时间), sometimes tab-separated instead. A file may list several accounts; each 微信号 line starts a new one.
 */

const KEYS = ['微信号', '别名', '昵称', '当前绑定手机号', '绑定手机号', '绑定手机', '注册时间', 'QQ号', '邮箱', '注册地', '注册IP'];

interface Entry {
  key: string;
  value: string;
  record: SourceRecord;
}

/** `微信号: wxid_…` in one cell, or `微信号` / `wxid_…` in two; null for any other line. */
export function keyValue(record: SourceRecord): { key: string; value: string } | null {
  const cells = record.cells.map(cellText).filter((cell) => cell !== '');
  const first = cells[0];
  if (first === undefined) return null;
  const inline = /^([^:：]{1,20}?)\s*[:：]\s*(.*)$/.exec(first);
  if (inline && !/\d/.test(inline[1] ?? '')) return { key: (inline[1] ?? '').trim(), value: ((inline[2] ?? '') || (cells[1] ?? '')).trim() };
  if (cells.length >= 2 && KEYS.includes(first)) return { key: first, value: (cells[1] ?? '').trim() };
  return null;
}

/** The table layout: a header row naming 微信号 and other known keys, one account per row below it. */
function tableHeader(record: SourceRecord): string[] | null {
  const cells = record.cells.map(cellText);
  return cells.includes('微信号') && cells.filter((cell) => KEYS.includes(cell)).length >= 2 ? cells : null;
}

function detect(input: DetectInput): Detection | null {
  if (looksLikeBankReturn(input)) return null;
  const header = input.head.map(tableHeader).find((cells) => cells !== null);
  const keys = new Set(
    header
      ? header.filter((cell) => KEYS.includes(cell))
      : input.head.map(keyValue).flatMap((kv) => (kv !== null && KEYS.includes(kv.key) ? [kv.key] : [])),
  );
  if (!keys.has('微信号') || keys.size < 2) return null;
  const named = /reginfo|basicinfo/i.test(input.fileName);
  const confidence = Math.min(0.99, 0.55 + 0.08 * keys.size + (named ? 0.1 : 0));
  return { confidence, reason: `微信注册信息 regInfobasicInfo：识别出 ${keys.size} 个字段（${[...keys].slice(0, 4).join(', ')} …）${named ? '；文件名符合' : ''}` };
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const { phone } = tenpayPathFacts(context.relPath);
  const ids = new IdentifierCollector();
  let block: Entry[] = [];
  let sawAny = false;
  let header: string[] | null = null;
  for await (const record of records) {
    if (header === null && !sawAny) {
      header = tableHeader(record);
      if (header !== null) continue; // the header row itself
    }
    if (header !== null) {
      const columns = header;
      if (record.cells.every((cell) => cellText(cell) === '')) continue;
      sawAny = true;
      const entries = columns.map((key, column) => ({ key, value: cellText(record.cells[column]), record })).filter((entry) => entry.key !== '');
      yield* emit(entries, ids, phone);
      continue;
    }
    const kv = keyValue(record);
    if (kv === null) continue;
    if (kv.key === '微信号' && block.some((entry) => entry.key === '微信号')) {
      yield* emit(block, ids, phone);
      block = [];
    }
    block.push({ ...kv, record });
    sawAny = true;
  }
  if (block.length > 0) yield* emit(block, ids, phone);
  if (!sawAny) yield { type: 'warning', code: 'NO_HEADER', message: `regInfobasicInfo：${context.fileName} 中没有“键: 值”行，文件未导入任何行` };
}

function* emit(block: Entry[], ids: IdentifierCollector, queriedPhone: string | undefined): Iterable<MapperOutput> {
  const first = block[0];
  if (first === undefined) return;
  const value = (key: string): string => clean(block.find((entry) => entry.key === key)?.value);
  const wxid = value('微信号');
  const alias = value('别名');
  const number = wxid || alias;
  if (number === '') {
    yield rowError(first.record, 'MISSING_FIELD', '微信号和别名都为空');
    return;
  }
  const raw: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  for (const entry of block) {
    raw[entry.key in raw ? `${entry.key}#${entry.record.line}` : entry.key] = entry.value;
    if (entry.key !== '微信号' && clean(entry.value) !== '' && !(entry.key in attributes)) attributes[entry.key] = clean(entry.value);
  }
  const account: AccountRef = { kind: 'tenpay', number, subAccount: '' };
  const draft: AccountDraft = { type: 'account', sheet: first.record.sheet, line: first.record.line, raw, account, attributes };
  yield draft;
  const at = (key: string): SourceRecord => block.find((entry) => entry.key === key)?.record ?? first.record;
  const boundPhone = value('当前绑定手机号') || value('绑定手机号') || value('绑定手机');
  const made = [
    ids.make(at('微信号'), raw, account, 'wechat_id', wxid, 'wxid'),
    ids.make(at('别名'), raw, account, 'wechat_id', alias, 'alias'),
    ids.make(at('当前绑定手机号'), raw, account, 'phone', boundPhone, 'bound-phone'),
    ids.make(at('QQ号'), raw, account, 'qq', value('QQ号'), 'bound-qq'),
    ids.make(at('邮箱'), raw, account, 'email', value('邮箱'), 'bound-email'),
    queriedPhone === undefined ? null : ids.make(first.record, raw, account, 'phone', queriedPhone, 'queried'),
  ];
  for (const identifier of made) if (identifier !== null) yield identifier;
}

export const tenpayBasicInfo: FormatSpec = {
  id: 'tenpay.basic-info',
  version: 1,
  name: { zh: '微信注册信息（regInfobasicInfo）', en: 'WeChat account registration (regInfobasicInfo), police return' },
  kind: 'registrations',
  grade: 'official',
  detect,
  mapRows,
};
