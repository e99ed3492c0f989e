import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TxnFilter, TxnRow, TxnSort } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { DataGrid, type GridDatasource } from '../../components/DataGrid';
import { isSortColumn, txnColumns } from './txn-columns';

/** Rows per request: a screen and a half of rows, so a scroll asks for one page at a time. */
export const TXN_PAGE_SIZE = 100;

export interface TxnGridViewProps {
  filter: TxnFilter;
  /** the order the grid starts in; the user changes it from the headers */
  initialSort: TxnSort;
  /** bump to fetch the rows again (after tagging) */
  generation: number;
  zone: string;
  onTotal: (total: number) => void;
  onSortChange: (sort: TxnSort) => void;
  onOpen: (row: TxnRow) => void;
  onSelection: (rows: TxnRow[]) => void;
}

function sameSort(a: TxnSort, b: TxnSort): boolean {
  return a.length === b.length && a.every((key, i) => key.column === b[i]?.column && key.dir === b[i]?.dir);
}

/** The grid over `txns.query`: pages on demand, sorted and filtered in SQL, the total sizing the scrollbar. */
export function TxnGridView({ filter, initialSort, generation, zone, onTotal, onSortChange, onOpen, onSelection }: TxnGridViewProps) {
  const { t } = useTranslation();
  const client = useClient();
  const columns = useMemo(() => txnColumns(t, zone), [t, zone]);
  const callbacks = useRef({ onTotal, onSortChange });
  useEffect(() => {
    callbacks.current = { onTotal, onSortChange };
  });
  const lastSort = useRef<TxnSort>(initialSort);

  const datasource = useMemo<GridDatasource<TxnRow>>(
    () => ({
      getRows: async ({ offset, limit, sort }) => {
        const txnSort: TxnSort = sort.flatMap((key) => (isSortColumn(key.columnId) ? [{ column: key.columnId, dir: key.dir }] : []));
        if (!sameSort(txnSort, lastSort.current)) {
          lastSort.current = txnSort;
          callbacks.current.onSortChange(txnSort);
        }
        const page = await client.call('txns.query', { filter, sort: txnSort, offset, limit });
        callbacks.current.onTotal(page.total);
        return { rows: page.rows, total: page.total };
      },
    }),
    // a new filter or generation is a new datasource: the grid starts over from the top (generation is read by
    // nothing inside; it is there to make a new datasource after tagging)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, filter, generation],
  );
  const initial = useMemo(() => initialSort.map((key) => ({ columnId: key.column, dir: key.dir })), [initialSort]);

  return (
    <DataGrid<TxnRow>
      rows={undefined}
      datasource={datasource}
      pageSize={TXN_PAGE_SIZE}
      initialSort={initial}
      columns={columns}
      rowId={(row) => String(row.id)}
      ariaLabel={t('txns.gridLabel')}
      emptyText={t('txns.gridEmpty')}
      activateOnClick
      onRowActivated={onOpen}
      onSelectionChanged={onSelection}
      rowClass={(row) => (row.flags.failed || row.flags.duplicate ? 'txn-row-muted' : undefined)}
    />
  );
}
