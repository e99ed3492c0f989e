import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import type { TimelineCalendarDay, TimelineDensity, TimelineEvent } from '@shared/domain';
import type { ChartOption } from '../../components/Chart';
import { startOfDay, toAxis } from './zone-axis';

/** One swimlane as the chart draws it, top to bottom. */
export interface LaneRow {
  id: string;
  label: string;
  /** what the lane holds: transactions or messages */
  holds: 'txn' | 'message';
}

export type SwimlaneData = { mode: 'density'; density: TimelineDensity } | { mode: 'events'; events: TimelineEvent[] };

/** A bucket's sums in one currency, minor units. */
export interface BucketMoney {
  currency: string;
  inMinor: number;
  outMinor: number;
}

/** Translated words and formatted values the chart shows; the option itself stays free of i18n. */
export interface SwimlaneLabels {
  series: { txnDensity: string; messageDensity: string; in: string; out: string; unknown: string; message: string; flagged: string; holiday: string; makeup: string };
  densityTip: (lane: string, from: number, to: number, count: number, money: readonly BucketMoney[]) => string;
  eventTip: (event: TimelineEvent, lane: string) => string;
  dayTip: (day: TimelineCalendarDay) => string;
}

export interface SwimlaneInput {
  lanes: readonly LaneRow[];
  /** the whole axis: the case's first and last instant (UTC ms) */
  full: { from: number; to: number };
  /** the zoom window (UTC ms) */
  window: { from: number; to: number };
  data: SwimlaneData | null;
  days: readonly TimelineCalendarDay[];
  zone: string;
  labels: SwimlaneLabels;
}

export const COLORS = {
  txn: '#1f5fbf',
  txnAll: '#143f80',
  message: '#0b7a43',
  messageAll: '#075530',
  in: '#1f5fbf',
  out: '#d9730d',
  unknown: '#8a8f98',
  flagged: '#a21caf',
  holiday: 'rgba(214, 40, 40, 0.10)',
  makeup: 'rgba(100, 106, 115, 0.12)',
} as const;

/** Series ids, so a click can be traced back to what was clicked. */
export const SERIES = {
  txnDensity: 'density-txn',
  messageDensity: 'density-message',
  in: 'events-in',
  out: 'events-out',
  unknown: 'events-unknown',
  message: 'events-message',
  flagged: 'events-flagged',
  holiday: 'days-holiday',
  makeup: 'days-makeup',
} as const;

/** A density strip's value: [axis start, axis end, lane index, count, count / lane maximum, bucket index]. */
type StripValue = [number, number, number, number, number, number];

/** Bars inside a lane's band: height ∝ the bucket's share of the lane's busiest bucket, from the band's foot. */
function renderStrip(_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const lane = Number(api.value(2));
  const start = api.coord([Number(api.value(0)), lane]);
  const end = api.coord([Number(api.value(1)), lane]);
  const band = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 20;
  const x0 = start[0] ?? 0;
  const x1 = end[0] ?? 0;
  const centre = start[1] ?? 0;
  const height = Math.max(1.5, band * 0.78 * Number(api.value(4)));
  return {
    type: 'rect',
    shape: { x: x0, y: centre + band * 0.4 - height, width: Math.max(1, x1 - x0 - 0.6), height },
    style: { fill: api.visual('color') as string },
  };
}

/** Symbol size of a transaction by amount (log scale, 分 → 元): ¥1 ≈ 6 px, ¥1,000,000 ≈ 18 px. */
export function amountSize(amountMinor: number | null): number {
  if (amountMinor === null || amountMinor <= 0) return 6;
  return Math.min(18, Math.max(6, 6 + 2 * Math.log10(amountMinor / 100 + 1)));
}

function eventSeriesKey(event: TimelineEvent): keyof typeof SERIES {
  if (event.type === 'message') return event.flags.includes('flagged') ? 'flagged' : 'message';
  if (event.direction === 'in') return 'in';
  if (event.direction === 'out') return 'out';
  return 'unknown';
}

/** Shaded days: public holidays and 调休 working days, as [start, end) on the axis, merged when consecutive. */
function dayAreas(days: readonly TimelineCalendarDay[], kind: TimelineCalendarDay['kind'], zone: string, labels: SwimlaneLabels) {
  const areas: [{ name: string; xAxis: number }, { xAxis: number }][] = [];
  for (const day of days.filter((d) => d.kind === kind)) {
    const start = toAxis(startOfDay(day.date, zone), zone);
    const end = start + 86_400_000;
    const last = areas.at(-1);
    if (last && last[1].xAxis === start && last[0].name === labels.dayTip(day)) last[1].xAxis = end;
    else areas.push([{ name: labels.dayTip(day), xAxis: start }, { xAxis: end }]);
  }
  return areas;
}

export interface SwimlaneOption {
  option: ChartOption;
  /** events by the index carried in each point's value, for clicks */
  events: readonly TimelineEvent[];
}

/**
 * The swimlane chart: one row per lane on one time axis in the display zone; density strips when zoomed out,
 * individual events (sized by amount, coloured by direction and kind) when zoomed in; holidays shaded; zoom and pan
 * with the wheel, drag and the slider; a brush selects a period.
 */
export function swimlaneOption(input: SwimlaneInput): SwimlaneOption {
  const { lanes, zone, labels } = input;
  const index = new Map(lanes.map((lane, i) => [lane.id, i]));
  const series: NonNullable<ChartOption['series']> = [];
  const events: TimelineEvent[] = [];

  if (input.data?.mode === 'density') {
    const { density } = input.data;
    const strips: Record<'txn' | 'message', { value: StripValue; itemStyle: { color: string } }[]> = { txn: [], message: [] };
    for (const lane of density.lanes) {
      const row = index.get(lane.lane);
      const laneRow = row === undefined ? undefined : lanes[row];
      if (row === undefined || !laneRow) continue;
      const max = Math.max(1, ...lane.counts);
      const color = lane.lane === 'all:txn' ? COLORS.txnAll : lane.lane === 'all:message' ? COLORS.messageAll : laneRow.holds === 'txn' ? COLORS.txn : COLORS.message;
      lane.counts.forEach((count, b) => {
        if (count === 0) return;
        const from = density.from + b * density.bucketMs;
        const to = Math.min(density.to, from + density.bucketMs);
        strips[laneRow.holds].push({ value: [toAxis(from, zone), toAxis(to, zone), row, count, count / max, b], itemStyle: { color } });
      });
    }
    const densitySeries = (holds: 'txn' | 'message') => ({
      id: holds === 'txn' ? SERIES.txnDensity : SERIES.messageDensity,
      name: holds === 'txn' ? labels.series.txnDensity : labels.series.messageDensity,
      type: 'custom' as const,
      // explicit: a custom series reads its own z, not the default, when it first draws
      z: 2,
      renderItem: renderStrip,
      encode: { x: [0, 1], y: 2 },
      itemStyle: { color: holds === 'txn' ? COLORS.txn : COLORS.message },
      data: strips[holds],
      tooltip: {
        formatter: (params: { value?: unknown }) => {
          const value = params.value as StripValue;
          const laneLane = density.lanes.find((l) => index.get(l.lane) === value[2]);
          const lane = lanes[value[2]];
          const bucket = value[5];
          const money = (laneLane?.money ?? [])
            .map((m) => ({ currency: m.currency, inMinor: m.inMinor[bucket] ?? 0, outMinor: m.outMinor[bucket] ?? 0 }))
            .filter((m) => m.inMinor !== 0 || m.outMinor !== 0);
          const from = density.from + bucket * density.bucketMs;
          return labels.densityTip(lane?.label ?? '', from, Math.min(density.to, from + density.bucketMs), value[3], money);
        },
      },
    });
    series.push(densitySeries('txn'), densitySeries('message'));
  }

  if (input.data?.mode === 'events') {
    const groups = new Map<keyof typeof SERIES, { value: [number, number, number] }[]>();
    for (const event of input.data.events) {
      const row = index.get(event.lane);
      if (row === undefined) continue;
      const key = eventSeriesKey(event);
      const list = groups.get(key) ?? [];
      list.push({ value: [toAxis(event.utcMs, zone), row, events.length] });
      groups.set(key, list);
      events.push(event);
    }
    for (const key of ['in', 'out', 'unknown', 'message', 'flagged'] as const) {
      series.push({
        id: SERIES[key],
        name: labels.series[key],
        type: 'scatter',
        symbol: key === 'message' || key === 'flagged' ? 'diamond' : 'circle',
        symbolSize: (value: number[]) => (key === 'message' || key === 'flagged' ? 8 : amountSize(events[value[2] ?? 0]?.amountMinor ?? null)),
        itemStyle: { color: COLORS[key], opacity: 0.85 },
        data: groups.get(key) ?? [],
        tooltip: {
          formatter: (params: { value?: unknown }) => {
            const value = params.value as [number, number, number];
            const event = events[value[2]];
            return event ? labels.eventTip(event, lanes[value[1]]?.label ?? '') : '';
          },
        },
      });
    }
  }

  for (const kind of ['holiday', 'makeup'] as const) {
    const areas = dayAreas(input.days, kind === 'holiday' ? 'holiday' : 'makeup-workday', zone, labels);
    series.push({
      id: SERIES[kind],
      name: labels.series[kind],
      type: 'scatter',
      data: [],
      itemStyle: { color: kind === 'holiday' ? '#d62828' : '#646a73' },
      markArea: {
        silent: false,
        itemStyle: { color: kind === 'holiday' ? COLORS.holiday : COLORS.makeup },
        label: { show: false },
        tooltip: { formatter: (params: unknown) => (params as { name?: string }).name ?? '' },
        data: areas,
      },
    });
  }

  const legendNames =
    input.data?.mode === 'events'
      ? [labels.series.in, labels.series.out, labels.series.unknown, labels.series.message, labels.series.flagged]
      : input.data?.mode === 'density'
        ? [labels.series.txnDensity, labels.series.messageDensity]
        : [];
  const start = toAxis(input.window.from, zone);
  const end = toAxis(input.window.to, zone);
  const option: ChartOption = {
    useUTC: true,
    grid: { left: 176, right: 18, top: 30, bottom: 64 },
    legend: { top: 2, left: 176, itemWidth: 12, itemHeight: 10, itemGap: 18, data: [...legendNames, labels.series.holiday, labels.series.makeup] },
    tooltip: { trigger: 'item', confine: true },
    // the brush is started from the page's own button; echarts' toolbox stays hidden
    toolbox: { show: false },
    xAxis: {
      type: 'time',
      min: toAxis(input.full.from, zone),
      max: toAxis(input.full.to, zone),
      axisLabel: { hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: '#eef0f3' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: lanes.map((lane) => lane.id),
      axisLabel: { width: 160, overflow: 'truncate', formatter: (id: string) => lanes[index.get(id) ?? -1]?.label ?? id },
      axisTick: { show: false },
      splitLine: { show: true, lineStyle: { color: '#e3e6ea' } },
      splitArea: { show: true, areaStyle: { color: ['#ffffff', '#f8f9fb'] } },
    },
    dataZoom: [
      { id: 'zoom-inside', type: 'inside', xAxisIndex: 0, filterMode: 'none', startValue: start, endValue: end, minValueSpan: 60_000 },
      { id: 'zoom-slider', type: 'slider', xAxisIndex: 0, filterMode: 'none', startValue: start, endValue: end, minValueSpan: 60_000, height: 22, bottom: 10 },
    ],
    brush: {
      xAxisIndex: 0,
      brushType: 'lineX',
      brushMode: 'single',
      transformable: false,
      removeOnClick: false,
      brushStyle: { color: 'rgba(31, 95, 191, 0.12)', borderColor: 'rgba(31, 95, 191, 0.7)', borderWidth: 1 },
      outOfBrush: { colorAlpha: 0.35 },
      throttleType: 'debounce',
      throttleDelay: 200,
    },
    series,
  };
  return { option, events };
}
