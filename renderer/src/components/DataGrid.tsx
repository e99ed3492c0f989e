import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  InfiniteRowModelModule,
  RowSelectionModule,
  RowStyleModule,
  LocaleModule,
  ModuleRegistry,
  TooltipModule,
  ValidationModule,
  themeQuartz,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type IDatasource,
  type RowClickedEvent,
  type RowDoubleClickedEvent,
  type SelectionChangedEvent,
} from 'ag-grid-community';
import { cspNonce } from './csp-nonce';
import { formatCount } from './format';

// ag-grid v33+ ships nothing by default: register the Community modules the app uses, once per page.
ModuleRegistry.registerModules([ClientSideRowModelModule, LocaleModule, TooltipModule, CellStyleModule]);
// rows fetched page by page from the backend (the transactions grid), checkbox selection of many rows, row classes
ModuleRegistry.registerModules([InfiniteRowModelModule, RowSelectionModule, RowStyleModule]);
if (import.meta.env.DEV) ModuleRegistry.registerModules([ValidationModule]);

/** Compact and calm; the bundled CJK font first, since CI and target laptops may have no system CJK font. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans SC', 'sans-serif'],
  headerFontFamily: ['Noto Sans SC', 'sans-serif'],
  cellFontFamily: ['Noto Sans SC', 'sans-serif'],
  fontSize: 12,
  headerFontSize: 12,
  headerFontWeight: 700,
  spacing: 4,
  rowHeight: 26,
  headerHeight: 28,
  borderRadius: 2,
  wrapperBorderRadius: 0,
  accentColor: '#1f5fbf',
  foregroundColor: '#1f2329',
  headerBackgroundColor: '#f2f4f7',
  oddRowBackgroundColor: '#fafbfc',
});

type CellValue = string | number | null | undefined;

/** One column, typed by its row: features describe columns with this and never write ag-grid ColDefs. */
export interface ColumnSpec<Row> {
  id: string;
  header: string;
  /** the raw value, used for sorting */
  value: (row: Row) => CellValue;
  /** the text shown; default: numbers with thousands separators, text as is */
  format?: (row: Row) => string;
  /** numbers are right-aligned with tabular digits; `code` is monospaced (hashes, account numbers) */
  kind?: 'text' | 'number' | 'code';
  /** hover text, e.g. the original UTC time or a full hash */
  tooltip?: (row: Row) => string | null;
  width?: number;
  minWidth?: number;
  flex?: number;
  sortable?: boolean;
}

/** A page the grid asks for: rows [offset, offset + limit) in the order of `sort` (column ids, first key first). */
export interface GridPageRequest {
  offset: number;
  limit: number;
  sort: { columnId: string; dir: 'asc' | 'desc' }[];
}

/**
 * Rows fetched on demand (ag-grid's infinite row model): the backend sorts and filters, the grid only shows pages,
 * and the total sizes the scrollbar so it can jump anywhere. A new datasource object starts the grid over (new
 * filters); the grid's own sort arrives in every request.
 */
export interface GridDatasource<Row> {
  getRows(request: GridPageRequest): Promise<{ rows: readonly Row[]; total: number }>;
}

export interface DataGridProps<Row> {
  /** undefined while loading; ignored when a datasource is given */
  rows: readonly Row[] | undefined;
  columns: readonly ColumnSpec<Row>[];
  rowId: (row: Row) => string;
  ariaLabel: string;
  emptyText?: string;
  /** double-click or Enter on a row (opens its detail) */
  onRowActivated?: (row: Row) => void;
  /** fetch rows page by page instead of taking `rows` (see GridDatasource) */
  datasource?: GridDatasource<Row>;
  /** rows per request of the datasource (default 100) */
  pageSize?: number;
  /** the order the grid starts in (column ids); the user changes it from the headers */
  initialSort?: readonly { columnId: string; dir: 'asc' | 'desc' }[];
  /** a single click activates a row too (a detail panel beside the grid) */
  activateOnClick?: boolean;
  /** checkboxes to select many rows; called with every selected row that is loaded */
  onSelectionChanged?: (rows: Row[]) => void;
  /** a class for a whole row, e.g. muted for rows a bank marked failed */
  rowClass?: (row: Row) => string | undefined;
}

/** Row selection inside a checkbox never also opens the row. */
function inSelectionCheckbox(event: Event | null | undefined): boolean {
  const target = event?.target;
  return target instanceof Element && target.closest('.ag-selection-checkbox, .ag-checkbox') !== null;
}

function toInfiniteDatasource<Row>(datasource: GridDatasource<Row>): IDatasource {
  return {
    getRows: (params) => {
      datasource
        .getRows({
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort: params.sortModel.map((item) => ({ columnId: item.colId, dir: item.sort })),
        })
        .then(
          (page) => params.successCallback(page.rows.slice(), page.total),
          () => params.failCallback(),
        );
    },
  };
}

function toColDef<Row>(spec: ColumnSpec<Row>): ColDef<Row, CellValue> {
  const kind = spec.kind ?? 'text';
  const col: ColDef<Row, CellValue> = {
    colId: spec.id,
    headerName: spec.header,
    sortable: spec.sortable ?? true,
    resizable: true,
    valueGetter: (params) => (params.data ? spec.value(params.data) : null),
    // a formatter returns a string; the grid renders it as text, never as HTML
    valueFormatter: (params) => {
      if (params.data && spec.format) return spec.format(params.data);
      const value = params.value;
      if (value === null || value === undefined) return '';
      return typeof value === 'number' ? formatCount(value) : value;
    },
    // ag-grid's own right-aligned classes (what its `rightAligned` column type would add) plus tabular digits
    cellClass: kind === 'number' ? ['ag-right-aligned-cell', 'cs-cell-number'] : kind === 'code' ? 'cs-cell-code' : undefined,
    headerClass: kind === 'number' ? 'ag-right-aligned-header' : undefined,
  };
  if (spec.tooltip) {
    const tooltip = spec.tooltip;
    col.tooltip = (params) => (params.data ? tooltip(params.data) : null);
  }
  if (spec.width !== undefined) col.width = spec.width;
  if (spec.minWidth !== undefined) col.minWidth = spec.minWidth;
  if (spec.flex !== undefined) col.flex = spec.flex;
  return col;
}

/** THE ag-grid wrapper (STYLE.md §14): theme, modules, locale, CSP nonce and text-only cells in one place. */
export function DataGrid<Row>({
  rows,
  columns,
  rowId,
  ariaLabel,
  emptyText,
  onRowActivated,
  datasource,
  pageSize,
  initialSort,
  activateOnClick,
  onSelectionChanged,
  rowClass,
}: DataGridProps<Row>) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const columnDefs = useMemo(
    () =>
      columns.map((spec) => {
        const col = toColDef(spec);
        const index = initialSort?.findIndex((key) => key.columnId === spec.id) ?? -1;
        const key = initialSort?.[index];
        if (key) {
          col.initialSort = key.dir;
          col.initialSortIndex = index;
        }
        return col;
      }),
    [columns, initialSort],
  );
  const infinite = useMemo(() => (datasource ? toInfiniteDatasource(datasource) : undefined), [datasource]);
  const rowData = useMemo(() => (rows ? rows.slice() : undefined), [rows]);
  const localeText = useMemo(() => {
    const text: Record<string, string> = { ...t('grid', { returnObjects: true }) };
    if (emptyText) text.noRowsToShow = emptyText;
    return text;
  }, [t, emptyText]);
  const styleNonce = useMemo(() => cspNonce(), []);

  return (
    <div className="cs-grid" role="region" aria-label={ariaLabel}>
      <AgGridReact<Row>
        // localeText is read once at creation: a new language means a new grid (and so does a new row model)
        key={`${language}${datasource ? ':infinite' : ''}`}
        theme={gridTheme}
        styleNonce={styleNonce}
        loadThemeGoogleFonts={false}
        localeText={localeText}
        {...(infinite
          ? {
              rowModelType: 'infinite' as const,
              datasource: infinite,
              cacheBlockSize: pageSize ?? 100,
              maxBlocksInCache: 100,
              infiniteInitialRowCount: 1,
              // dragging the scrollbar across a million rows asks only for where it stops
              blockLoadDebounceMillis: 80,
            }
          : { rowData, loading: rows === undefined })}
        rowSelection={onSelectionChanged ? { mode: 'multiRow', headerCheckbox: false, enableClickSelection: false } : undefined}
        onSelectionChanged={(event: SelectionChangedEvent<Row>) => onSelectionChanged?.(event.api.getSelectedRows())}
        getRowClass={rowClass ? (params) => (params.data ? rowClass(params.data) : undefined) : undefined}
        columnDefs={columnDefs}
        getRowId={(params: GetRowIdParams<Row>) => rowId(params.data)}
        enableCellTextSelection
        ensureDomOrder
        tooltipShowDelay={300}
        suppressDragLeaveHidesColumns
        onRowDoubleClicked={(event: RowDoubleClickedEvent<Row>) => {
          if (event.data && onRowActivated) onRowActivated(event.data);
        }}
        onRowClicked={(event: RowClickedEvent<Row>) => {
          if (activateOnClick && event.data && onRowActivated && !inSelectionCheckbox(event.event)) onRowActivated(event.data);
        }}
        onCellKeyDown={(event: CellKeyDownEvent<Row>) => {
          const key = event.event instanceof KeyboardEvent ? event.event.key : null;
          if (key === 'Enter' && event.data && onRowActivated) onRowActivated(event.data);
        }}
      />
    </div>
  );
}
