import type { TxnFlag, TxnRow } from '@shared/domain';
import { formatMinor } from '@shared/money';
import { toIsoWithOffset } from '@shared/time';

/** A row as exported: the grid's columns plus where it came from. */
export interface ExportRow extends TxnRow {
  file: string;
  sourceSha256: string;
  sheet: string;
  line: number;
  rowHash: string;
}

/**
 * How a value is written: text; money (yuan with two decimals: a number cell in XLSX, `-1234.56` in CSV); a number
 * string such as a card number (kept as text: in CSV with the trailing tab 查控 returns use so Excel does not turn
 * it into 6.22E+18); an integer.
 */
export type ExportKind = 'text' | 'money' | 'number-text' | 'integer';

export interface ExportColumn {
  header: string;
  kind: ExportKind;
  /** null: empty cell */
  value: (row: ExportRow) => string | number | null;
  width: number;
}

const FLAG_WORDS: Readonly<Record<TxnFlag, string>> = {
  duplicate: '重复记录',
  mirror: '同一笔转账两端',
  failed: '交易失败',
  balanceBreak: '余额不连续',
  reversal: '冲正/退回',
  linkedChat: '关联聊天',
};

const DIRECTION_WORDS = { in: '进', out: '出' } as const;

/** Exports are for Chinese case files: headers use the words of bank returns (UX.md glossary). */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: '记录ID', kind: 'integer', value: (r) => r.id, width: 10 },
  { header: '本方账卡号', kind: 'number-text', value: (r) => r.account, width: 22 },
  { header: '子账户', kind: 'number-text', value: (r) => r.subAccount, width: 14 },
  { header: '户名', kind: 'text', value: (r) => r.holder, width: 16 },
  { header: '本方开户行', kind: 'text', value: (r) => r.bank, width: 20 },
  { header: '交易时间', kind: 'text', value: (r) => (r.utcMs === null ? null : toIsoWithOffset(r.utcMs, r.offsetMinutes ?? 0)), width: 26 },
  { header: '交易时间（原文）', kind: 'text', value: (r) => r.timeText, width: 22 },
  { header: '收付标志', kind: 'text', value: (r) => (r.direction === null ? null : DIRECTION_WORDS[r.direction]), width: 8 },
  { header: '收付标志（原文）', kind: 'text', value: (r) => r.directionRaw, width: 10 },
  { header: '交易金额（元）', kind: 'money', value: (r) => r.amountMinor, width: 16 },
  { header: '币种', kind: 'text', value: (r) => r.currency, width: 6 },
  { header: '交易余额（元）', kind: 'money', value: (r) => r.balanceMinor, width: 16 },
  { header: '对手账卡号', kind: 'number-text', value: (r) => r.cpAccount, width: 22 },
  { header: '对手户名', kind: 'text', value: (r) => r.cpName, width: 20 },
  { header: '对手开户行', kind: 'text', value: (r) => r.cpBank, width: 20 },
  { header: '摘要', kind: 'text', value: (r) => r.summary, width: 16 },
  { header: '渠道', kind: 'text', value: (r) => r.channel, width: 10 },
  { header: 'IP地址', kind: 'text', value: (r) => r.ip, width: 16 },
  { header: 'MAC地址', kind: 'text', value: (r) => r.mac, width: 16 },
  { header: '交易流水号', kind: 'number-text', value: (r) => r.txnNo, width: 24 },
  {
    header: '数据标记',
    kind: 'text',
    value: (r) => (Object.keys(FLAG_WORDS) as TxnFlag[]).filter((flag) => r.flags[flag]).map((flag) => FLAG_WORDS[flag]).join('；') || null,
    width: 18,
  },
  { header: '标签', kind: 'text', value: (r) => r.tags.join('；') || null, width: 16 },
  { header: '来源文件', kind: 'text', value: (r) => r.file, width: 40 },
  { header: '来源文件SHA-256', kind: 'text', value: (r) => r.sourceSha256, width: 20 },
  { header: '工作表', kind: 'text', value: (r) => r.sheet, width: 10 },
  { header: '行号', kind: 'integer', value: (r) => r.line, width: 8 },
  { header: '行哈希（SHA-256）', kind: 'text', value: (r) => r.rowHash, width: 20 },
];

/** Minor units as yuan text without grouping: `-1234.56`. */
export function yuanText(minor: number): string {
  return formatMinor(minor, { grouping: false });
}
