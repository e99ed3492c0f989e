/**
 * happy-dom lays nothing out: every element measures 0 × 0 and setting scrollTop fires nothing, so a virtualised
 * list would show no rows and never scroll. Give the thread's scroller a viewport and a scroll height (its sizer's),
 * each message slot a height, and fire `scroll` after scrollTop changes, as Chromium does. Import before rendering.
 */
export const VIEWPORT_HEIGHT = 600;
export const ROW_HEIGHT = 60;

function sized(className: string, size: (el: HTMLElement) => number) {
  return function (this: HTMLElement): number {
    return this.classList.contains(className) ? size(this) : 0;
  };
}

const sizerHeight = (el: HTMLElement): number => {
  const sizer = el.firstElementChild;
  return sizer instanceof HTMLElement ? Number.parseFloat(sizer.style.height) || 0 : 0;
};

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: sized('thread-scroll', () => VIEWPORT_HEIGHT) });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: sized('thread-scroll', () => 800) });
Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: sized('thread-scroll', sizerHeight) });
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: sized('msg-slot', () => ROW_HEIGHT) });

const scrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
  configurable: true,
  get(this: HTMLElement): number {
    return (scrollTop?.get?.call(this) as number | undefined) ?? 0;
  },
  set(this: HTMLElement, value: number) {
    const max = Math.max(0, this.scrollHeight - this.clientHeight);
    scrollTop?.set?.call(this, Math.max(0, Math.min(max, value)));
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  },
});
