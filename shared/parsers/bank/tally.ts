import type { FileWarning } from '../types';

/**
 * Per-row oddities that are not worth rejecting a row for (blank directions, placeholder times, unreadable
 * balances …) are counted while the rows stream and reported once per file, with the lines they occurred on, so
 * an investigator sees "44 rows without a direction: lines …" rather than 44 separate remarks.
 */

export type TallyCode =
  | 'BANK_DIRECTION_UNKNOWN'
  | 'BANK_DIRECTION_FROM_SIGN'
  | 'BANK_NEGATIVE_AMOUNT_WITH_FLAG'
  | 'BANK_FEEDBACK_ONLY_ROWS'
  | 'BANK_TIME_MISSING'
  | 'BANK_TIME_MIDNIGHT'
  | 'BANK_TIME_DATE_ONLY'
  | 'BANK_SUCCESS_FLAG_UNKNOWN'
  | 'BANK_BALANCE_UNREADABLE'
  | 'BANK_CURRENCY_UNKNOWN'
  | 'BANK_IP_UNREADABLE'
  | 'BANK_MAC_UNREADABLE'
  | 'BANK_PHONE_UNREADABLE'
  | 'BANK_NON_DATA_ROWS'
  | 'BANK_NUMBER_EXPONENT'
  | 'BANK_NUMBER_DIGITS_LOST'
  | 'BANK_NUMBER_LEADING_ZEROS'
  | 'BANK_CARD_CHECK_DIGIT';

const MESSAGES: Readonly<Record<TallyCode, string>> = {
  BANK_DIRECTION_UNKNOWN: '行的收付方向为空或无法识别，方向记为未知（金额按原值保留，不计入收入或支出）',
  BANK_DIRECTION_FROM_SIGN: '行的收付标志为空或无法识别，但金额为负数：方向按负号记为“出”',
  BANK_NEGATIVE_AMOUNT_WITH_FLAG: '行的金额为负数且有收付标志：方向以标志为准，金额取绝对值（请用余额连续性核对是否为冲正）',
  BANK_FEEDBACK_ONLY_ROWS: '行只是查询反馈（无金额，例如“无交易记录”），不是交易，未导入为交易',
  BANK_TIME_MISSING: '行的交易时间为空或为占位值（00000000 等），时间记为未知',
  BANK_TIME_MIDNIGHT: '行的时间部分为 000000，按当日 00:00:00 读入（可能是占位值）',
  BANK_TIME_DATE_ONLY: '行的交易时间只有日期，没有时刻：按当天 00:00 读取；按时间间隔的规则（如快进快出）对这些行不可靠',
  BANK_SUCCESS_FLAG_UNKNOWN: '行的“交易是否成功”取值无法识别，按成功处理',
  BANK_BALANCE_UNREADABLE: '行的余额无法识别，余额记为空',
  BANK_CURRENCY_UNKNOWN: '行的币种无法识别，按原文保留',
  BANK_IP_UNREADABLE: '行的 IP 地址无法识别，未作为 IP 使用（原值保留）',
  BANK_MAC_UNREADABLE: '行的 MAC 地址无法识别，未作为 MAC 使用（原值保留）',
  BANK_PHONE_UNREADABLE: '行的电话号码无法识别，未作为电话标识（原值保留）',
  BANK_NON_DATA_ROWS: '行是合计、页眉页脚或标题行（无交易时间），不是交易，已跳过',
  BANK_NUMBER_EXPONENT: '行的账号/卡号被 Excel 改成了科学计数法（如 6.22202E+18），原号码已无法恢复，未作为号码使用（原值保留）',
  BANK_NUMBER_DIGITS_LOST: '行的账号/卡号末尾几位疑似被 Excel 按数字保存时丢失（15 位有效数字后全为 0），不同卡号可能因此相同，请与原始数据核对',
  BANK_NUMBER_LEADING_ZEROS: '行的同一号码既有带前导 0 的写法也有不带的写法（疑似按数字保存丢失了前导 0），请核对',
  BANK_CARD_CHECK_DIGIT: '行的卡号未通过 Luhn 校验位检查，可能抄录或导出时出错（对公账号等非卡号不适用）',
};

const MAX_LINES = 20;
const MAX_VALUES = 8;

interface Entry {
  count: number;
  lines: number[];
  values: Set<string>;
}

export class WarningTally {
  private readonly entries = new Map<TallyCode, Entry>();

  add(code: TallyCode, line: number, value?: string): void {
    let entry = this.entries.get(code);
    if (entry === undefined) {
      entry = { count: 0, lines: [], values: new Set() };
      this.entries.set(code, entry);
    }
    entry.count += 1;
    if (entry.lines.length < MAX_LINES) entry.lines.push(line);
    if (value !== undefined && entry.values.size < MAX_VALUES) entry.values.add(value);
  }

  warnings(): FileWarning[] {
    return [...this.entries].map(([code, entry]) => {
      const lines = `${entry.lines.join(', ')}${entry.count > entry.lines.length ? ' …' : ''}`;
      const values = entry.values.size > 0 ? `；取值：${[...entry.values].map((v) => `“${v}”`).join('、')}` : '';
      return { type: 'warning', code, message: `${entry.count} ${MESSAGES[code]}（第 ${lines} 行${values}）` };
    });
  }
}
