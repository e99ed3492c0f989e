import type { TFunction } from 'i18next';
import { TXN_FLAGS, TXN_SORT_COLUMNS } from '@shared/api/txn-schemas';
import type { TxnRow, TxnSortColumn } from '@shared/domain';
import { formatInZone, formatOffset } from '@shared/time';
import type { ColumnSpec } from '../../components/DataGrid';
import { formatMoney } from '../../components/format';

/** `2024-03-01 14:05:09` in the display zone; '' without a time. */
export function zonedTime(utcMs: number | null, zone: string): string {
  if (utcMs === null) return '';
  try {
    return formatInZone(utcMs, zone);
  } catch {
    return new Date(utcMs).toISOString();
  }
}

/** The time as the bank wrote it, and the offset it was read with. */
export function timeTooltip(t: TFunction, row: Pick<TxnRow, 'timeText' | 'offsetMinutes'>): string {
  return row.offsetMinutes === null
    ? t('txns.timeTooltipNoOffset', { text: row.timeText })
    : t('txns.timeTooltip', { text: row.timeText, offset: `UTC${formatOffset(row.offsetMinutes)}` });
}

/** Short words for the marks a row carries: `重复 · 两端`. */
export function flagText(t: TFunction, row: TxnRow): string {
  return TXN_FLAGS.filter((flag) => row.flags[flag])
    .map((flag) => t(`txns.flags.short.${flag}`))
    .join(' · ');
}

function flagTooltip(t: TFunction, row: TxnRow): string | null {
  const lines = TXN_FLAGS.filter((flag) => row.flags[flag]).map((flag) => `${t(`txns.flags.names.${flag}`)}：${t(`txns.flags.help.${flag}`)}`);
  return lines.length > 0 ? lines.join('\n') : null;
}

export function directionWord(t: TFunction, direction: TxnRow['direction']): string {
  return direction === null ? '' : t(`txns.direction.${direction}`);
}

/**
 * The bank preset of the grid (UX.md glossary): each column's id is the sort key the backend knows, so a header
 * click sorts in SQL. Seized text is shown as text; money right-aligned with ¥ and separators; times in the
 * display zone with the original text in the tooltip.
 */
export function txnColumns(t: TFunction, zone: string): ColumnSpec<TxnRow>[] {
  const column = (id: TxnSortColumn, spec: Omit<ColumnSpec<TxnRow>, 'id' | 'header'>): ColumnSpec<TxnRow> => ({ id, header: t(`txns.columns.${id}` as 'txns.columns.time'), ...spec });
  return [
    column('time', { value: (r) => r.utcMs, format: (r) => zonedTime(r.utcMs, zone) || r.timeText, tooltip: (r) => timeTooltip(t, r), width: 150, kind: 'number' }),
    column('account', {
      value: (r) => r.account,
      kind: 'code',
      width: 170,
      tooltip: (r) => (r.subAccount ? `${r.account}\n${t('txns.subAccount', { sub: r.subAccount })}` : r.account),
    }),
    column('holder', { value: (r) => r.holder, width: 110, tooltip: (r) => r.holder }),
    column('direction', { value: (r) => directionWord(t, r.direction), width: 56, tooltip: (r) => r.directionRaw }),
    column('amount', {
      value: (r) => r.amountMinor,
      format: (r) => formatMoney(r.amountMinor, r.currency),
      kind: 'number',
      width: 130,
      tooltip: (r) => t('txns.amountTooltip', { direction: directionWord(t, r.direction), raw: r.directionRaw }),
    }),
    column('balance', { value: (r) => r.balanceMinor, format: (r) => (r.balanceMinor === null ? '' : formatMoney(r.balanceMinor, r.currency)), kind: 'number', width: 130 }),
    column('cpAccount', { value: (r) => r.cpAccount, kind: 'code', width: 170, tooltip: (r) => r.cpAccount }),
    column('cpName', { value: (r) => r.cpName, width: 150, tooltip: (r) => r.cpName }),
    column('cpBank', { value: (r) => r.cpBank, width: 140, tooltip: (r) => r.cpBank }),
    column('summary', { value: (r) => r.summary, width: 110, tooltip: (r) => r.summary }),
    column('channel', { value: (r) => r.channel, width: 80 }),
    { id: 'flags', header: t('txns.columns.flags'), value: (r) => flagText(t, r), tooltip: (r) => flagTooltip(t, r), width: 110, sortable: false },
    { id: 'tags', header: t('txns.columns.tags'), value: (r) => r.tags.join('、'), tooltip: (r) => (r.tags.length > 0 ? r.tags.join('\n') : null), width: 110, sortable: false },
    column('txnNo', { value: (r) => r.txnNo, kind: 'code', width: 190 }),
    column('ip', { value: (r) => r.ip, kind: 'code', width: 120 }),
    column('mac', { value: (r) => r.mac, kind: 'code', width: 130 }),
  ];
}

/** Known sort keys only: a header that is not one (flags, tags) is never sent to the backend. */
export function isSortColumn(id: string): id is TxnSortColumn {
  return (TXN_SORT_COLUMNS as readonly string[]).includes(id);
}
