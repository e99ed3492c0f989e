import { formatWall, msToWall } from './civil';
import { DEFAULT_ZONE, utcToZoned } from './zone';

export interface FormatTimeOptions {
  /** Append `.SSS`. Default false. */
  milliseconds?: boolean;
}

/** A UTC instant shown as `yyyy-MM-dd HH:mm:ss` on the wall clock of an IANA zone (default Asia/Shanghai). */
export function formatInZone(utcMs: number, zone: string = DEFAULT_ZONE, options: FormatTimeOptions = {}): string {
  return formatWall(utcToZoned(utcMs, zone).fields, options.milliseconds === true);
}

/** A UTC instant shown as `yyyy-MM-dd HH:mm:ss` at a fixed offset (the one recorded with the value). */
export function formatAtOffset(utcMs: number, offsetMinutes: number, options: FormatTimeOptions = {}): string {
  return formatWall(msToWall(utcMs + offsetMinutes * 60_000), options.milliseconds === true);
}

/** `+08:00`, `-03:30`, `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMinutes));
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 with an explicit offset, as exports carry it: `2024-01-01T10:00:00+08:00` (`.SSS` when non-zero). */
export function toIsoWithOffset(utcMs: number, offsetMinutes: number): string {
  const wall = msToWall(utcMs + offsetMinutes * 60_000);
  const text = formatWall(wall, wall.millisecond !== 0).replace(' ', 'T');
  return `${text}${formatOffset(offsetMinutes)}`;
}
