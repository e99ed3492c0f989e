import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, conditionCount, dayStartUtc, toDraft, toFilter } from '../../../../renderer/src/features/transactions/filter-draft';

describe('the filter bar as the backend filter', () => {
  it('reads dates on the display zone’s wall clock, the end date included', () => {
    const { filter } = toFilter({ ...EMPTY_DRAFT, from: '2024-03-01', to: '2024-03-01' }, 'Asia/Shanghai');
    expect(filter).toEqual({ fromUtc: Date.UTC(2024, 1, 29, 16), toUtc: Date.UTC(2024, 2, 1, 16) });
    // the same dates in New York, across the start of daylight saving time (10 March 2024 has 23 hours)
    const dst = toFilter({ ...EMPTY_DRAFT, from: '2024-03-10', to: '2024-03-10' }, 'America/New_York').filter;
    expect(dst).toEqual({ fromUtc: Date.UTC(2024, 2, 10, 5), toUtc: Date.UTC(2024, 2, 11, 4) });
    expect(dayStartUtc('2024-02-30', 'Asia/Shanghai')).toBeNull();
    expect(dayStartUtc('yesterday', 'Asia/Shanghai')).toBeNull();
  });

  it('reads amounts in yuan as minor units of their size and says what it cannot read', () => {
    expect(toFilter({ ...EMPTY_DRAFT, amountMin: '¥1,000.5', amountMax: '-20000' }, 'UTC')).toEqual({ filter: { amountMinMinor: 100_050, amountMaxMinor: 2_000_000 }, problems: [] });
    expect(toFilter({ ...EMPTY_DRAFT, amountMin: '1.234' }, 'UTC').problems).toEqual([{ kind: 'badAmount', text: '1.234' }]);
    expect(toFilter({ ...EMPTY_DRAFT, amountMin: '500', amountMax: '100' }, 'UTC').problems).toEqual([{ kind: 'badRange' }]);
    expect(toFilter({ ...EMPTY_DRAFT, from: '2024-03-02', to: '2024-03-01' }, 'UTC').problems).toEqual([{ kind: 'badDates' }]);
  });

  it('leaves out what is blank, keeps marks set either way, and counts the conditions', () => {
    const { filter } = toFilter({ ...EMPTY_DRAFT, account: '  ', counterparty: ' 李四 ', exact: true, direction: 'in', tagId: '3', quick: ' ', flags: { duplicate: false, failed: true, mirror: undefined } }, 'UTC');
    expect(filter).toEqual({ counterparty: '李四', counterpartyExact: true, direction: 'in', tagId: 3, flags: { duplicate: false, failed: true } });
    expect(conditionCount(filter)).toBe(5);
    expect(conditionCount({})).toBe(0);
  });

  it('puts a saved filter back into the boxes as it was typed', () => {
    const draft = { ...EMPTY_DRAFT, account: '6222', counterparty: '李', amountMin: '1000.00', amountMax: '2500.50', from: '2024-03-01', to: '2024-03-31', direction: 'out' as const, flags: { linkedChat: true } };
    const { filter } = toFilter(draft, 'Asia/Shanghai');
    expect(toDraft(filter, 'Asia/Shanghai')).toEqual(draft);
  });
});
