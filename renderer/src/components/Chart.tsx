import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import {
  BarChart,
  GraphChart,
  LineChart,
  SankeyChart,
  type BarSeriesOption,
  type GraphSeriesOption,
  type LineSeriesOption,
  type SankeySeriesOption,
} from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
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

// Only what the features draw: bars and lines (volumes over time), graph and sankey (fund flow).
echarts.use([
  BarChart,
  LineChart,
  GraphChart,
  SankeyChart,
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

export interface ChartProps {
  option: ChartOption;
  ariaLabel: string;
  onItemClick?: (item: ChartItem) => void;
  className?: string;
}

type TooltipSetting = ChartOption['tooltip'];

/**
 * Tooltips are drawn on the canvas, never as HTML: labels come from seized data, and the CSP allows no inline
 * styles for echarts' HTML tooltip either.
 */
function textOnlyTooltip(tooltip: TooltipSetting): TooltipSetting {
  if (!tooltip) return tooltip;
  if (Array.isArray(tooltip)) return tooltip.map((item) => ({ ...item, renderMode: 'richText' as const }));
  return { ...tooltip, renderMode: 'richText' };
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
export function Chart({ option, ariaLabel, onItemClick, className }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onItemClick);
  const { i18n } = useTranslation();
  const locale = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh') ? 'ZH' : 'EN';

  useEffect(() => {
    clickHandler.current = onItemClick;
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
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(withChartDefaults(option), { notMerge: true });
  }, [option, locale]);

  // echarts writes its own data description into the aria-label of its container; ours names the figure
  return (
    <div className={className ?? 'cs-chart'} role="figure" aria-label={ariaLabel}>
      <div ref={container} className="cs-chart-canvas" />
    </div>
  );
}
