import type { TimelineHeatmap, TimelineHeatmapCell } from '@shared/domain';
import type { ChartOption } from '../../components/Chart';

export interface HeatmapLabels {
  hour: (hour: number) => string;
  weekday: (weekday: number) => string;
  cellTip: (cell: TimelineHeatmapCell) => string;
  countSeries: string;
  nightSeries: string;
  holidaySeries: string;
  high: string;
  low: string;
}

/** Records per cell, light to dark: daytime cells in blue, night cells in the same steps greyed. */
export const HEAT_COLORS = ['#f4f7fc', '#c9daf5', '#8fb3ea', '#4a83d4', '#1f5fbf', '#123c7d'];
export const NIGHT_COLORS = ['#dfe1e6', '#bcc5d3', '#91a1ba', '#62789c', '#465d80', '#2b3d5a'];
export const HOLIDAY_DOT = '#e8590c';

const labelCount = (p: unknown): string => {
  const n = Number((p as { value?: unknown[] }).value?.[2] ?? 0);
  return n > 0 ? String(n) : '';
};

/**
 * Hour of day (columns) × weekday (rows, Monday on top) on the display zone's clock: colour = records, the night
 * columns greyed (each cell drawn once, opaque: no tint over tint), an orange dot in the corner of a cell = records on
 * public holidays (bigger, more).
 */
export function heatmapOption(map: TimelineHeatmap, labels: HeatmapLabels): ChartOption {
  const max = Math.max(1, ...map.cells.map((c) => c.count));
  const maxHoliday = Math.max(1, ...map.cells.map((c) => c.holidays));
  const cellAt = (weekday: number, hour: number) => map.cells.find((c) => c.weekday === weekday && c.hour === hour);
  const isNight = (h: number) => h >= map.nightFrom || h < map.nightTo;
  const hours = Array.from({ length: 24 }, (_, h) => ({
    value: String(h),
    textStyle: { color: isNight(h) ? '#3d4350' : '#646a73', fontWeight: isNight(h) ? ('bold' as const) : ('normal' as const) },
  }));
  const weekdays = Array.from({ length: 7 }, (_, i) => String(i + 1));
  const tip = (params: unknown) => {
    const value = (params as { value?: unknown }).value;
    if (!Array.isArray(value)) return '';
    const cell = cellAt(Number(value[1]) + 1, Number(value[0]));
    return cell ? labels.cellTip(cell) : '';
  };
  const cells = (night: boolean) => map.cells.filter((c) => c.night === night).map((c) => [c.hour, c.weekday - 1, c.count]);
  const countSeries = (id: string, name: string, night: boolean) => ({
    id,
    name,
    type: 'heatmap' as const,
    data: cells(night),
    label: { show: true, fontSize: 10, formatter: labelCount },
    itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
    tooltip: { formatter: tip },
  });
  return {
    grid: { left: 56, right: 16, top: 10, bottom: 70 },
    tooltip: { trigger: 'item', confine: true },
    xAxis: { type: 'category', data: hours, axisLabel: { formatter: (h: string) => labels.hour(Number(h)) }, splitArea: { show: false } },
    yAxis: { type: 'category', data: weekdays, inverse: true, axisLabel: { formatter: (w: string) => labels.weekday(Number(w)) } },
    visualMap: [
      {
        type: 'continuous',
        seriesIndex: 0,
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 56,
        bottom: 8,
        itemWidth: 12,
        itemHeight: 160,
        text: [labels.high, labels.low],
        inRange: { color: HEAT_COLORS },
      },
      // the night cells: the same scale, greyed; its bar is the legend's business
      { type: 'continuous', seriesIndex: 1, min: 0, max, show: false, inRange: { color: NIGHT_COLORS } },
    ],
    series: [
      countSeries('heat-day', labels.countSeries, false),
      countSeries('heat-night', labels.nightSeries, true),
      {
        id: 'heat-holidays',
        name: labels.holidaySeries,
        type: 'scatter',
        symbol: 'circle',
        symbolOffset: [14, -8],
        symbolSize: (value: number[]) => 4 + 9 * Math.sqrt((value[2] ?? 0) / maxHoliday),
        itemStyle: { color: HOLIDAY_DOT, borderColor: '#ffffff', borderWidth: 1 },
        data: map.cells.filter((c) => c.holidays > 0).map((c) => [c.hour, c.weekday - 1, c.holidays]),
        tooltip: { formatter: tip },
        z: 5,
      },
    ],
  };
}
