import type { MapperOutput } from './types';

/** A time text that names a day and no time of day: `2024-03-15`, `2024/3/15`, `2024年3月15日`, `20240315`. */
const DATE_ONLY = /^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8})$/;

/** Lines listed at most in the warning; the count is always exact. */
const LINES_LISTED = 10;

/**
 * Any format's transactions whose time is a date without a time of day (read as 00:00 that day) are counted, and one
 * file warning says so at the end — unless the format said it itself (the bank formats' BANK_TIME_DATE_ONLY). The
 * time-window rules (快进快出, mirror pairs) cannot be trusted on such rows, and the investigator should know.
 */
export async function* warnDateOnlyTimes(outputs: AsyncIterable<MapperOutput>): AsyncIterable<MapperOutput> {
  let said = false;
  let count = 0;
  const lines: number[] = [];
  for await (const output of outputs) {
    if (output.type === 'warning' && output.code.endsWith('DATE_ONLY')) said = true;
    if (output.type === 'txn' && output.time.utcMs !== null && DATE_ONLY.test(output.time.original.trim())) {
      count += 1;
      if (lines.length < LINES_LISTED) lines.push(output.line);
    }
    yield output;
  }
  if (count > 0 && !said) {
    const listed = `第 ${lines.join(', ')}${count > lines.length ? ' …' : ''} 行`;
    yield {
      type: 'warning',
      code: 'TIME_DATE_ONLY',
      message: `${count} 笔交易的时间只有日期，没有时刻：按当天 00:00 读取；按时间间隔的规则（如快进快出）对这些行不可靠（${listed}）`,
    };
  }
}
