import { cellValue } from '../tabular';
import type { HeaderedRow } from '../tabular';
import { splitAccountNumber } from './account-number';
import type { TxnField } from './txn-aliases';

/**
 * Rows of a 交易明细 table that are not transactions: totals (合计/总计/小计), page titles and footers (以下空白, 打印人,
 * 第 2 页) that exports print between and after the rows, and title blocks repeated at page breaks. They carry no
 * time; a row with a time is always read as a transaction (and rejected with its reason if it is damaged). Nor is a
 * row that has both an amount and an account or card number skipped for a word in one of its cells (交易类型 合计转账,
 * 对方开户网点 开户行营业部): it goes the normal way, its missing time warned about or its bad one rejected. Only a cell
 * that is nothing but a totals label (`小计`, `本页合计：`) still marks such a row as a total.
 */

const TOTALS = /^(?:本页|本期|当页|全部|总|累计)?\s*(?:合\s*计|总\s*计|小\s*计|共\s*计|累\s*计)/;
/** A whole cell that is only such a label (`小计`, `本页合计：`, `合计 3 笔`): a label even in a free-text column. */
const TOTALS_ONLY = /^(?:本页|本期|当页|全部|总|累计)?\s*(?:合\s*计|总\s*计|小\s*计|共\s*计|累\s*计)(?:金额|笔数)?\s*[:：]?\s*[\d\s,.笔元]*$/;
const FOOTER =
  /^(?:以下空白|以下无内容|以下为空|此页以下空白|以上数据|打印人|打印时间|打印日期|打印机构|经办人|复核人|审核人|制表人|制表|查询人|查询时间|查询条件|查询期间|开户行|开户机构|银行盖章|盖章|签章|第\s*\d+\s*页|共\s*\d+\s*页|页码)/;

/**
 * Free-text columns whose content may start with such words in a real transaction (摘要 “合计利息”): there only a cell
 * that is nothing but a totals label counts.
 */
const FREE_TEXT: readonly TxnField[] = ['summary', 'memo', 'cpName', 'cpBank', 'bank', 'merchant', 'channel', 'branch', 'location', 'feedback'];

/** A cell that can be an account or card number: digits, letters and mask stars, at least four digits. */
export function plausibleNumber(cell: string): boolean {
  const { number } = splitAccountNumber(cell);
  return /^[0-9A-Z*]+$/.test(number) && (number.match(/\d/g)?.length ?? 0) >= 4;
}

/**
 * The first label of a totals or footer row ('' when none). `bareOnly`: only a cell that is nothing but a totals label
 * counts, as it always does in free-text columns.
 */
function label(row: HeaderedRow<TxnField>, bareOnly: boolean): string {
  const freeText = new Set(FREE_TEXT.map((field) => row.get(field)).filter((text) => text !== ''));
  for (const cell of row.record.cells) {
    const text = cellValue(cell);
    if (text === '') continue;
    if ((bareOnly || freeText.has(text)) ? TOTALS_ONLY.test(text) : TOTALS.test(text) || FOOTER.test(text)) return text;
  }
  return '';
}

/**
 * For a row without a readable time: the text to report it by when it is a totals/footer/title row, else null. A row
 * with an amount and a plausible account or card number is one only when a cell is a bare totals label; any other
 * row is one when a cell starts with a totals or footer word, or when it has neither an amount nor a number (a page
 * title, a dashed rule).
 */
export function nonDataRow(row: HeaderedRow<TxnField>, hasAmount: boolean): string | null {
  const hasNumber = (['card', 'account', 'queryCard'] as const).some((field) => plausibleNumber(row.get(field)));
  const found = label(row, hasAmount && hasNumber);
  if (found !== '') return found;
  if (hasAmount || hasNumber) return null;
  const first = row.record.cells.map(cellValue).find((text) => text !== '');
  return first ?? '';
}
