import { fromAxis, toAxis } from './zone-axis';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bucket widths a reader can name: 15 分钟, 1 小时, 1 天, 7 天 … */
export const NICE_WIDTHS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
] as const;

export interface BucketPlan {
  from: number;
  to: number;
  buckets: number;
  bucketMs: number;
}

/**
 * The density request for a window: a nice bucket width giving about `target` buckets, the first bucket starting on
 * a whole minute, hour or day of the display zone's clock, and `to` a whole number of buckets later (so the
 * backend's width, (to − from) / buckets, is exactly the nice one).
 */
export function bucketPlan(window: { from: number; to: number }, zone: string, target: number): BucketPlan {
  const span = Math.max(1, window.to - window.from);
  const bucketMs: number = NICE_WIDTHS.find((w) => w * target >= span) ?? 30 * DAY;
  const unit = Math.min(bucketMs, DAY);
  const wall = toAxis(window.from, zone);
  const from = Math.round(fromAxis(Math.floor(wall / unit) * unit, zone));
  const buckets = Math.max(1, Math.ceil((window.to - from) / bucketMs));
  return { from, to: from + buckets * bucketMs, buckets, bucketMs };
}
