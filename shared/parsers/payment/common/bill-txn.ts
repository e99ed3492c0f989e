import { directionOfFlag } from '../../direction-words';
import { badAmountMessage } from '../../reasons';
import { cellText } from '../../tabular';
import type { AccountRef, MapperOutput, ParseContext, SourceRecord, TxnDraft } from '../../types';
import { clean, parseYuan, rowError, signedMinor, statusSucceeded } from './cells';
import { readTime } from './times';

/** The cells every personal bill row has, as read through its header. */
export interface BillCells {
  record: SourceRecord;
  raw: Record<string, string>;
  time: string;
  amount: string;
  /** the amount column's name as the bill writes it, for row errors */
  amountLabel: string;
  direction: string;
  /** Alipay 资金状态 (已收入/已支出), read when 收/支 is blank */
  fundStatus?: string;
  status: string;
}

/** What differs between bill layouts: who the counterparty is and where the reference numbers sit. */
export type BillExtras = Pick<TxnDraft, 'counterparty'> & Partial<Pick<TxnDraft, 'summary' | 'channel' | 'txnNo' | 'logNo' | 'location' | 'memo'>>;

/**
 * One personal-bill row (Alipay or WeChat Pay, self-provided): time, amount in 元 signed by 收/支 (or, when 收/支 is
 * blank, by 资金状态 已收入/已支出), status → succeeded.
 * Amounts and times that cannot be read are row errors with the column named.
 */
export function billTxn(cells: BillCells, account: AccountRef, context: ParseContext, extras: BillExtras): MapperOutput {
  const { record } = cells;
  const time = readTime(record, '交易时间', cells.time, context);
  if (!time.ok) return time.error;
  if (clean(cells.amount) === '') return rowError(record, 'MISSING_FIELD', `${cells.amountLabel}为空`);
  const amount = parseYuan(cells.amount);
  if (!amount.ok) return rowError(record, 'BAD_AMOUNT', badAmountMessage(cells.amountLabel, cellText(cells.amount), amount.reason));
  const stated = directionOfFlag(clean(cells.direction));
  const fromFund = stated === null && clean(cells.direction) === '' ? directionOfFlag(clean(cells.fundStatus)) : null;
  const direction = stated ?? fromFund;
  const status = clean(cells.status);
  const succeeded = statusSucceeded(status);
  return {
    type: 'txn',
    sheet: record.sheet,
    line: record.line,
    raw: cells.raw,
    account,
    time: time.instant,
    amountMinor: signedMinor(direction, Math.abs(amount.minor)),
    currency: 'CNY',
    direction,
    directionRaw: fromFund === null ? cells.direction : (cells.fundStatus ?? ''),
    balanceMinor: null,
    succeeded,
    failReason: succeeded ? undefined : status,
    ...extras,
  };
}
