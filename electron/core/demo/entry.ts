/** One line of one account's statement before it is printed, whatever the channel. */
import type { Leg } from './model';

export type Fill = 'none' | 'sweep' | 'repay-all' | 'interest';

export interface Entry {
  t: number;
  dir: 1 | -1;
  /** 分; for fills, computed from the balance when the row is reached */
  amount: number;
  fill: Fill;
  fillBp: number;
  cpName: string;
  cpCard: string;
  cpBank: string;
  cpIdNo: string;
  /** the counterparty's wallet id (wxid / 2088 UID / merchant id) for wallet rows */
  cpWallet: string;
  /** 摘要 / 交易用途类型 / 消费名称 */
  summary: string;
  /** 交易类型 / 交易业务类型 / 类型 */
  type: string;
  remark: string;
  /** 交易渠道: 网银 手机银行 POS ATM 柜面 批量 快捷支付 */
  medium: string;
  merchantName: string;
  merchantCode: string;
  terminal: string;
  cash: boolean;
  /** the holder initiated it online: the row carries the device's IP and MAC */
  online: boolean;
  /** group red packets: what the first recipient received (< amount) */
  recvAmount: number;
  walletKind: 'transfer' | 'red-packet' | 'payment' | 'withdraw';
  /** own card used for a wallet top-up or withdrawal */
  ownCard: string;
  leg: Leg | null;
}

export function blankEntry(t: number, dir: 1 | -1, amount: number): Entry {
  return {
    t,
    dir,
    amount,
    fill: 'none',
    fillBp: 0,
    cpName: '',
    cpCard: '',
    cpBank: '',
    cpIdNo: '',
    cpWallet: '',
    summary: '',
    type: '',
    remark: '',
    medium: '',
    merchantName: '',
    merchantCode: '',
    terminal: '',
    cash: false,
    online: false,
    recvAmount: 0,
    walletKind: 'transfer',
    ownCard: '',
    leg: null,
  };
}

/** set several fields at once, type-checked */
export function patch(e: Entry, fields: Partial<Entry>): Entry {
  return Object.assign(e, fields);
}

/** a statement row: the entry plus what the bank adds when it books it */
export interface Row {
  e: Entry;
  seq: number;
  serial: string;
  balance: number;
  failReason: string;
}
