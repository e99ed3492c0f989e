import { foldWidth } from '../../ids/fold-width';
import { parseIp } from '../../ids/ip';
import { normaliseMac } from '../../ids/mac';

/**
 * Currency words and codes seen in 交易币种/币种 → ISO 4217 (ISO numeric codes included; `01` is 人民币 in the
 * domestic banks' own currency codes, whose other numbers are not listed here since they differ from ISO's).
 */
const CURRENCIES: Readonly<Record<string, string>> = {
  人民币: 'CNY', 人民币元: 'CNY', 本币: 'CNY', RMB: 'CNY', CNY: 'CNY', '156': 'CNY', 元: 'CNY', '01': 'CNY',
  美元: 'USD', 美金: 'USD', USD: 'USD', '840': 'USD',
  港币: 'HKD', 港元: 'HKD', HKD: 'HKD', '344': 'HKD',
  欧元: 'EUR', EUR: 'EUR', '978': 'EUR',
  日元: 'JPY', JPY: 'JPY', '392': 'JPY',
  英镑: 'GBP', GBP: 'GBP', '826': 'GBP',
};

/**
 * The currency of a row. A blank cell means 人民币: 查控 returns are domestic accounts and print the currency only
 * when it is not obvious to the bank. An unknown word is kept as written (upper-cased) and reported, never guessed.
 */
export function normaliseCurrency(cell: string): { code: string; known: boolean } {
  const key = foldWidth(cell).replace(/\s+/g, '').toUpperCase();
  if (key === '') return { code: 'CNY', known: true };
  const code = CURRENCIES[key] ?? CURRENCIES[key.replace(/[(（].*$/, '')];
  return code === undefined ? { code: key, known: false } : { code, known: true };
}

export type SuccessFlag = 'ok' | 'failed' | 'blank' | 'unknown';

const SUCCESS_WORDS = new Set(['成功', '是', 'Y', 'YES', '1', 'T', 'TRUE', 'S', '00', '0000', '交易成功', '正常', '已成功']);
const FAILURE_WORDS = new Set(['失败', '否', 'N', 'NO', '0', 'F', 'FALSE', '交易失败', '不成功', '未成功']);

/** 交易是否成功: 是/否, 成功/失败, Y/N, 1/0 … */
export function successFlag(cell: string): SuccessFlag {
  const key = foldWidth(cell).trim().toUpperCase();
  if (key === '') return 'blank';
  if (SUCCESS_WORDS.has(key)) return 'ok';
  if (FAILURE_WORDS.has(key)) return 'failed';
  return 'unknown';
}

export type FeedbackKind = 'blank' | 'success' | 'failure' | 'no-data' | 'other';

const NO_DATA = /无交易|无.{0,4}记录|无数据|无明细|未查询到|未查到|查无|没有.{0,4}(?:交易|记录)|无符合|不存在|未发生/;
const FAILURE = /失败|不成功|未成功|拒绝|被拒|无效交易/;
const SUCCESS = /^(?:查询|反馈|交易)?(?:成功|正常)$|^已反馈$/;

/** 查询反馈结果原因: '查询成功' on ordinary rows, '交易失败:…' on refused ones, '…无交易记录' on no-data answers. */
export function feedbackKind(cell: string): FeedbackKind {
  const text = foldWidth(cell).trim();
  if (text === '') return 'blank';
  if (SUCCESS.test(text)) return 'success';
  if (NO_DATA.test(text)) return 'no-data';
  if (FAILURE.test(text)) return 'failure';
  return 'other';
}

/** Free text that says a transaction failed (some banks put the reason in 备注 instead). */
export function saysFailed(text: string): boolean {
  return FAILURE.test(text);
}

/**
 * 现金标志: 现金/现 → cash, 转账/转/非现金 → not cash, 是/否 and Y/N likewise. Numeric codes differ between banks
 * (1 is 现金 in some, 转账 in others), so they are left undefined and the raw value is what an investigator sees.
 */
export function cashFlag(cell: string): boolean | undefined {
  const key = foldWidth(cell).trim().toUpperCase();
  if (['现金', '现', '是', 'Y', 'CASH'].includes(key)) return true;
  if (['转账', '转', '非现金', '否', 'N', '其他', 'TRANSFER'].includes(key)) return false;
  return undefined;
}

/** IPv4/IPv6 in canonical form; undefined for blanks, all-zero placeholders and text that is no address. */
export function ipAddress(cell: string): { value: string | undefined; unreadable: boolean } {
  const text = foldWidth(cell).trim();
  if (text === '' || /^[-—0.:\s]*$/.test(text)) return { value: undefined, unreadable: false };
  const info = parseIp(text);
  if (info === null) return { value: undefined, unreadable: true };
  if (info.flags.includes('unspecified')) return { value: undefined, unreadable: false };
  return { value: info.normalized, unreadable: false };
}

/** MAC as 12 lower-case hex characters (shared/ids); undefined for blanks and all-zero/all-F placeholders. */
export function macAddress(cell: string): { value: string | undefined; unreadable: boolean } {
  const text = foldWidth(cell).trim();
  if (text === '' || /^[-—0:.\s]*$/.test(text)) return { value: undefined, unreadable: false };
  const mac = normaliseMac(text);
  if (mac !== null) return { value: mac, unreadable: false };
  return { value: undefined, unreadable: !/^(?:f{2}[-:.]?){6}$/i.test(text) };
}
