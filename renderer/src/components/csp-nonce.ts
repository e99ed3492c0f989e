const PLACEHOLDER = '__CSP_NONCE__';

/**
 * The per-load CSP nonce the host writes into `<meta name="csp-nonce">`. Libraries that inject `<style>` (ag-grid's
 * themes) must carry it, or the strict `style-src` of the CSP refuses their styles. Undefined in a dev server that
 * did not replace the placeholder (and applies no CSP either).
 */
export function cspNonce(doc: Document = document): string | undefined {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return content && content !== PLACEHOLDER ? content : undefined;
}
