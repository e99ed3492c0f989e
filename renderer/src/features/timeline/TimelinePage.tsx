import './timeline.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseInfo, TimelineTxnScope } from '@shared/domain';
import { formatInZone, formatOffset, zoneOffsetMs } from '@shared/time';
import { useDisplayZone } from '../../app/display-zone';
import { useHashSubRoute, type RouteId } from '../../app/routes';
import { useCall } from '../../app/use-call';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import { BrushPanel } from './BrushPanel';
import { EventDetail, type EventRef } from './EventDetail';
import { HeatmapView } from './HeatmapView';
import { laneLabel } from './lane-labels';
import { LanePicker } from './LanePicker';
import { SwimlaneChart, type TimeRange } from './SwimlaneChart';
import { COLORS, type LaneRow, type SwimlaneData, type SwimlaneLabels } from './swimlane-option';
import { EVENT_LIMIT, useTimelineData } from './use-timeline-data';
import { formatDay, formatMinute } from './zone-axis';

const REFRESH_ON = ['case.changed', 'import.finished'] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The whole axis: the case's first to last instant with a little room at both ends. */
function paddedRange(range: { firstUtc: number; lastUtc: number }): TimeRange {
  const pad = Math.max(HOUR, Math.round((range.lastUtc - range.firstUtc) * 0.02));
  return { from: range.firstUtc - pad, to: range.lastUtc + pad };
}

/** `3 天`, `6 小时`, `15 分钟`: a bucket's width in words. */
function useBucketText(): (ms: number) => string {
  const { t } = useTranslation();
  return (ms) => {
    if (ms >= DAY) return t('timeline.unit.day', { n: Number((ms / DAY).toFixed(ms % DAY === 0 ? 0 : 1)) });
    if (ms >= HOUR) return t('timeline.unit.hour', { n: Number((ms / HOUR).toFixed(ms % HOUR === 0 ? 0 : 1)) });
    return t('timeline.unit.minute', { n: Math.max(1, Math.round(ms / 60_000)) });
  };
}

function useSwimlaneLabels(zone: string): SwimlaneLabels {
  const { t } = useTranslation();
  return useMemo<SwimlaneLabels>(
    () => ({
      series: {
        txnDensity: t('timeline.legend.density'),
        messageDensity: t('timeline.legend.message'),
        in: t('timeline.legend.in'),
        out: t('timeline.legend.out'),
        unknown: t('timeline.legend.unknown'),
        message: t('timeline.legend.message'),
        flagged: t('timeline.legend.flagged'),
        holiday: t('timeline.legend.holiday'),
        makeup: t('timeline.legend.makeup'),
      },
      densityTip: (lane, from, to, count, money) =>
        [
          t('timeline.chart.densityTip', { lane, from: formatMinute(from, zone), to: formatMinute(to, zone), n: formatCount(count) }),
          ...money.map((m) => t('timeline.chart.moneyTip', { in: formatMoney(m.inMinor, m.currency), out: formatMoney(m.outMinor, m.currency) })),
        ].join('\n'),
      eventTip: (event, lane) => {
        const head = `${formatInZone(event.utcMs, zone)} · ${lane}`;
        const flags = event.flags.map((flag) => t(`timeline.flags.${flag}`)).join(' · ');
        const lines =
          event.type === 'txn'
            ? [
                `${t(`timeline.direction.${event.direction ?? 'none'}`)} ${event.amountMinor === null ? '' : formatMoney(event.amountMinor, event.currency ?? 'CNY')}`,
                event.who ?? '',
                event.text,
              ]
            : [event.who ?? '', event.text.length > 60 ? `${event.text.slice(0, 60)}…` : event.text];
        return [head, ...lines, flags].filter((line) => line.trim() !== '').join('\n');
      },
      dayTip: (day) => (day.kind === 'holiday' ? t('timeline.chart.holidayTip', { name: day.name }) : t('timeline.chart.makeupTip', { name: day.name })),
    }),
    [t, zone],
  );
}

function ScopeToggles({ scope, onScope }: { scope: TimelineTxnScope; onScope: (scope: TimelineTxnScope) => void }) {
  const { t } = useTranslation();
  return (
    <span className="timeline-scope" role="group" aria-label={t('timeline.scope.label')}>
      <span className="muted">{t('timeline.scope.label')}</span>
      <label>
        <input type="checkbox" checked={scope.duplicates} onChange={(event) => onScope({ ...scope, duplicates: event.target.checked })} />
        {t('timeline.scope.duplicates')}
      </label>
      <label>
        <input type="checkbox" checked={scope.failed} onChange={(event) => onScope({ ...scope, failed: event.target.checked })} />
        {t('timeline.scope.failed')}
      </label>
    </span>
  );
}

/** The legend of the swimlanes in words beside the chart (echarts' own legend names the series only). */
function SideHint() {
  const { t } = useTranslation();
  const swatch = (color: string, shape: 'dot' | 'diamond' | 'bar' | 'band') => <span className={`legend-swatch legend-${shape}`} style={{ background: color }} aria-hidden="true" />;
  return (
    <section className="timeline-side-section" aria-label={t('timeline.brush.title')}>
      <p>{t('timeline.brush.hint')}</p>
      <ul className="timeline-legend">
        <li>
          {swatch(COLORS.txn, 'bar')}
          {t('timeline.legend.density')}
        </li>
        <li>
          {swatch(COLORS.in, 'dot')}
          {t('timeline.legend.in')}
        </li>
        <li>
          {swatch(COLORS.out, 'dot')}
          {t('timeline.legend.out')}
        </li>
        <li>
          {swatch(COLORS.message, 'diamond')}
          {t('timeline.legend.message')}
        </li>
        <li>
          {swatch(COLORS.flagged, 'diamond')}
          {t('timeline.legend.flagged')}
        </li>
        <li>
          {swatch(COLORS.holiday, 'band')}
          {t('timeline.legend.holiday')}
        </li>
        <li>
          {swatch(COLORS.makeup, 'band')}
          {t('timeline.legend.makeup')}
        </li>
      </ul>
      <p className="muted">{t('timeline.mode.zoomHint', { n: formatCount(EVENT_LIMIT) })}</p>
    </section>
  );
}

/**
 * 时间线: transactions and messages on one time axis, one swimlane per account, conversation or chat participant;
 * zoom and pan, density when zoomed out and single records when zoomed in, brush a period to list and tag its
 * records, click a record for its detail; and the weekday × hour heat map with night and public holidays.
 */
export function TimelinePage({ caseInfo, navigate }: { caseInfo: CaseInfo; navigate: (route: RouteId) => void }) {
  const { t } = useTranslation();
  const zone = useDisplayZone();
  const [tab, setTab] = useHashSubRoute('timeline');
  const lanes = useCall('timeline.lanes', {}, { refetchOn: REFRESH_ON });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [scope, setScope] = useState<TimelineTxnScope>({ duplicates: false, failed: false });
  const [view, setView] = useState<TimeRange | null>(null);
  const [picking, setPicking] = useState(false);
  const [brushing, setBrushing] = useState(false);
  const [brushed, setBrushed] = useState<TimeRange | null>(null);
  const [selected, setSelected] = useState<EventRef | null>(null);
  const labels = useSwimlaneLabels(zone);
  const bucketText = useBucketText();

  const list = lanes.data;
  const chosenLanes = useMemo(() => chosen ?? list?.defaultLanes ?? [], [chosen, list]);
  const full = useMemo(() => (list?.range ? paddedRange(list.range) : null), [list]);
  const window = view ?? full;
  const data = useTimelineData(window, chosenLanes, scope, zone);
  const days = useCall(
    'timeline.calendar',
    { fromDate: full ? formatDay(full.from, zone) : '2000-01-01', toDate: full ? formatDay(full.to, zone) : '2000-01-01' },
    { enabled: full !== null, refetchOn: [] },
  );

  const rows = useMemo<LaneRow[]>(() => {
    const byId = new Map((list?.lanes ?? []).map((lane) => [lane.id, lane]));
    return chosenLanes.map((id) => {
      const lane = byId.get(id);
      const kind = id.split(':')[0];
      return {
        id,
        label: lane ? laneLabel(t, lane) : id,
        holds: kind === 'account' || id === 'all:txn' ? 'txn' : 'message',
      };
    });
  }, [chosenLanes, list, t]);
  const labelOf = useMemo(() => {
    const map = new Map(rows.map((row) => [row.id, row.label]));
    return (id: string) => map.get(id) ?? id;
  }, [rows]);

  /** records per lane in the window, for the lane list that screen readers (and tests) read instead of the canvas */
  const laneCounts = useMemo(() => {
    const counts = new Map<string, number>();
    if (data.events) for (const event of data.events.events) counts.set(event.lane, (counts.get(event.lane) ?? 0) + 1);
    else if (data.density) for (const lane of data.density.lanes) counts.set(lane.lane, lane.counts.reduce((a, b) => a + b, 0));
    return counts;
  }, [data.events, data.density]);

  const swimlaneData = useMemo<SwimlaneData | null>(() => {
    if (data.events) return { mode: 'events', events: data.events.events };
    if (data.density) return { mode: 'density', density: data.density };
    return null;
  }, [data.events, data.density]);

  useEffect(() => {
    if (!brushing) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setBrushing(false);
    };
    globalThis.addEventListener('keydown', onKey);
    return () => globalThis.removeEventListener('keydown', onKey);
  }, [brushing]);

  // the zone's offset during the case's own period (a zone with daylight saving time has two; this is the latest)
  const offset = `UTC${formatOffset(zoneOffsetMs(full?.to ?? 0, zone) / 60_000)}`;
  const header = (
    <header className="page-header">
      <h1>{t('timeline.title')}</h1>
      {full ? <span className="muted num">{t('timeline.range', { from: formatDay(full.from, zone), to: formatDay(full.to, zone) })}</span> : null}
      <span className="timeline-zone-note" title={t('timeline.zone.caseZoneTitle', { zone })}>
        {t('timeline.zoneNote', { zone, offset })}
      </span>
      <nav className="timeline-tabs" aria-label={t('timeline.tabs.label')}>
        <button type="button" aria-pressed={tab !== 'heatmap'} onClick={() => setTab('')}>
          {t('timeline.tabs.lanes')}
        </button>
        <button type="button" aria-pressed={tab === 'heatmap'} onClick={() => setTab('heatmap')}>
          {t('timeline.tabs.heatmap')}
        </button>
      </nav>
    </header>
  );

  if (list === undefined) {
    return (
      <div className="page">
        {header}
        <ErrorNotice error={lanes.error} onRetry={lanes.reload} />
        {lanes.error ? null : <p className="muted">{t('app.loading')}</p>}
      </div>
    );
  }
  if (!full || !window) {
    return (
      <div className="page">
        {header}
        <EmptyState
          title={t('timeline.emptyTitle')}
          body={t('timeline.emptyBody')}
          action={
            <button type="button" className="primary" onClick={() => navigate('import')}>
              {t('timeline.goImport')}
            </button>
          }
        />
      </div>
    );
  }

  if (tab === 'heatmap') {
    return (
      <div className="page timeline-page">
        {header}
        <div className="timeline-toolbar">
          <ScopeToggles scope={scope} onScope={setScope} />
        </div>
        <HeatmapView zone={zone} lanes={chosenLanes} scope={scope} />
      </div>
    );
  }

  const modeText = data.events
    ? data.events.truncated
      ? t('timeline.mode.truncated', { shown: formatCount(data.events.events.length), n: formatCount(data.events.total) })
      : t('timeline.mode.events', { n: formatCount(data.events.total) })
    : data.density
      ? t('timeline.mode.density', { bucket: bucketText(data.density.bucketMs), n: formatCount(data.density.total) })
      : t('timeline.mode.loading');
  const excluded: string[] = [];
  if (!scope.duplicates) excluded.push(t('timeline.scope.duplicates'));
  if (!scope.failed) excluded.push(t('timeline.scope.failed'));

  return (
    <div className="page timeline-page">
      {header}
      <div className="timeline-toolbar">
        <button type="button" onClick={() => setPicking(true)}>
          {t('timeline.lanes.pick')}
        </button>
        <button type="button" className={brushing ? 'primary' : undefined} aria-pressed={brushing} onClick={() => setBrushing((b) => !b)}>
          {brushing ? t('timeline.brush.cancel') : t('timeline.brush.start')}
        </button>
        <ScopeToggles scope={scope} onScope={setScope} />
        <span className="timeline-mode muted" role="status">
          {modeText}
          {data.loading ? ' …' : ''}
        </span>
        <span className="timeline-excluded muted">
          {excluded.length === 2 ? t('timeline.scope.excluded') : excluded.length === 1 ? t('timeline.scope.partial', { what: excluded[0] ?? '' }) : t('timeline.scope.all')}
        </span>
      </div>
      {brushing ? <p className="timeline-brush-note">{t('timeline.brush.active')}</p> : null}
      <ErrorNotice error={data.error} />
      <div className="timeline-layout">
        <div className="timeline-main">
          <ol className="visually-hidden" aria-label={t('timeline.lanes.listLabel')}>
            {rows.map((row) => (
              <li key={row.id}>
                {t('timeline.lanes.listItem', { lane: row.label, n: formatCount(laneCounts.get(row.id) ?? 0) })}
              </li>
            ))}
          </ol>
          <div className="timeline-chart-box" style={{ minHeight: Math.max(320, rows.length * 30 + 110) }}>
            {rows.length === 0 ? (
              <p className="muted">{t('timeline.lanes.none')}</p>
            ) : (
              <SwimlaneChart
                ariaLabel={t('timeline.chart.label')}
                lanes={rows}
                full={full}
                window={window}
                data={swimlaneData}
                days={days.data?.days ?? []}
                zone={zone}
                labels={labels}
                brushing={brushing}
                brushed={brushed}
                onWindow={setView}
                onBrush={(range) => {
                  setBrushed(range);
                  setSelected(null);
                }}
                onBrushingEnd={() => setBrushing(false)}
                onEvent={(event) => setSelected({ type: event.type, id: event.id })}
              />
            )}
          </div>
        </div>
        <aside className="timeline-side">
          {selected ? (
            <EventDetail key={`${selected.type}:${selected.id}`} item={selected} zone={zone} backToList={brushed !== null} onClose={() => setSelected(null)} />
          ) : null}
          {brushed ? (
            // kept mounted under the detail, so the pages already loaded are there on the way back
            <div className="timeline-side-stack" hidden={selected !== null}>
              <BrushPanel
                range={brushed}
                lanes={chosenLanes}
                scope={scope}
                zone={zone}
                readOnly={caseInfo.readOnly}
                laneLabel={labelOf}
                onOpen={setSelected}
                onClear={() => setBrushed(null)}
              />
            </div>
          ) : selected ? null : (
            <SideHint />
          )}
        </aside>
      </div>
      {picking ? (
        <LanePicker
          lanes={list}
          chosen={chosenLanes}
          onApply={(next) => {
            setChosen(next);
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </div>
  );
}
