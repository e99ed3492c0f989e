export { DEFAULT_ZONE, isValidTimeZone, localToUtc, utcToZoned, zoneOffsetMs } from './zone';
export type { Disambiguation, LocalToUtc } from './zone';
export { parseDateTime, parseSplitDateTime, parseExcelSerial } from './parse-datetime';
export type {
  ParsedTime,
  ParsedTimeError,
  ParsedTimeOk,
  ParseTimeOptions,
  TimeErrorReason,
  TimeFormatId,
  TimeWarning,
} from './parse-datetime';
export { excelSerialToWall } from './excel-serial';
export { formatAtOffset, formatInZone, formatOffset, toIsoWithOffset } from './format';
export { daysInMonth, isLeapYear, validDate, validTime, wallToMs, msToWall, formatWall } from './civil';
export type { WallFields } from './civil';
