import type { FormatSpec } from '../types';

/** 查控/调证 bank returns: 交易明细信息, 账户信息, 人员信息, 子账户信息 and their variants. */
export const BANK_FORMATS: readonly FormatSpec[] = [];
