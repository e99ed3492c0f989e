import { parseDateTime } from '../../../time/index';
import type { TimeErrorReason } from '../../../time/index';
import type { Instant } from '../../types';
import { unixInstant } from '../common/index';

/**
 * Time pieces of the structured exports beyond chat/common: exports that write both a Unix time and a wall time,
 * and time errors in plain words.
 */

const QUARTER_HOUR = 15 * 60_000;
const MAX_OFFSET = 18 * 3_600_000;

/**
 * Exports that write both a Unix time and the exporting machine's wall time (Telegram's `date_unixtime` + `date`,
 * QQChatExporter's `timestamp` + `time`) tell the machine's UTC offset: the instant comes from the number, the
 * original text and offset from the wall time when the two agree to a whole quarter hour within ±18 h. Otherwise
 * the wall text is not trusted and the number is kept as written (offset as in unixInstant).
 */
export function unixWithWallInstant(utcMs: number, unixText: string, wallText: string | undefined, zone: string): Instant {
  if (wallText !== undefined && wallText.trim() !== '') {
    const wall = parseDateTime(wallText, { zone: 'UTC', excelSerial: false });
    if (wall.ok && !wall.dateOnly) {
      // with its own offset (ISO `…Z`) the wall text is an instant of its own and must name the same second
      if (wall.zone === null && Math.abs(wall.utcMs - utcMs) < 1000) return { utcMs, original: wallText, offsetMinutes: wall.offsetMinutes };
      // read as UTC, a zone-less wall text gives its wall ms; the difference to the instant is the machine's offset
      const diff = wall.utcMs - Math.floor(utcMs / 1000) * 1000;
      if (wall.zone !== null && diff % QUARTER_HOUR === 0 && Math.abs(diff) <= MAX_OFFSET) return { utcMs, original: wallText, offsetMinutes: diff / 60_000 };
    }
  }
  return unixInstant(utcMs, unixText, zone);
}

export type LocalTime = { ok: true; instant: Instant } | { ok: false; reason: TimeErrorReason };

/** A wall time without zone (or with its own offset) read in the case zone. */
export function localInstant(text: string, zone: string): LocalTime {
  const parsed = parseDateTime(text, { zone, excelSerial: false });
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, instant: { utcMs: parsed.utcMs, original: text, offsetMinutes: parsed.offsetMinutes } };
}

const REASONS: Record<TimeErrorReason, string> = {
  empty: 'is empty',
  placeholder: 'is a placeholder',
  unrecognised: 'is not a date and time',
  'bad-date': 'is not a calendar date',
  'bad-time': 'is not a time of day',
  'bad-offset': 'has an impossible UTC offset',
  'bad-zone': 'cannot be read in the chosen time zone',
  'ambiguous-local-time': 'occurs twice in the chosen time zone',
  'nonexistent-local-time': 'does not exist in the chosen time zone',
  'excel-1900-02-29': 'is the non-existent 1900-02-29',
};

export function timeReason(reason: TimeErrorReason): string {
  return REASONS[reason];
}
