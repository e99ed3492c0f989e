import { foldWidth } from './fold-width';

/**
 * Normalises a MAC address to 12 lower-case hex characters: accepts `AA:BB:CC:DD:EE:FF`, `AA-BB-…`,
 * `aabb.ccdd.eeff` and bare `AABBCCDDEEFF`. All-zero (and all-F broadcast) values, which banks use as "unknown",
 * return null, as does anything that is not a MAC.
 */
export function normaliseMac(text: string): string | null {
  const t = foldWidth(text).trim();
  let hex: string | null = null;
  if (/^[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}$/i.test(t)) hex = t.replace(/[:-]/g, '');
  else if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(t)) hex = t.replace(/\./g, '');
  else if (/^[0-9a-f]{12}$/i.test(t)) hex = t;
  if (hex === null) return null;
  hex = hex.toLowerCase();
  if (hex === '000000000000' || hex === 'ffffffffffff') return null;
  return hex;
}

/** `aa:bb:cc:dd:ee:ff` for display from the normalised form. */
export function formatMac(normalized: string): string {
  return normalized.match(/../g)?.join(':') ?? normalized;
}
