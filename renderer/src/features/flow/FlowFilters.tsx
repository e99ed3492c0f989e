import { useTranslation } from 'react-i18next';
import type { FlowLayout } from './flow-chart-option';

export interface FlowFilterState {
  from: string;
  to: string;
  min: string;
  collapse: boolean;
  holder: boolean;
  maxNodes: number;
  layout: FlowLayout;
}

export const INITIAL_FILTERS: FlowFilterState = { from: '', to: '', min: '', collapse: false, holder: false, maxNodes: 100, layout: 'force' };

const NODE_LIMITS = [50, 100, 150, 300, 600] as const;

/** The chart's filters: period (display zone), single-amount minimum, folding platforms and holders, size, layout. */
export function FlowFilters({ value, onChange, minInvalid }: { value: FlowFilterState; onChange: (next: FlowFilterState) => void; minInvalid: boolean }) {
  const { t } = useTranslation();
  const set = <K extends keyof FlowFilterState>(key: K, next: FlowFilterState[K]) => onChange({ ...value, [key]: next });
  return (
    <div className="flow-filters" role="group" aria-label={t('flow.filters.label')}>
      <label>
        {t('flow.filters.from')}
        <input type="date" value={value.from} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        {t('flow.filters.to')}
        <input type="date" value={value.to} onChange={(e) => set('to', e.target.value)} />
      </label>
      <label title={minInvalid ? t('flow.filters.badMin') : undefined}>
        {t('flow.filters.min')}
        <input type="text" inputMode="decimal" value={value.min} aria-invalid={minInvalid || undefined} onChange={(e) => set('min', e.target.value)} />
      </label>
      <label title={t('flow.filters.collapseHint')}>
        <input type="checkbox" checked={value.collapse} onChange={(e) => set('collapse', e.target.checked)} />
        {t('flow.filters.collapse')}
      </label>
      <label>
        <input type="checkbox" checked={value.holder} onChange={(e) => set('holder', e.target.checked)} />
        {t('flow.filters.groupBy')}
      </label>
      <label>
        {t('flow.filters.maxNodes')}
        <select value={value.maxNodes} onChange={(e) => set('maxNodes', Number(e.target.value))}>
          {NODE_LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('flow.filters.layout')}
        <select value={value.layout} onChange={(e) => set('layout', e.target.value as FlowLayout)}>
          <option value="force">{t('flow.filters.force')}</option>
          <option value="layered">{t('flow.filters.layered')}</option>
        </select>
      </label>
    </div>
  );
}
