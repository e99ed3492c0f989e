import type { FormatSpec } from '../types';
import { alipayBalance } from './alipay/balance';
import { alipayBill } from './alipay/bill';
import { alipayLogins } from './alipay/logins';
import { alipayRegister } from './alipay/register';
import { alipayTrades } from './alipay/trades';
import { paymentSummary } from './payment-summary/summary';
import { tenpayBasicInfo } from './tenpay/basic-info';
import { tenpayBoundCards } from './tenpay/bound-cards';
import { tenpayLogins } from './tenpay/logins';
import { tenpayRegister } from './tenpay/register';
import { tenpayTrades } from './tenpay/trades';
import { wechatBill } from './wechat-bill/bill';

/** Payment platforms: Alipay and Tenpay police returns, personal bills, other institutions' 支付流水汇总. */
export const PAYMENT_FORMATS: readonly FormatSpec[] = [
  alipayRegister,
  alipayLogins,
  alipayTrades,
  alipayBalance,
  alipayBill,
  tenpayTrades,
  tenpayRegister,
  tenpayBoundCards,
  tenpayLogins,
  tenpayBasicInfo,
  wechatBill,
  paymentSummary,
];
