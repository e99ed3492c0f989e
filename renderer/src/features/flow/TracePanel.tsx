import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '@shared/api';
import type { TraceHop, TraceResult } from '@shared/domain';
import { DataGrid, type ColumnSpec } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import { nodeCaption } from './flow-chart-option';
import { fromLocalInput, yuanToMinor } from './flow-format';
import type { NodeLookup } from './SelectionPanel';

export type TraceRequest = MethodInput<'flow.trace'>;

interface FormState {
  direction: 'forward' | 'backward';
  hops: string;
  window: string;
  min: string;
  tolerance: string;
  attribution: 'fifo' | 'proportional';
  since: string;
  until: string;
}

const INITIAL: FormState = { direction: 'forward', hops: '3', window: '72', min: '', tolerance: '100', attribution: 'fifo', since: '', until: '' };

/** The form as a trace request, or the name of the first field that is not a number. */
type Field = 'hops' | 'window' | 'min' | 'tolerance';

function requestOf(form: FormState, seeds: readonly string[], zone: string): TraceRequest | Field {
  const hops = Number(form.hops);
  if (!Number.isInteger(hops) || hops < 1 || hops > 12) return 'hops';
  const window = Number(form.window);
  if (form.window.trim() === '' || !Number.isFinite(window) || window < 0) return 'window';
  const min = yuanToMinor(form.min);
  if (min === null) return 'min';
  const tolerance = Number(form.tolerance);
  if (form.tolerance.trim() === '' || !Number.isFinite(tolerance) || tolerance < 0 || tolerance > 100) return 'tolerance';
  return {
    seeds: [...seeds],
    direction: form.direction,
    hops,
    windowHours: window,
    minAmountMinor: min,
    tolerance: tolerance / 100,
    attribution: form.attribution,
    seedFromUtc: fromLocalInput(form.since, zone),
    seedToUtc: fromLocalInput(form.until, zone),
  };
}

const FIELD_LABEL = { hops: 'flow.trace.hops', window: 'flow.trace.window', min: 'flow.trace.min', tolerance: 'flow.trace.tolerance' } as const;

interface RetainedRow {
  key: string;
  amountMinor: number;
}

/**
 * 资金穿透: seeds picked in the chart, direction, hops, window, minimum, tolerance and attribution; the hop table with
 * what each hop carries of the seeds' money, and where the money stays (沉淀). Saved as a finding on request.
 */
export function TracePanel({
  seeds,
  describe,
  zone,
  currency,
  result,
  running,
  error,
  saving,
  savedText,
  onRemoveSeed,
  onRun,
  onClear,
  onSave,
  onSelectHop,
}: {
  seeds: readonly string[];
  describe: NodeLookup;
  zone: string;
  currency: string;
  result: TraceResult | null;
  running: boolean;
  error: unknown;
  saving: boolean;
  savedText: string | null;
  onRemoveSeed: (key: string) => void;
  onRun: (request: TraceRequest) => void;
  onClear: () => void;
  onSave: (request: TraceRequest) => void;
  onSelectHop: (hop: TraceHop) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(INITIAL);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const caption = useCallback(
    (key: string) => {
      const found = describe(key) ?? result?.nodes.find((node) => node.key === key);
      return found ? nodeCaption(found.label, found.number) : key;
    },
    [describe, result],
  );
  const money = useCallback((minor: number) => formatMoney(minor, currency), [currency]);

  const submit = (run: (request: TraceRequest) => void) => {
    const request = requestOf(form, seeds, zone);
    if (typeof request === 'string') {
      setInvalid(request);
      return;
    }
    setInvalid(null);
    run(request);
  };

  const hopColumns = useMemo<ColumnSpec<TraceHop>[]>(
    () => [
      { id: 'level', header: t('flow.trace.level'), value: (h) => h.level, kind: 'number', width: 52 },
      { id: 'from', header: t('flow.trace.from'), value: (h) => caption(h.from), flex: 1, minWidth: 120 },
      { id: 'to', header: t('flow.trace.to'), value: (h) => caption(h.to), flex: 1, minWidth: 120 },
      { id: 'amount', header: t('flow.trace.amount'), value: (h) => h.amountMinor, format: (h) => money(h.amountMinor), kind: 'number', width: 120 },
      { id: 'attributed', header: t('flow.trace.attributed'), value: (h) => h.attributedMinor, format: (h) => money(h.attributedMinor), kind: 'number', width: 120 },
      { id: 'txns', header: t('flow.trace.txns'), value: (h) => h.txns.length, kind: 'number', width: 60 },
    ],
    [t, caption, money],
  );
  const retainedRows = useMemo<RetainedRow[]>(
    () => Object.entries(result?.retainedMinor ?? {}).map(([key, amountMinor]) => ({ key, amountMinor })).sort((a, b) => b.amountMinor - a.amountMinor),
    [result],
  );
  const retainedColumns = useMemo<ColumnSpec<RetainedRow>[]>(
    () => [
      { id: 'account', header: t('flow.trace.account'), value: (r) => caption(r.key), flex: 1 },
      { id: 'amount', header: t('flow.trace.retainedAmount'), value: (r) => r.amountMinor, format: (r) => money(r.amountMinor), kind: 'number', width: 120 },
    ],
    [t, caption, money],
  );
  const accounts = new Set(result?.hops.flatMap((hop) => [hop.from, hop.to]) ?? []).size;

  return (
    <section className="flow-card flow-trace" aria-label={t('flow.trace.title')}>
      <div className="flow-card-head">
        <h2>{t('flow.trace.title')}</h2>
        <div className="flow-seeds" aria-label={t('flow.trace.seeds')}>
          <span className="muted">{t('flow.trace.seeds')}：</span>
          {seeds.length === 0 ? <span className="muted">{t('flow.trace.noSeed')}</span> : null}
          {seeds.map((key) => (
            <span key={key} className="flow-seed">
              <bdi>{caption(key)}</bdi>
              <button type="button" aria-label={t('flow.trace.removeSeed', { name: caption(key) })} onClick={() => onRemoveSeed(key)}>
                ×
              </button>
            </span>
          ))}
        </div>
      </div>
      <form
        className="flow-trace-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(onRun);
        }}
      >
        <label>
          {t('flow.trace.direction')}
          <select value={form.direction} onChange={(e) => set('direction', e.target.value as FormState['direction'])}>
            <option value="forward">{t('flow.trace.forward')}</option>
            <option value="backward">{t('flow.trace.backward')}</option>
          </select>
        </label>
        <label>
          {t('flow.trace.hops')}
          <input type="number" min={1} max={12} value={form.hops} aria-invalid={invalid === 'hops' || undefined} onChange={(e) => set('hops', e.target.value)} />
        </label>
        <label title={t('flow.trace.windowHint')}>
          {t('flow.trace.window')}
          <input type="text" inputMode="decimal" value={form.window} aria-invalid={invalid === 'window' || undefined} onChange={(e) => set('window', e.target.value)} />
        </label>
        <label>
          {t('flow.trace.min')}
          <input type="text" inputMode="decimal" value={form.min} aria-invalid={invalid === 'min' || undefined} onChange={(e) => set('min', e.target.value)} />
        </label>
        <label title={t('flow.trace.toleranceHint')}>
          {t('flow.trace.tolerance')}
          <input type="text" inputMode="decimal" value={form.tolerance} aria-invalid={invalid === 'tolerance' || undefined} onChange={(e) => set('tolerance', e.target.value)} />
        </label>
        <label>
          {t('flow.trace.attribution')}
          <select value={form.attribution} onChange={(e) => set('attribution', e.target.value as FormState['attribution'])}>
            <option value="fifo">{t('flow.trace.fifo')}</option>
            <option value="proportional">{t('flow.trace.proportional')}</option>
          </select>
        </label>
        <label>
          {t('flow.trace.since')}
          <input type="datetime-local" value={form.since} onChange={(e) => set('since', e.target.value)} />
        </label>
        <label>
          {t('flow.trace.until')}
          <input type="datetime-local" value={form.until} onChange={(e) => set('until', e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={seeds.length === 0 || running}>
          {running ? t('flow.trace.running') : t('flow.trace.run')}
        </button>
        <button type="button" disabled={result === null} onClick={onClear}>
          {t('flow.trace.clear')}
        </button>
        <button type="button" disabled={result === null || saving} onClick={() => submit(onSave)}>
          {t('flow.trace.save')}
        </button>
      </form>
      {invalid ? (
        <p className="flow-warning" role="alert">
          {t('flow.trace.invalid', { field: t(FIELD_LABEL[invalid]) })}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {savedText ? <p className="flow-trace-summary ok-text" role="status">{savedText}</p> : null}
      {result ? (
        <>
          <p className="flow-trace-summary" role="status">
            {t('flow.trace.seedAmount', { amount: money(result.seedAmountMinor), hops: formatCount(result.hops.length), accounts: formatCount(accounts) })}
          </p>
          {result.truncated ? <p className="flow-warning">{t('flow.trace.truncated')}</p> : null}
          {result.unknownBalance.length > 0 ? <p className="flow-warning">{t('flow.trace.unknownBalance', { n: formatCount(result.unknownBalance.length) })}</p> : null}
          <div className="flow-trace-results">
            <div>
              <h3>{t('flow.trace.hopTable')}</h3>
              <DataGrid
                rows={result.hops}
                columns={hopColumns}
                rowId={(h) => `${h.level}:${h.from}:${h.to}`}
                ariaLabel={t('flow.trace.hopTableLabel')}
                emptyText={t('flow.trace.empty')}
                onRowActivated={onSelectHop}
              />
            </div>
            <div>
              <h3>{result.params.direction === 'forward' ? t('flow.trace.retained') : t('flow.trace.retainedBackward')}</h3>
              <DataGrid rows={retainedRows} columns={retainedColumns} rowId={(r) => r.key} ariaLabel={t('flow.trace.retainedLabel')} />
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
