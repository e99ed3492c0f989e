import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import {
  BarChart,
  CustomChart,
  GraphChart,
  HeatmapChart,
  LineChart,
  SankeyChart,
  ScatterChart,
  type BarSeriesOption,
  type CustomSeriesOption,
  type GraphSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
  type SankeySeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  AriaComponent,
  BrushComponent,
  DataZoomComponent,
  MarkAreaComponent,
  ToolboxComponent,
  VisualMapComponent,
  type BrushComponentOption,
  type MarkAreaComponentOption,
  type ToolboxComponentOption,
  type VisualMapComponentOption,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type AriaComponentOption,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption, ECElementEvent, EChartsType } from 'echarts/core';

// Only what the features draw: bars and lines (volumes over time), graph and sankey (fund flow); the timeline's
// swimlanes (custom density strips, scatter events, brush — which needs the toolbox registered, hidden — holiday mark
// areas) and its heat map (heatmap, visual map).
echarts.use([
  BarChart,
  LineChart,
  GraphChart,
  SankeyChart,
  CustomChart,
  ScatterChart,
  HeatmapChart,
  BrushComponent,
  MarkAreaComponent,
  ToolboxComponent,
  VisualMapComponent,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GraphSeriesOption
  | SankeySeriesOption
  | CustomSeriesOption
  | ScatterSeriesOption
  | HeatmapSeriesOption
  | BrushComponentOption
  | MarkAreaComponentOption
  | ToolboxComponentOption
  | VisualMapComponentOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export const CHART_FONT = "'Noto Sans SC', sans-serif";

/** What a click on a bar, node or edge hands to the feature, so it can open the rows behind it. */
export interface ChartItem {
  seriesIndex: number;
  dataIndex: number;
  dataType: string | undefined;
  name: string;
  value: unknown;
}

/** echarts events a feature may listen to (zoom, brush) with echarts' own payload, checked by the feature. */
export type ChartEventName = 'datazoom' | 'brush' | 'brushEnd' | 'brushselected';
export type ChartEventHandlers = Partial<Record<ChartEventName, (params: unknown) => void>>;

export interface ChartProps {
  option: ChartOption;
  ariaLabel: string;
  onItemClick?: (item: ChartItem) => void;
  className?: string;
  /** listeners for zoom and brush events; the latest handlers are always called */
  onEvents?: ChartEventHandlers;
  /** the instance once mounted (null when it goes), for actions such as taking the brush cursor */
  onReady?: (chart: EChartsType | null) => void;
  /**
   * update by merging, replacing only these components (e.g. ['series']), so the zoom window and a brushed area
   * survive new data; by default every option replaces the last one whole
   */
  replaceMerge?: string[];
}

type TooltipSetting = ChartOption['tooltip'];

/**
 * Tooltips are drawn on the canvas, never as HTML: labels come from seized data, and the CSP allows no inline
 * styles for echarts' HTML tooltip either.
 */
function textOnlyTooltip(tooltip: TooltipSetting): TooltipSetting {
  if (!tooltip) return tooltip;
  // a canvas tooltip does not inherit the root text style: without the bundled font, CJK text draws as boxes
  const withFont = <T extends { textStyle?: object }>(item: T): T => ({ ...item, textStyle: { fontFamily: CHART_FONT, ...item.textStyle } });
  if (Array.isArray(tooltip)) return tooltip.map((item) => ({ ...withFont(item), renderMode: 'richText' as const }));
  return { ...withFont(tooltip), renderMode: 'richText' };
}

/** The app's defaults under every option: bundled CJK font, accessible description, no animation. */
export function withChartDefaults(option: ChartOption): ChartOption {
  return {
    animation: false,
    ...option,
    aria: { enabled: true, ...(option.aria as AriaComponentOption | undefined) },
    textStyle: { fontFamily: CHART_FONT, ...(option.textStyle as object | undefined) },
    tooltip: textOnlyTooltip(option.tooltip),
  };
}

/** THE echarts wrapper (STYLE.md §14): registered parts only, font, resize, dispose, text-only tooltips. */
export function Chart({ option, ariaLabel, onItemClick, className, onEvents, onReady, replaceMerge }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onItemClick);
  const eventHandlers = useRef(onEvents);
  const readyHandler = useRef(onReady);
  const eventNames = Object.keys(onEvents ?? {}).sort().join(' ');
  const merge = replaceMerge?.join(' ') ?? '';
  const { i18n } = useTranslation();
  const locale = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh') ? 'ZH' : 'EN';

  useEffect(() => {
    clickHandler.current = onItemClick;
    eventHandlers.current = onEvents;
    readyHandler.current = onReady;
  });

  useEffect(() => {
    const node = container.current;
    if (!node) return undefined;
    const instance = echarts.init(node, null, { renderer: 'canvas', locale });
    chart.current = instance;
    instance.on('click', (event: ECElementEvent) => {
      clickHandler.current?.({
        seriesIndex: event.seriesIndex ?? 0,
        dataIndex: event.dataIndex,
        dataType: event.dataType,
        name: event.name,
        value: event.value,
      });
    });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(node);
    readyHandler.current?.(instance);
    return () => {
      observer?.disconnect();
      readyHandler.current?.(null);
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !eventNames) return undefined;
    const bound = eventNames.split(' ').map((name) => {
      const handler = (params: unknown) => eventHandlers.current?.[name as ChartEventName]?.(params);
      instance.on(name, handler);
      return [name, handler] as const;
    });
    return () => {
      if (instance.isDisposed()) return;
      for (const [name, handler] of bound) instance.off(name, handler);
    };
  }, [eventNames, locale]);

  useEffect(() => {
    chart.current?.setOption(withChartDefaults(option), merge ? { replaceMerge: merge.split(' ') } : { notMerge: true });
  }, [option, locale, merge]);

  // echarts writes its own data description into the aria-label of its container; ours names the figure
  return (
    <div className={className ?? 'cs-chart'} role="figure" aria-label={ariaLabel}>
      <div ref={container} className="cs-chart-canvas" />
    </div>
  );
}
