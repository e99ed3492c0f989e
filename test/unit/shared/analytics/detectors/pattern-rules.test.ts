import { describe, expect, it } from 'vitest';
import { frequent } from '../../../../../shared/analytics/detectors/frequent';
import { largeValue } from '../../../../../shared/analytics/detectors/large-value';
import { nightHoliday } from '../../../../../shared/analytics/detectors/night-holiday';
import { roundAmount } from '../../../../../shared/analytics/detectors/round-amount';
import { structuring } from '../../../../../shared/analytics/detectors/structuring';
import { TinyCase, at, txnsIn } from './tiny-case';

const OTHER = { number: '6217000000000077', name: '某人' };

describe('大额 large value (PBOC thresholds)', () => {
  it('cash of ¥50,000 in a day summed, a person’s ¥500,000 in a day, an organisation’s ¥2,000,000', () => {
    const c = new TinyCase();
    const person = c.account(1, '张三');
    const cashA = c.row(person, 'out', 30_000, at(0, 10), {}, { cash: true, summary: '取现' });
    const cashB = c.row(person, 'out', 20_000, at(0, 15), {}, { cash: true, summary: '取现' });
    const big = c.row(person, 'in', 500_000, at(3, 10), OTHER);
    const company = c.account(2, '鼎盛贸易有限公司');
    c.row(company, 'in', 1_500_000, at(1, 10), OTHER);
    const hits = c.run(largeValue);
    expect(hits.map((h) => h.subject)).toEqual([person]);
    expect(txnsIn(hits[0], 'evidence')).toEqual([cashA, cashB, big].sort((a, b) => a - b));
    expect(c.run(largeValue, { organisationThreshold: 1_000_000 }).map((h) => h.subject).sort()).toEqual([person, company]);
  });

  it('below the thresholds nothing: ¥49,999 cash, ¥499,999 to a person, two days of ¥30,000 cash', () => {
    const c = new TinyCase();
    const person = c.account(1, '李四');
    c.row(person, 'out', 49_999, at(0, 10), {}, { cash: true });
    c.row(person, 'out', 30_000, at(1, 10), {}, { cash: true });
    c.row(person, 'out', 30_000, at(2, 10), {}, { cash: true });
    c.row(person, 'in', 499_999, at(3, 10), OTHER);
    expect(c.run(largeValue)).toEqual([]);
  });
});

describe('整数 round amounts', () => {
  it('flags an account whose transfers are mostly whole ten-thousands, not one paying round rents of ¥2,500', () => {
    const c = new TinyCase();
    const a = c.account(1, '王五');
    for (const amount of [10_000, 20_000, 50_000, 30_000]) c.row(a, 'out', amount, at(amount / 10_000, 10), OTHER);
    c.row(a, 'out', 1_234.5, at(9, 10), OTHER);
    const landlord = c.account(2, '房东');
    for (let m = 0; m < 12; m++) c.row(landlord, 'in', 2_500, at(m * 30, 10), OTHER, { summary: '房租' });
    const hits = c.run(roundAmount);
    expect(hits.map((h) => h.subject)).toEqual([a]);
    expect(hits[0]?.detail).toMatchObject({ roundRows: 4, rows: 5 });
    // with a ¥100 unit the rents are round too
    expect(c.run(roundAmount, { unit: 100 }).map((h) => h.subject).sort()).toEqual([a, landlord]);
  });
});

describe('拆分 structuring', () => {
  it('flags repeated ¥49,500 in a week, not the same amounts spread over months or well under the threshold', () => {
    const c = new TinyCase();
    const a = c.account(1, '赵六');
    const rows = [0, 1, 2, 3].map((day) => c.row(a, 'out', 49_500, at(day, 10), OTHER, { cash: true }));
    const b = c.account(2, '钱七');
    [0, 40, 80, 120].forEach((day) => c.row(b, 'out', 49_500, at(day, 10), OTHER, { cash: true }));
    [0, 1, 2].forEach((day) => c.row(b, 'out', 30_000, at(day, 10), OTHER, { cash: true }));
    const hits = c.run(structuring);
    expect(hits.map((h) => h.subject)).toEqual([a]);
    expect(txnsIn(hits[0], 'evidence')).toEqual(rows);
    expect(hits[0]?.title).toBe('疑似拆分交易：赵六 6222…0001 7 天内 4 笔转出略低于 ¥5万（合计 ¥19.8万）');
    expect(hits[0]?.titleEn).toBe('Suspected structuring: 赵六 6222…0001 — 4 outflows just under ¥50,000.00 within 7 days (¥198,000.00 in all)');
  });
});

describe('夜间/节假日 night and holidays', () => {
  it('flags an account trading mostly between 21:00 and 05:00 (local time), not a daytime one; batch rows at 00:00:00 are no night', () => {
    const c = new TinyCase();
    const night = c.account(1, '夜班工人');
    for (let d = 0; d < 12; d++) c.row(night, 'out', 50, at(d, 23, 30), OTHER);
    c.row(night, 'out', 50, at(20, 12), OTHER);
    const day = c.account(2, '白班');
    for (let d = 0; d < 12; d++) c.row(day, 'out', 50, at(d, 11), OTHER);
    const batch = c.account(3, '批量');
    for (let d = 0; d < 12; d++) c.row(batch, 'in', 50, at(d, 0), OTHER, { summary: '结息' });
    const hits = c.run(nightHoliday);
    expect(hits.map((h) => h.subject)).toEqual([night]);
    expect(hits[0]?.detail).toMatchObject({ nightRows: 12, rows: 13 });
    expect(hits[0]?.title).toBe('疑似夜间/节假日异常交易：夜班工人 6222…0001 12 笔（92%）在夜间 21:00–5:00');
    expect(hits[0]?.titleEn).toBe('Suspected night or holiday activity: 夜班工人 6222…0001 — 12 transactions (92%) at night, 21:00–05:00');
  });

  it('with a calendar, flags trading on public holidays; without one only night is checked', () => {
    const c = new TinyCase();
    const a = c.account(1, '节日');
    // day 0 = 2024-06-03; 2024-06-10 (day 7) is 端午节
    for (let k = 0; k < 10; k++) c.row(a, 'out', 50, at(7, 10, k), OTHER);
    c.row(a, 'out', 50, at(8, 10), OTHER);
    expect(c.run(nightHoliday)).toEqual([]);
    const calendar = { holidays: new Set(['2024-06-10']), workdays: new Set<string>() };
    const hits = c.run(nightHoliday, {}, { calendar });
    expect(hits.map((h) => h.subject)).toEqual([a]);
    expect(hits[0]?.detail).toMatchObject({ holidayRows: 10 });
    expect(hits[0]?.titleEn).toBe('Suspected night or holiday activity: 节日 6222…0001 — 10 transactions (91%) on public holidays');
  });
});

describe('频繁交易 frequent', () => {
  it('flags ten transfers with one person within 30 days, not ten spread over a year or ten card payments to a shop', () => {
    const c = new TinyCase();
    const a = c.account(1, '甲');
    const friend = c.account(5, '朋友', { subject: false });
    for (let d = 0; d < 10; d++) c.transfer(a, friend, 1_000, at(d * 2, 10));
    const b = c.account(2, '乙');
    for (let d = 0; d < 10; d++) c.transfer(b, friend, 1_000, at(d * 40, 10));
    const shop = c.account(6, '便利店', { subject: false });
    for (let d = 0; d < 10; d++) c.transfer(b, shop, 30, at(d, 8), { summary: 'POS消费' });
    const hits = c.run(frequent);
    expect(hits.map((h) => h.subject)).toEqual([a]);
    expect(hits[0]?.detail).toMatchObject({ count: 10 });
    expect(c.run(frequent, { includeOrdinary: true }).map((h) => h.subject).sort()).toEqual([a, b]);
  });
});
