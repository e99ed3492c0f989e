import type { HeaderedRow } from '../../tabular';
import type { AccountKind, AccountRef, FileWarning, MapperOutput, ParseContext } from '../../types';
import { STATED_COUNT } from './bill-stream';
import type { BillEvent, BillMeta } from './bill-stream';

/** Rows held back while a bill's account line is still unread (it may stand in the footer); far above real bills. */
const MAX_PENDING = 200_000;

export interface BillAccountSpec<F extends string> {
  kind: AccountKind;
  label: string;
  /** the account named by the bill's title or footer lines, if they name one */
  accountFromMeta(meta: BillMeta): AccountRef | null;
  mapRow(row: HeaderedRow<F>, account: AccountRef): MapperOutput;
}

/**
 * Maps a bill's rows once its account is known: rows are held back until the 支付宝账户/账号/微信昵称 line has been
 * read (the 2021 Alipay layout prints it after the table). A bill that never names its account is keyed by its file
 * name, with a warning, so its rows stay together and the investigator can reassign them.
 */
export async function* mapBillRows<F extends string>(
  events: AsyncIterable<BillEvent<F>>,
  spec: BillAccountSpec<F>,
  context: ParseContext,
): AsyncIterable<MapperOutput> {
  let pending: HeaderedRow<F>[] = [];
  let anyHeader = false;
  let fallbackWarned = false;
  const fallback = (): AccountRef => ({ kind: spec.kind, number: `账单未注明账户:${context.fileName}`, subAccount: '' });
  const warnFallback = (): FileWarning[] => {
    if (fallbackWarned) return [];
    fallbackWarned = true;
    return [{ type: 'warning', code: 'ACCOUNT_UNKNOWN', message: `${spec.label}：账单没有注明账户，各行按文件名归到同一个账户（可在核对后改归）` }];
  };

  let rowsInSheet = 0;
  for await (const event of events) {
    if (event.kind === 'row') {
      rowsInSheet++;
      const account = spec.accountFromMeta(event.meta);
      if (account === null && pending.length < MAX_PENDING) {
        pending.push(event.row);
        continue;
      }
      const target = account ?? fallback();
      if (account === null) yield* warnFallback();
      for (const row of pending) yield spec.mapRow(row, target);
      pending = [];
      yield spec.mapRow(event.row, target);
      continue;
    }
    anyHeader ||= event.headerFound;
    const stated = event.meta.get(STATED_COUNT);
    if (event.headerFound && stated !== undefined && Number(stated) !== rowsInSheet) {
      // an export whose rows do not add up to its own total has been cut or edited (self-provided material)
      const where = event.sheet === '' ? '' : `（工作表“${event.sheet}”）`;
      yield { type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: `${spec.label}：账单注明共${stated}笔记录，实际有 ${rowsInSheet} 行${where}` };
    }
    rowsInSheet = 0;
    if (pending.length > 0) {
      const account = spec.accountFromMeta(event.meta);
      if (account === null) yield* warnFallback();
      for (const row of pending) yield spec.mapRow(row, account ?? fallback());
      pending = [];
    }
  }
  if (!anyHeader) yield { type: 'warning', code: 'NO_HEADER', message: `${spec.label}：未找到账单的表头，文件未导入任何行` };
}
