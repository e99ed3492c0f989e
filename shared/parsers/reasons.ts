import type { AmountErrorReason } from '../money/types';
import type { TimeErrorReason } from '../time/parse-datetime';

/**
 * Why an amount or a time cell could not be read, worded for the import report (Chinese, like the rest of it), shared
 * by the bank and payment mappers so one reason reads the same in every format: `交易金额“12O.00”不是数字`,
 * `交易时间“2024-02-30”无法读取：日期不存在`.
 */

export const AMOUNT_REASONS: Readonly<Record<AmountErrorReason, string>> = {
  empty: '为空',
  'not-a-number': '不是数字',
  'bad-grouping': '千分位分隔不正确',
  exponent: '是科学计数法（原值已失真）',
  'too-many-decimals': '小数超过两位',
  'not-integer': '不是整数',
  'conflicting-signs': '正负号矛盾',
  'too-large': '超出可精确表示的范围',
};

export const TIME_REASONS: Readonly<Record<TimeErrorReason, string>> = {
  empty: '为空',
  placeholder: '是占位值',
  unrecognised: '格式无法识别',
  'bad-date': '日期不存在',
  'bad-time': '时刻不存在',
  'bad-offset': '时区偏移无效',
  'bad-zone': '时区无效',
  'ambiguous-local-time': '当地时间有歧义',
  'nonexistent-local-time': '当地时间不存在',
  'excel-1900-02-29': 'Excel 1900-02-29 不存在',
};

/** `${column}“${text}”${reason}` for an amount cell: `金额（元）“abc”不是数字`. */
export function badAmountMessage(column: string, text: string, reason: AmountErrorReason): string {
  return `${column}“${text.trim()}”${AMOUNT_REASONS[reason]}`;
}

/** `${column}“${text}”无法读取：${reason}` for a time cell: `交易时间“昨天”无法读取：格式无法识别`. */
export function badTimeMessage(column: string, text: string, reason: TimeErrorReason): string {
  return `${column}“${text.trim()}”无法读取：${TIME_REASONS[reason]}`;
}
