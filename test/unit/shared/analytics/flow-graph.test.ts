import { describe, expect, it } from 'vitest';
import { buildFlowGraph, type FlowGraphOptions, type FlowGroup, type FlowNodeInput, type PlatformLeg } from '@shared/analytics/flow-graph';
import { pairPlatformLegs } from '@shared/analytics/platform-pairing';

const node = (key: string, kind: FlowNodeInput['kind'], label: string, holderId: string | null = null): FlowNodeInput => ({
  key,
  kind,
  label,
  number: key.slice(2),
  holderName: kind === 'case' || kind === 'external' ? label : null,
  holderId,
  bank: null,
});

let ref = 0;
const group = (account: string, counterparty: string, direction: 'in' | 'out', count: number, sumMinor: number, firstMs = 1000, lastMs = 2000): FlowGroup => ({
  ref: (ref += 1),
  account,
  counterparty,
  direction,
  count,
  sumMinor,
  firstMs,
  lastMs,
});

const options: FlowGraphOptions = { collapsePlatforms: false, groupBy: 'account', maxNodes: 100, pairWindowMs: 30 * 60_000 };

const nodes = [
  node('a:1', 'case', '张三', '110101199001010011'),
  node('a:2', 'case', '李四'),
  node('a:3', 'case', '张三', '110101199001010011'),
  node('x:6222000000000000001', 'external', '王五'),
  node('p:tenpay', 'platform', '财付通'),
  node('a:4', 'case', '钱包 李四'),
];

describe('buildFlowGraph', () => {
  it('merges what both statements say about one pair of accounts into one edge, oriented by direction', () => {
    // A1's statement: out to A2 (3 rows); A2's statement: in from A1, the rows that are not mirror legs of A1's (1 row)
    // and out to A1 (2 rows)
    const graph = buildFlowGraph(
      { nodes, groups: [group('a:1', 'a:2', 'out', 3, 30_000, 1000, 5000), group('a:2', 'a:1', 'in', 1, 5_000, 500, 600), group('a:2', 'a:1', 'out', 2, 7_000)] },
      options,
    );
    const a1a2 = graph.edges.find((e) => e.from === 'a:1' && e.to === 'a:2');
    expect(a1a2).toMatchObject({ count: 4, sumMinor: 35_000, firstMs: 500, lastMs: 5000 });
    expect(a1a2?.refs).toHaveLength(2);
    expect(graph.edges.find((e) => e.from === 'a:2' && e.to === 'a:1')).toMatchObject({ count: 2, sumMinor: 7_000 });
    const a1 = graph.nodes.find((n) => n.key === 'a:1');
    expect(a1).toMatchObject({ outMinor: 35_000, inMinor: 7_000, outCount: 4, inCount: 2 });
  });

  it('groups accounts by holder ID into one person, hiding the transfers between their own accounts', () => {
    const graph = buildFlowGraph(
      { nodes, groups: [group('a:1', 'a:3', 'out', 1, 10_000), group('a:3', 'a:2', 'out', 2, 8_000), group('a:1', 'x:6222000000000000001', 'out', 1, 1_000)] },
      { ...options, groupBy: 'holder' },
    );
    const person = graph.nodes.find((n) => n.key === 'h:110101199001010011');
    expect(person).toMatchObject({ kind: 'person', label: '张三', members: ['a:1', 'a:3'], outMinor: 9_000 });
    expect(graph.selfFlows).toEqual({ count: 1, sumMinor: 10_000 });
    expect(graph.edges.map((e) => e.key).sort()).toEqual(['h:110101199001010011->a:2', 'h:110101199001010011->x:6222000000000000001']);
  });

  it('keeps the busiest nodes, case accounts before counterparties, and says how many there were', () => {
    const graph = buildFlowGraph(
      { nodes, groups: [group('a:1', 'x:6222000000000000001', 'out', 1, 900_000), group('a:2', 'a:1', 'out', 1, 10)] },
      { ...options, maxNodes: 2 },
    );
    expect(graph.nodes.map((n) => n.key)).toEqual(['a:1', 'a:2']);
    expect(graph.totalNodes).toBe(3);
    expect(graph.edges.map((e) => e.key)).toEqual(['a:2->a:1']);
  });

  it('folds a card → platform → wallet pair into one direct edge when collapsing, and keeps unpaired legs on the platform', () => {
    const legs: PlatformLeg[] = [
      // card A2 pays 财付通 100.00 at t; wallet A4 receives 100.00 from it 2 s later: one top-up
      { txnId: 11, platform: 'p:tenpay', account: 'a:2', direction: 'out', amountMinor: 10_000, ts: 1_000_000, hint: null },
      { txnId: 41, platform: 'p:tenpay', account: 'a:4', direction: 'in', amountMinor: 10_000, ts: 1_002_000, hint: null },
      // a payment to 财付通 nobody received within the window
      { txnId: 12, platform: 'p:tenpay', account: 'a:2', direction: 'out', amountMinor: 5_000, ts: 9_000_000, hint: null },
    ];
    const groups = [group('a:2', 'p:tenpay', 'out', 2, 15_000), group('a:4', 'p:tenpay', 'in', 1, 10_000)];
    const plain = buildFlowGraph({ nodes, groups, platformLegs: legs }, options);
    expect(plain.edges.map((e) => e.key).sort()).toEqual(['a:2->p:tenpay', 'p:tenpay->a:4']);

    const folded = buildFlowGraph({ nodes, groups, platformLegs: legs }, { ...options, collapsePlatforms: true });
    expect(folded.edges.find((e) => e.key === 'a:2->a:4')).toMatchObject({ count: 1, sumMinor: 10_000, via: ['p:tenpay'], txnIds: [11, 41] });
    expect(folded.edges.find((e) => e.key === 'a:2->p:tenpay')).toMatchObject({ count: 1, sumMinor: 5_000, txnIds: [12] });
    expect(folded.pairedLegs).toBe(2);
  });
});

describe('pairPlatformLegs', () => {
  const leg = (txnId: number, account: string, direction: 'in' | 'out', amountMinor: number, minutes: number, hint: string | null = null): PlatformLeg => ({
    txnId,
    platform: 'p:alipay',
    account,
    direction,
    amountMinor,
    ts: minutes * 60_000,
    hint,
  });

  it('pairs equal amounts nearest in time within the window, never an account with itself', () => {
    const { pairs, rest } = pairPlatformLegs(
      [leg(1, 'a:1', 'out', 500, 0), leg(2, 'a:1', 'in', 500, 1), leg(3, 'a:2', 'in', 500, 20), leg(4, 'a:3', 'in', 500, 5), leg(5, 'a:5', 'in', 700, 0)],
      30 * 60_000,
    );
    expect(pairs.map(([a, b]) => [a.txnId, b.txnId])).toEqual([[1, 4]]);
    expect(rest.map((l) => l.txnId).sort()).toEqual([2, 3, 5]);
  });

  it('pairs a withdrawal with the card its record names a day later, and sends an unpaired named leg straight to the card', () => {
    const { pairs, direct } = pairPlatformLegs(
      [
        // wallet a:4 withdraws 300 to card a:2 (named); the bank credits a:2 a day later
        leg(1, 'a:4', 'out', 300, 0, 'a:2'),
        leg(2, 'a:2', 'in', 300, 24 * 60),
        // wallet a:4 withdraws 200 to a card whose statement the case lacks
        leg(3, 'a:4', 'out', 200, 10, 'x:6217000000000000002'),
      ],
      30 * 60_000,
    );
    expect(pairs.map(([a, b]) => [a.txnId, b.txnId])).toEqual([[1, 2]]);
    expect(direct.map((l) => l.txnId)).toEqual([3]);
  });
});
