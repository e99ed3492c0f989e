import type { EChartsType } from 'echarts/core';

/** The property of the chart's container that holds its echarts instance (read by the end-to-end tests). */
export const CHART_HANDLE = 'chainsightChart';

/**
 * Lets a test or a support session read what the chart draws (`getOption()`) from the page: the instance is
 * attached to its own container, not to a global, and goes with it.
 */
export function exposeChart(instance: EChartsType | null): void {
  if (!instance) return;
  Object.defineProperty(instance.getDom(), CHART_HANDLE, { value: instance, configurable: true, enumerable: false });
}
