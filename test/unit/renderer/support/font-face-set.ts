/**
 * happy-dom has no `document.fonts`. ag-grid treats its absence as server-side rendering and injects no theme
 * styles; a minimal FontFaceSet makes it behave as in Chromium, so the tests see the <style> elements (and their
 * CSP nonce) a browser would get. Import this before the grid.
 */
if (!('fonts' in document)) {
  const fonts = {
    forEach: () => undefined,
    add: () => fonts,
    delete: () => false,
    has: () => false,
    check: () => true,
    load: () => Promise.resolve([]),
    ready: Promise.resolve(),
    status: 'loaded',
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
}
