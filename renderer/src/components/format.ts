/**
 * Number, money and time formatting for a data-first UI: thousands separators, money with its currency, times in
 * the case's display zone. Money arrives as integer minor units (分) and never passes through a float division.
 */

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const rateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return countFormat.format(value);
}

export function formatRate(value: number): string {
  return value >= 100 ? countFormat.format(Math.round(value)) : rateFormat.format(value);
}

const SYMBOLS: Record<string, string> = { CNY: '¥', RMB: '¥', USD: 'US$', HKD: 'HK$', EUR: '€', GBP: '£', JPY: 'JP¥' };

function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `¥ 1,234.56` from 123456 and 'CNY'; unknown currencies keep their code: `MOP 12.00`. */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const scale = 10 ** digits;
  const abs = Math.abs(minor);
  const whole = Math.trunc(abs / scale);
  const fraction = abs - whole * scale;
  const amount = digits > 0 ? `${countFormat.format(whole)}.${String(fraction).padStart(digits, '0')}` : countFormat.format(whole);
  const symbol = SYMBOLS[currency.toUpperCase()] ?? currency;
  return `${minor < 0 ? '-' : ''}${symbol} ${amount}`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(timeZone, format);
  }
  return format;
}

/** `2024-03-01 14:05:09` in the given zone; the input text itself if it is not a valid instant or zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = timeFormat(timeZone).formatToParts(date);
  } catch {
    return iso;
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Split seconds for a "time left" text: {h, m, s}. */
export function splitDuration(seconds: number): { h: number; m: number; s: number } {
  const total = Math.max(0, Math.round(seconds));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}
