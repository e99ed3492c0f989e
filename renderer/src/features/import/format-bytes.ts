import { formatCount } from '../../components/format';

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** `532 B`, `12.4 KB`, `1.3 GB` (binary units); the exact byte count belongs in a tooltip. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? formatCount(Math.round(value)) : value.toFixed(1)} ${UNITS[unit] ?? 'TB'}`;
}

/** `1,234,567 字节` style exact count for tooltips. */
export function exactBytes(bytes: number, unit: string): string {
  return `${formatCount(bytes)} ${unit}`;
}
