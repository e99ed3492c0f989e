/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped.
 * Hashes over parameters (audit chain, findings, manifests) must not depend on key order.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : normalise(item)));
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const member = source[key];
      if (member !== undefined) sorted[key] = normalise(member);
    }
    return sorted;
  }
  return value;
}
