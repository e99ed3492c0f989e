import { cellText, headerDetection, normaliseHeader } from '../../tabular';
import type { Aliases } from '../../tabular';
import type { DetectInput, Detection } from '../../types';

/**
 * Columns only 查控/调证 bank returns have. A file showing any of them in its head belongs to the bank formats and is
 * never claimed by a payment format, however many payment-like columns (交易时间, 交易金额, MAC地址 …) it shares.
 */
const BANK_ONLY = ['交易卡号', '交易账号', '收付标志', '交易对手账卡号', '查询反馈结果原因', '交易方户名', '对手户名', '本方账号', '本方卡号'].map(
  normaliseHeader,
);

export function looksLikeBankReturn(input: DetectInput): boolean {
  return input.head.some((record) => record.cells.some((cell) => BANK_ONLY.includes(normaliseHeader(cell))));
}

export interface PaymentDetectSpec<F extends string> {
  aliases: Aliases<F>;
  required: readonly F[];
  label: string;
  /** file-name or folder words that platforms use for this table (TenpayTrades, 注册信息 …) */
  nameHints?: readonly RegExp[];
  /** words the file's own title or banner lines carry (微信支付账单明细, 支付宝（中国）…) */
  contentHints?: readonly RegExp[];
  /** when the header vocabulary is generic, a match without any hint only reaches this confidence */
  unhintedCap?: number;
}

/**
 * Header vocabulary first (tabular.headerDetection), then a small boost for a file name or banner that names the
 * table, each stated in the reason. Returns null for bank returns and for heads without the required columns.
 */
export function detectPayment<F extends string>(input: DetectInput, spec: PaymentDetectSpec<F>): Detection | null {
  if (looksLikeBankReturn(input)) return null;
  const base = headerDetection(input.head, spec.aliases, spec.required, spec.label);
  if (base === null) return null;
  const reasons = [base.reason];
  let confidence = base.confidence;
  const path = `${input.relPath}/${input.fileName}`;
  const nameHit = spec.nameHints?.find((hint) => hint.test(path));
  if (nameHit) {
    confidence += 0.1;
    reasons.push(`文件名/路径符合 ${String(nameHit)}`);
  }
  const contentHit = spec.contentHints?.find((hint) => input.head.some((record) => record.cells.some((cell) => hint.test(cellText(cell)))));
  if (contentHit) {
    confidence += 0.05;
    reasons.push(`标题行符合 ${String(contentHit)}`);
  }
  if (!nameHit && !contentHit && spec.unhintedCap !== undefined && confidence > spec.unhintedCap) {
    confidence = spec.unhintedCap;
    reasons.push('列名通用且文件名无提示：可信度低');
  }
  return { confidence: Math.min(0.99, confidence), reason: reasons.join('；') };
}
