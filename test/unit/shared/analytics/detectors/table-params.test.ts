import { describe, expect, it } from 'vitest';
import { DETECTORS, ParamError, parseParamPairs, resolveParams } from '../../../../../shared/analytics/detectors';
import { transfers } from '../../../../../shared/analytics/detectors/transfers';
import { TinyCase, at } from './tiny-case';

describe('the detectors’ table', () => {
  it('counts a transfer seen in both statements once, and knows a row by its id', () => {
    const c = new TinyCase();
    const a = c.account(1, '甲');
    const b = c.account(2, '乙');
    const x = c.account(3, '丙', { subject: false });
    const both = c.transfer(a, b, 100, at(0, 10));
    c.transfer(a, x, 50, at(0, 11));
    const table = c.table();
    const view = transfers(table);
    expect(view.count).toBe(2);
    const row = table.rowOf(both.in ?? -1);
    expect(row).toBeDefined();
    expect(table.isSecondLeg(row ?? -1)).toBe(true);
    expect(table.isSecondLeg(table.rowOf(both.out ?? -1) ?? -1)).toBe(false);
    expect(table.rowOf(9999)).toBeUndefined();
  });

  it('tells one holder’s accounts from two people who share a name', () => {
    const c = new TinyCase();
    const a = c.account(1, '郭俊宇', { holderId: '110101199001011234' });
    const b = c.account(2, '郭俊宇', { holderId: '110101199001011234' });
    const twin = c.account(3, '郭俊宇', { holderId: '320101198802025678' });
    c.transfer(a, b, 1, at(0, 1));
    c.transfer(a, twin, 1, at(0, 2));
    const table = c.table();
    const node = (account: number) => table.nodes.findIndex((n) => n.account === account);
    expect(table.sameHolder(node(a), node(b))).toBe(true);
    expect(table.sameHolder(node(a), node(twin))).toBe(false);
  });
});

describe('detector parameters', () => {
  it('every detector has a unique id, a version and defaults inside its own limits', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['fast-in-fast-out', 'pass-through', 'fan-in', 'fan-out', 'cycle', 'shared-counterparty', 'shared-device', 'large-value', 'round-amount', 'structuring', 'night-holiday', 'frequent', 'insurance-surrender', 'anti-collection', 'loan-intermediary', 'debt-evasion', 'card-cash-out']));
    for (const detector of DETECTORS) {
      expect(detector.version).toBeGreaterThanOrEqual(1);
      expect(() => resolveParams(detector.params, {}, detector.id)).not.toThrow();
      for (const spec of detector.params) expect(spec.zh.length * spec.en.length, `${detector.id}.${spec.key}`).toBeGreaterThan(0);
    }
  });

  it('reads key=value and rule.key=value, checks types and limits, and names what is wrong', () => {
    const rules = DETECTORS.filter((d) => d.id === 'fast-in-fast-out' || d.id === 'cycle');
    expect(parseParamPairs(['windowMinutes=60', 'cycle.windowDays=7', 'minAmount=1000'], rules)).toEqual({
      'fast-in-fast-out': { windowMinutes: '60', minAmount: '1000' },
      cycle: { windowDays: '7', minAmount: '1000' },
    });
    expect(() => parseParamPairs(['nonsense=1'], rules)).toThrow(ParamError);
    expect(() => parseParamPairs(['windowMinutes'], rules)).toThrow(/key=value/);
    const fifo = DETECTORS.find((d) => d.id === 'fast-in-fast-out');
    expect(resolveParams(fifo?.params ?? [], { windowMinutes: '60', excludeSameHolder: 'false' })).toMatchObject({ windowMinutes: 60, excludeSameHolder: false, minAmount: 50_000 });
    expect(() => resolveParams(fifo?.params ?? [], { windowMinutes: '2.5' }, 'fast-in-fast-out')).toThrow(/fast-in-fast-out.windowMinutes must be a whole number/);
    expect(() => resolveParams(fifo?.params ?? [], { minRatio: 3 }, 'x')).toThrow(/at most 1/);
    expect(() => resolveParams(fifo?.params ?? [], { bogus: 1 }, 'x')).toThrow(/unknown parameter "bogus"/);
  });
});
