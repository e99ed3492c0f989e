import type { FormatSpec } from '../types';

/** Payment platforms: Alipay and Tenpay police returns, personal bills, other institutions' 支付流水汇总. */
export const PAYMENT_FORMATS: readonly FormatSpec[] = [];
