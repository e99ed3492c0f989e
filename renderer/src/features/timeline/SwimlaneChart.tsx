import { useEffect, useMemo, useRef, useState } from 'react';
import type { EChartsType } from 'echarts/core';
import type { TimelineCalendarDay, TimelineEvent } from '@shared/domain';
import { Chart, type ChartEventHandlers, type ChartItem } from '../../components/Chart';
import { swimlaneOption, type LaneRow, type SwimlaneData, type SwimlaneLabels } from './swimlane-option';
import { fromAxis } from './zone-axis';

export interface TimeRange {
  from: number;
  to: number;
}

/** Zoom and pan settle for this long before the next window is fetched. */
const ZOOM_SETTLE_MS = 250;

interface BrushEndParams {
  areas?: { coordRange?: unknown }[];
}

function zoomWindow(chart: EChartsType): { start: number; end: number } | null {
  const zooms = (chart.getOption() as { dataZoom?: { startValue?: unknown; endValue?: unknown }[] }).dataZoom;
  const start = Number(zooms?.[0]?.startValue);
  const end = Number(zooms?.[0]?.endValue);
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
}

/**
 * The swimlanes: the ONE Chart wrapper with the timeline's option; zoom and pan report the new window, the brush a
 * period, a click an event (or a density bar, which zooms into it).
 */
export function SwimlaneChart({
  ariaLabel,
  lanes,
  full,
  window,
  data,
  days,
  zone,
  labels,
  brushing,
  brushed,
  onWindow,
  onBrush,
  onBrushingEnd,
  onEvent,
}: {
  ariaLabel: string;
  lanes: readonly LaneRow[];
  full: TimeRange;
  window: TimeRange;
  data: SwimlaneData | null;
  days: readonly TimelineCalendarDay[];
  zone: string;
  labels: SwimlaneLabels;
  /** the brush cursor is taken: a drag selects a period instead of panning */
  brushing: boolean;
  /** the selected period, or null when there is none (a cleared selection removes the drawn area) */
  brushed: TimeRange | null;
  onWindow: (window: TimeRange) => void;
  onBrush: (range: TimeRange) => void;
  onBrushingEnd: () => void;
  onEvent: (event: TimelineEvent) => void;
}) {
  const [chart, setChart] = useState<EChartsType | null>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { option, events } = useMemo(() => swimlaneOption({ lanes, full, window, data, days, zone, labels }), [lanes, full, window, data, days, zone, labels]);

  useEffect(
    () => () => {
      if (settle.current) clearTimeout(settle.current);
    },
    [],
  );

  useEffect(() => {
    if (!chart) return;
    chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: brushing ? { brushType: 'lineX', brushMode: 'single' } : { brushType: false } });
  }, [chart, brushing]);

  useEffect(() => {
    if (chart && brushed === null) chart.dispatchAction({ type: 'brush', areas: [] });
  }, [chart, brushed]);

  const handlers: ChartEventHandlers = {
    datazoom: () => {
      if (!chart) return;
      if (settle.current) clearTimeout(settle.current);
      settle.current = setTimeout(() => {
        const zoomed = zoomWindow(chart);
        if (zoomed) onWindow({ from: Math.floor(fromAxis(zoomed.start, zone)), to: Math.ceil(fromAxis(zoomed.end, zone)) });
      }, ZOOM_SETTLE_MS);
    },
    brushEnd: (params) => {
      const range = (params as BrushEndParams).areas?.[0]?.coordRange;
      if (Array.isArray(range) && range.length === 2) {
        const [a, b] = range.map(Number) as [number, number];
        if (Number.isFinite(a) && Number.isFinite(b) && b > a) onBrush({ from: Math.floor(fromAxis(a, zone)), to: Math.ceil(fromAxis(b, zone)) });
      }
      onBrushingEnd();
    },
  };

  const onItemClick = (item: ChartItem) => {
    if (!Array.isArray(item.value)) return;
    const value = item.value as number[];
    if (value.length === 3) {
      const event = events[value[2] ?? -1];
      if (event) onEvent(event);
    } else if (value.length === 6 && data?.mode === 'density') {
      // a density bar is a door: zoom into its bucket
      const bucket = value[5] ?? 0;
      const from = data.density.from + bucket * data.density.bucketMs;
      onWindow({ from, to: Math.min(data.density.to, from + data.density.bucketMs) });
    }
  };

  return (
    <Chart
      className="cs-chart timeline-chart"
      option={option}
      ariaLabel={ariaLabel}
      onItemClick={onItemClick}
      onEvents={handlers}
      onReady={setChart}
      replaceMerge={['series', 'legend']}
    />
  );
}
