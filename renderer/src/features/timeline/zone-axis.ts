import { formatInZone, zoneOffsetMs } from '@shared/time';

/**
 * echarts formats a time axis in the browser's zone or in UTC (useUTC). The timeline shows the display zone, so the
 * chart is given wall-clock instants — each UTC instant moved by its zone's offset at that instant — and told to use
 * UTC. These convert between the two; stored instants never change.
 */
export function toAxis(utcMs: number, zone: string): number {
  return utcMs + zoneOffsetMs(utcMs, zone);
}

/** The UTC instant a wall-clock axis value stands for (across a DST change, the offset after the guess). */
export function fromAxis(axisMs: number, zone: string): number {
  const guess = axisMs - zoneOffsetMs(axisMs, zone);
  return axisMs - zoneOffsetMs(guess, zone);
}

/** `2024-03-01 14:05` in the zone. */
export function formatMinute(utcMs: number, zone: string): string {
  return formatInZone(utcMs, zone).slice(0, 16);
}

/** `2024-03-01` in the zone. */
export function formatDay(utcMs: number, zone: string): string {
  return formatInZone(utcMs, zone).slice(0, 10);
}

/** The UTC instant a civil date (`YYYY-MM-DD`) begins in the zone. */
export function startOfDay(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  return fromAxis(wall, zone);
}
