// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import * as echarts from 'echarts/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Chart, withChartDefaults, type ChartOption } from '../../../renderer/src/components/Chart';
import { setupRendererTests } from './support/dom';

setupRendererTests();

/**
 * happy-dom has no 2D canvas. A recording stand-in lets echarts draw, and records the text it draws and the fonts
 * it draws them in — what a user would see on the canvas.
 */
const drawn: { text: string; font: string }[] = [];
function fakeContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = { canvas, font: '12px sans-serif' };
  return new Proxy(state, {
    get(target, key) {
      if (key === 'measureText') return (text: string) => ({ width: text.length * 7, actualBoundingBoxAscent: 9, actualBoundingBoxDescent: 3 });
      if (key === 'fillText') return (text: string) => drawn.push({ text: String(text), font: String(target.font) });
      if (key === 'getImageData') return () => ({ data: new Uint8ClampedArray(4) });
      if (key === 'createLinearGradient' || key === 'createRadialGradient' || key === 'createPattern') return () => ({ addColorStop: () => undefined });
      if (key in target) return target[key];
      return () => undefined;
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

const option: ChartOption = {
  tooltip: { trigger: 'axis' },
  xAxis: { type: 'category', data: ['资金流入', '资金流出'] },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', name: '<img src=x onerror=alert(1)>', data: [120, 80] }],
};

describe('Chart', () => {
  beforeAll(() => {
    // happy-dom does no layout: give the chart the size a page would
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      return fakeContext(this);
    } as never);
  });
  afterAll(() => vi.restoreAllMocks());

  it('mounts an echarts instance that draws the labels in the bundled CJK font, and disposes it on unmount', () => {
    const { unmount } = render(<Chart option={option} ariaLabel="资金进出" />);
    const figure = screen.getByRole('figure', { name: '资金进出' });
    const instance = echarts.getInstanceByDom(figure.firstElementChild as HTMLElement);
    expect(instance).toBeTruthy();
    const label = drawn.find((d) => d.text === '资金流入');
    expect(label?.font).toContain('Noto Sans SC');
    unmount();
    expect(instance?.isDisposed()).toBe(true);
  });

  it('forces text-only tooltips whatever a feature asks for', () => {
    const merged = withChartDefaults({ ...option, tooltip: { trigger: 'item', renderMode: 'html' } });
    expect(merged.tooltip).toMatchObject({ renderMode: 'richText', trigger: 'item' });
    expect(merged.textStyle).toMatchObject({ fontFamily: "'Noto Sans SC', sans-serif" });
  });
});
