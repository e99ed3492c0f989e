import { msToWall, wallToMs } from './civil';
import type { WallFields } from './civil';

const DAY = 86_400_000;
/** Serial 2958465 is 9999-12-31, the last day Excel shows. */
const MAX_SERIAL = 2_958_466;

/**
 * An Excel serial date (days since 1899-12-30 in the 1900 date system, fraction = time of day) → wall-clock fields.
 * Excel counts a 29 February 1900 that never was (serial 60, kept for Lotus 1-2-3 compatibility): serials 1–59 are
 * therefore shifted by a day, and 60 itself returns null. Excel has no time zones; the caller decides the zone.
 */
export function excelSerialToWall(serial: number | string): WallFields | null {
  const value = typeof serial === 'number' ? serial : Number(serial);
  if (!Number.isFinite(value) || value < 1 || value >= MAX_SERIAL) return null;
  const days = Math.floor(value);
  if (days === 60) return null;
  const timeMs = Math.round((value - days) * DAY);
  const epoch = wallToMs({ year: 1899, month: 12, day: days < 60 ? 31 : 30, hour: 0, minute: 0, second: 0, millisecond: 0 });
  return msToWall(epoch + days * DAY + timeMs);
}
