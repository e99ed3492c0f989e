import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineHeatmap, TimelineTxnScope } from '@shared/domain';
import { useClient, useEvent } from '../../app/client-context';
import { Chart } from '../../components/Chart';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { HEAT_COLORS, HOLIDAY_DOT, NIGHT_COLORS, heatmapOption } from './heatmap-option';

const pct = (n: number, total: number): string => (total === 0 ? '0%' : `${((100 * n) / total).toFixed(1)}%`);

function Figures({ map }: { map: TimelineHeatmap }) {
  const { t } = useTranslation();
  const share = (n: number) => t('timeline.heatmap.share', { n: formatCount(n), pct: pct(n, map.total) });
  return (
    <dl className="heat-figures">
      <div>
        <dt>{t('timeline.heatmap.totalLabel')}</dt>
        <dd className="num">{formatCount(map.total)}</dd>
      </div>
      <div>
        <dt>{t('timeline.heatmap.night', { from: map.nightFrom, to: String(map.nightTo).padStart(2, '0') })}</dt>
        <dd className="num">{share(map.night)}</dd>
      </div>
      <div>
        <dt>{t('timeline.heatmap.holidays')}</dt>
        <dd className="num">{share(map.holidays)}</dd>
      </div>
      <div>
        <dt>{t('timeline.heatmap.makeup')}</dt>
        <dd className="num">{share(map.makeupWorkdays)}</dd>
      </div>
    </dl>
  );
}

/** What the colours, bands and dots mean, in words, next to the figure. */
function Legend({ map }: { map: TimelineHeatmap }) {
  const { t } = useTranslation();
  const years = map.calendarYears.length > 0 ? `${map.calendarYears[0]}–${map.calendarYears.at(-1)}` : '';
  return (
    <ul className="heat-legend">
      <li>
        <span className="heat-swatch heat-swatch-scale" style={{ background: `linear-gradient(to right, ${HEAT_COLORS.join(', ')})` }} aria-hidden="true" />
        {t('timeline.heatmap.legendColour', { zone: map.zone })}
      </li>
      <li>
        <span className="heat-swatch heat-swatch-scale" style={{ background: `linear-gradient(to right, ${NIGHT_COLORS.join(', ')})` }} aria-hidden="true" />
        {t('timeline.heatmap.legendNight', { from: map.nightFrom, to: String(map.nightTo).padStart(2, '0') })}
      </li>
      <li>
        <span className="heat-dot" style={{ background: HOLIDAY_DOT }} aria-hidden="true" />
        {t('timeline.heatmap.legendHoliday')}
      </li>
      <li className="muted">{t('timeline.heatmap.calendarSource', { years })}</li>
    </ul>
  );
}

/** 时段分布: weekday × hour on the display zone's clock, with night and public holidays marked and counted. */
export function HeatmapView({ zone, lanes, scope }: { zone: string; lanes: readonly string[]; scope: TimelineTxnScope }) {
  const { t } = useTranslation();
  const [onlyLanes, setOnlyLanes] = useState(false);
  const client = useClient();
  const [version, setVersion] = useState(0);
  useEvent('import.finished', () => setVersion((v) => v + 1));
  const key = JSON.stringify({ zone, lanes: onlyLanes && lanes.length > 0 ? lanes : null, scope, version });
  // the last map stays on screen while the next one (another zone, other lanes) loads
  const [heat, setHeat] = useState<{ key: string; map: TimelineHeatmap | null; error: unknown } | null>(null);
  useEffect(() => {
    let live = true;
    const input = JSON.parse(key) as { zone: string; lanes: string[] | null; scope: TimelineTxnScope };
    client.call('timeline.heatmap', input.lanes ? { zone: input.zone, lanes: input.lanes, scope: input.scope } : { zone: input.zone, scope: input.scope }).then(
      (map) => {
        if (live) setHeat({ key, map, error: null });
      },
      (error: unknown) => {
        if (live) setHeat((prev) => ({ key, map: prev?.map ?? null, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [client, key]);
  const map = heat?.map ?? undefined;
  const error = heat?.key === key ? heat.error : null;
  const option = useMemo(
    () =>
      map
        ? heatmapOption(map, {
            hour: (h) => t('timeline.heatmap.hour', { h }),
            weekday: (w) => t(`timeline.heatmap.weekday.${String(w) as '1'}`),
            cellTip: (cell) =>
              t('timeline.heatmap.cellTip', {
                weekday: t(`timeline.heatmap.weekday.${String(cell.weekday) as '1'}`),
                from: String(cell.hour).padStart(2, '0'),
                to: String(cell.hour + 1).padStart(2, '0'),
                n: formatCount(cell.count),
                holidays: formatCount(cell.holidays),
                makeup: formatCount(cell.makeupWorkdays),
              }) + (cell.night ? `\n${t('timeline.heatmap.nightTip')}` : ''),
            countSeries: t('timeline.heatmap.label'),
            holidaySeries: t('timeline.heatmap.holidayMarker'),
            nightSeries: t('timeline.heatmap.nightTip'),
            high: t('timeline.heatmap.high'),
            low: '0',
          })
        : null,
    [map, t],
  );
  return (
    <section className="heat-view" aria-label={t('timeline.heatmap.label')}>
      <header className="heat-header">
        <h2>{t('timeline.heatmap.title', { zone: map?.zone ?? zone })}</h2>
        <label className="heat-only-lanes">
          <input type="checkbox" checked={onlyLanes} onChange={(event) => setOnlyLanes(event.target.checked)} />
          {t('timeline.heatmap.onlyLanes')}
        </label>
      </header>
      <ErrorNotice error={error} onRetry={() => setVersion((v) => v + 1)} />
      {map && option ? (
        <>
          <Figures map={map} />
          <div className="heat-body">
            <div className="heat-chart">
              <Chart className="cs-chart heat-canvas" option={option} ariaLabel={t('timeline.heatmap.label')} />
            </div>
            <aside className="heat-aside">
              <Legend map={map} />
              {map.uncovered > 0 ? (
                <p className="warn-text">
                  {t('timeline.heatmap.uncovered', {
                    n: formatCount(map.uncovered),
                    years: map.calendarYears.length > 0 ? `${map.calendarYears[0]}–${map.calendarYears.at(-1)}` : '',
                  })}
                </p>
              ) : null}
              <h3>{t('timeline.heatmap.festivals')}</h3>
              {map.festivals.length === 0 ? (
                <p className="muted">{t('timeline.heatmap.noFestivals')}</p>
              ) : (
                <table className="dense-table heat-festivals">
                  <thead>
                    <tr>
                      <th>{t('timeline.heatmap.festival')}</th>
                      <th>{t('timeline.heatmap.dates')}</th>
                      <th className="num">{t('timeline.heatmap.events')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {map.festivals.map((f) => (
                      <tr key={`${f.notice}|${f.name}`}>
                        <td>
                          {f.name}
                          <div className="muted heat-notice">{f.notice}</div>
                        </td>
                        <td className="num">{f.firstDate === f.lastDate ? f.firstDate : `${f.firstDate} – ${f.lastDate.slice(5)}`}</td>
                        <td className="num">{formatCount(f.events)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </aside>
          </div>
        </>
      ) : error ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </section>
  );
}
