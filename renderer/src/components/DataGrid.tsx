import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  LocaleModule,
  ModuleRegistry,
  TooltipModule,
  ValidationModule,
  themeQuartz,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type RowDoubleClickedEvent,
} from 'ag-grid-community';
import { cspNonce } from './csp-nonce';
import { formatCount } from './format';

// ag-grid v33+ ships nothing by default: register the Community modules the app uses, once per page.
ModuleRegistry.registerModules([ClientSideRowModelModule, LocaleModule, TooltipModule, CellStyleModule]);
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

export interface DataGridProps<Row> {
  /** undefined while loading */
  rows: readonly Row[] | undefined;
  columns: readonly ColumnSpec<Row>[];
  rowId: (row: Row) => string;
  ariaLabel: string;
  emptyText?: string;
  /** double-click or Enter on a row (opens its detail) */
  onRowActivated?: (row: Row) => void;
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
export function DataGrid<Row>({ rows, columns, rowId, ariaLabel, emptyText, onRowActivated }: DataGridProps<Row>) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const columnDefs = useMemo(() => columns.map(toColDef), [columns]);
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
        // localeText is read once at creation: a new language means a new grid
        key={language}
        theme={gridTheme}
        styleNonce={styleNonce}
        loadThemeGoogleFonts={false}
        localeText={localeText}
        rowData={rowData}
        loading={rows === undefined}
        columnDefs={columnDefs}
        getRowId={(params: GetRowIdParams<Row>) => rowId(params.data)}
        enableCellTextSelection
        ensureDomOrder
        tooltipShowDelay={300}
        suppressDragLeaveHidesColumns
        onRowDoubleClicked={(event: RowDoubleClickedEvent<Row>) => {
          if (event.data && onRowActivated) onRowActivated(event.data);
        }}
        onCellKeyDown={(event: CellKeyDownEvent<Row>) => {
          const key = event.event instanceof KeyboardEvent ? event.event.key : null;
          if (key === 'Enter' && event.data && onRowActivated) onRowActivated(event.data);
        }}
      />
    </div>
  );
}
