import { vi } from 'vitest';

/**
 * happy-dom has no 2D canvas and lays nothing out. A recording stand-in lets echarts draw into a 1000 × 600 box and
 * keeps the text it draws — what a user would read on the canvas. Call in beforeAll; vi.restoreAllMocks undoes it.
 */
export function recordCanvasText(): string[] {
  const drawn: string[] = [];
  const fakeContext = (canvas: HTMLCanvasElement): CanvasRenderingContext2D => {
    const state: Record<string | symbol, unknown> = { canvas, font: '12px sans-serif' };
    return new Proxy(state, {
      get(target, key) {
        if (key === 'measureText') return (text: string) => ({ width: String(text).length * 7, actualBoundingBoxAscent: 9, actualBoundingBoxDescent: 3 });
        if (key === 'fillText') return (text: string) => drawn.push(String(text));
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
  };
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return fakeContext(this);
  } as never);
  return drawn;
}
