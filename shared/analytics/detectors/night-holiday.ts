/**
 * 夜间/节假日交易 (DOMAIN.md §2): accounts that trade mostly at night (21:00–05:00 by default, local time of each
 * row) or on public holidays. Rows stamped exactly 00:00:00 carry a date without a time (batch rows) and are not
 * counted as night. The holiday share needs the holiday calendar; without one only night is checked.
 */
import { flag, num } from './params';
import { HitBuilder, clamp01, countEn, nodeLabel } from './hit-helpers';
import type { Detector, Hit } from './types';

const DAY_MS = 86_400_000;

export const nightHoliday: Detector = {
  id: 'night-holiday',
  version: 1,
  category: 'pattern',
  name: { zh: '夜间/节假日交易', en: 'Night and holiday activity' },
  description: {
    zh: '交易主要发生在夜间（默认21:00–05:00）或法定节假日的账户。',
    en: 'Accounts that trade mostly at night (21:00–05:00 by default) or on public holidays.',
  },
  params: [
    { key: 'nightStartHour', type: 'integer', default: 21, unit: 'hour', min: 0, max: 23, zh: '夜间开始（时）', en: 'Night starts (hour)' },
    { key: 'nightEndHour', type: 'integer', default: 5, unit: 'hour', min: 0, max: 23, zh: '夜间结束（时）', en: 'Night ends (hour)' },
    { key: 'minShare', type: 'number', default: 0.5, unit: 'ratio', min: 0, max: 1, zh: '夜间交易笔数占比下限', en: 'Minimum share of rows at night' },
    { key: 'minHolidayShare', type: 'number', default: 0.5, unit: 'ratio', min: 0, max: 1, zh: '法定节假日交易笔数占比下限', en: 'Minimum share of rows on public holidays' },
    { key: 'minRows', type: 'integer', default: 10, unit: 'count', min: 1, zh: '至少几笔夜间（或节假日）交易', en: 'At least this many rows at night (or on holidays)' },
    { key: 'ignoreMidnight', type: 'boolean', default: true, unit: 'flag', zh: '不计时间恰为00:00:00的行（只有日期）', en: 'Ignore rows stamped exactly 00:00:00 (date only)' },
  ],
  run({ table, calendar, checkpoint }, params) {
    const startHour = num(params, 'nightStartHour');
    const endHour = num(params, 'nightEndHour');
    const minShare = num(params, 'minShare');
    const minHolidayShare = num(params, 'minHolidayShare');
    const minRows = num(params, 'minRows');
    const ignoreMidnight = flag(params, 'ignoreMidnight');
    const isNight = (hour: number): boolean => (startHour <= endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour);
    const holidayDays = new Set<number>();
    for (const date of calendar?.holidays ?? []) holidayDays.add(Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS));
    const hits: Hit[] = [];
    for (const node of table.subjects()) {
      checkpoint?.();
      const [start, end] = table.rangeOf(node);
      const night: number[] = [];
      const holiday: number[] = [];
      let counted = 0;
      let dated = 0;
      for (let i = start; i < end; i++) {
        if (Number.isNaN(table.time(i))) continue;
        const local = table.localTime(i);
        dated++;
        if (holidayDays.has(Math.floor(local / DAY_MS))) holiday.push(i);
        const ofDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
        if (ignoreMidnight && ofDay === 0) continue;
        counted++;
        if (isNight(Math.floor(ofDay / 3_600_000))) night.push(i);
      }
      const nightShare = counted > 0 ? night.length / counted : 0;
      const holidayShare = dated > 0 ? holiday.length / dated : 0;
      const byNight = night.length >= minRows && nightShare >= minShare;
      const byHoliday = calendar !== null && holiday.length >= minRows && holidayShare >= minHolidayShare;
      if (!byNight && !byHoliday) continue;
      const builder = new HitBuilder(table).node(node, 'subject');
      if (byNight) builder.rows(night, 'night');
      if (byHoliday) builder.rows(holiday, 'holiday');
      const nightPercent = Math.round(nightShare * 100);
      const holidayPercent = Math.round(holidayShare * 100);
      const parts = [
        byNight ? `${night.length} 笔（${nightPercent}%）在夜间 ${startHour}:00–${endHour}:00` : '',
        byHoliday ? `${holiday.length} 笔（${holidayPercent}%）在法定节假日` : '',
      ].filter((p) => p !== '');
      const clock = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
      const partsEn = [
        byNight ? `${countEn(night.length, 'transaction')} (${nightPercent}%) at night, ${clock(startHour)}–${clock(endHour)}` : '',
        byHoliday ? `${countEn(holiday.length, 'transaction')} (${holidayPercent}%) on public holidays` : '',
      ].filter((p) => p !== '');
      const label = nodeLabel(table, node);
      const title = { zh: `疑似夜间/节假日异常交易：${label} ${parts.join('，')}`, en: `Suspected night or holiday activity: ${label} — ${partsEn.join('; ')}` };
      hits.push(
        builder.build(title, clamp01(0.3 + 0.5 * Math.max(nightShare, holidayShare)), node, {
          rows: counted,
          nightRows: night.length,
          nightShare: Math.round(nightShare * 1000) / 1000,
          holidayRows: holiday.length,
          holidayShare: Math.round(holidayShare * 1000) / 1000,
          calendar: calendar !== null,
        }),
      );
    }
    return hits;
  },
};
