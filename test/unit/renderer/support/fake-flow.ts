import type { FlowEdge, FlowGraphResult, FlowNode, FlowTxnRow, FollowUpList, TraceResult } from '@shared/domain';
import type { Handlers } from './fake-backend';

/** A small case: an agent pays a mule, the mule pays the organiser's relative and withdraws cash; one external card. */
export function flowNode(overrides: Partial<FlowNode> & { key: string }): FlowNode {
  return {
    kind: 'case',
    label: overrides.key,
    number: null,
    holderName: null,
    holderId: null,
    bank: null,
    members: 1,
    hasStatement: true,
    inMinor: 0,
    outMinor: 0,
    inCount: 0,
    outCount: 0,
    ...overrides,
  };
}

export function flowEdge(from: string, to: string, sumMinor: number, count: number): FlowEdge {
  return { key: `${from}->${to}`, from, to, count, sumMinor, firstUtc: Date.UTC(2025, 2, 8, 2, 30), lastUtc: Date.UTC(2025, 2, 9, 1, 18), via: [] };
}

export function flowGraphFixture(): FlowGraphResult {
  return {
    nodes: [
      flowNode({ key: 'a:1', label: '陈璐倩', holderName: '陈璐倩', number: '6216614215789167937', bank: '中国银行', outMinor: 349_200, outCount: 1 }),
      flowNode({ key: 'a:2', label: '韦娜佳', holderName: '韦娜佳', number: '6225881803436996', inMinor: 349_200, outMinor: 343_787, inCount: 1, outCount: 1 }),
      flowNode({ key: 'a:3', label: '<img src=x onerror=alert(1)>韩莉', holderName: '<img src=x onerror=alert(1)>韩莉', number: '6210989946377952344', inMinor: 343_787, inCount: 1 }),
      flowNode({ key: 'p:tenpay', kind: 'platform', label: '财付通（微信支付）', hasStatement: false, inMinor: 5_000, inCount: 1 }),
    ],
    edges: [flowEdge('a:1', 'a:2', 349_200, 1), flowEdge('a:2', 'a:3', 343_787, 1), flowEdge('a:3', 'p:tenpay', 5_000, 1)],
    totalNodes: 7,
    totalEdges: 9,
    transactions: 1_234,
    excluded: { failed: 2, duplicates: 17, mirrorLegs: 8, reversed: 1, noCounterparty: 40, noDirection: 0 },
    selfFlows: { count: 0, sumMinor: 0 },
    pairedLegs: 0,
    currency: 'CNY',
  };
}

export function flowRow(overrides: Partial<FlowTxnRow> = {}): FlowTxnRow {
  return {
    id: 101,
    accountKey: 'a:1',
    accountNumber: '6216614215789167937',
    holderName: '陈璐倩',
    utcMs: Date.UTC(2025, 2, 8, 2, 30, 21),
    timeText: '2025-03-08 10:30:21',
    amountMinor: -349_200,
    currency: 'CNY',
    direction: 'out',
    cpAccount: '6225881803436996',
    cpName: '韦娜佳',
    summary: '转账',
    mirrorId: 201,
    file: '银行查控/3601/中国银行股份有限公司交易明细信息.csv',
    line: 17,
    ...overrides,
  };
}

export function traceFixture(seeds: string[]): TraceResult {
  return {
    params: { seeds, direction: 'forward', hops: 2, windowHours: 24, minAmountMinor: 0, tolerance: 1, attribution: 'fifo', currency: 'CNY' },
    seedAmountMinor: 349_200,
    hops: [
      { level: 1, from: 'a:1', to: 'a:2', amountMinor: 349_200, attributedMinor: 349_200, txns: [{ id: 101, account: 'a:1', mirrorId: 201, utcMs: Date.UTC(2025, 2, 8, 2, 30, 21), amountMinor: 349_200, attributedMinor: 349_200 }] },
      { level: 2, from: 'a:2', to: 'a:3', amountMinor: 343_787, attributedMinor: 343_787, txns: [{ id: 202, account: 'a:2', mirrorId: 301, utcMs: Date.UTC(2025, 2, 8, 17, 18, 19), amountMinor: 343_787, attributedMinor: 343_787 }] },
    ],
    retainedMinor: { 'a:2': 5_413, 'a:3': 343_787 },
    nodes: [
      { key: 'a:1', kind: 'case', label: '陈璐倩', number: '6216614215789167937', holderName: '陈璐倩' },
      { key: 'a:2', kind: 'case', label: '韦娜佳', number: '6225881803436996', holderName: '韦娜佳' },
      { key: 'a:3', kind: 'case', label: '韩莉', number: '6210989946377952344', holderName: '韩莉' },
    ],
    unknownBalance: [],
    truncated: false,
  };
}

export function followUpFixture(): FollowUpList {
  return {
    groups: [
      {
        institution: '招商银行',
        count: 3,
        sumMinor: 1_250_000,
        accounts: [
          {
            account: '6225884197480406',
            kind: 'card',
            holderName: '=HYPERLINK("x")',
            holderId: null,
            institution: '招商银行',
            institutionSource: 'counterparty-bank',
            binBanks: ['招商银行'],
            count: 3,
            sumMinor: 1_250_000,
            firstUtc: Date.UTC(2025, 0, 2, 1, 0),
            lastUtc: Date.UTC(2025, 5, 2, 1, 0),
            senders: [{ key: 'a:1', number: '6216614215789167937', holderName: '陈璐倩', count: 3, sumMinor: 1_250_000 }],
          },
        ],
      },
    ],
    accounts: 1,
    sumMinor: 1_250_000,
    currency: 'CNY',
  };
}

export interface FlowState {
  graphCalls: unknown[];
  traces: unknown[];
  saves: unknown[];
  exports: unknown[];
}

export function flowHandlers(state: FlowState): Handlers {
  return {
    'flow.graph': (input) => {
      state.graphCalls.push(input);
      return flowGraphFixture();
    },
    'flow.rows': () => ({ total: 1, offset: 0, rows: [flowRow()] }),
    'flow.trace': (input) => {
      state.traces.push(input);
      return traceFixture(input.seeds);
    },
    'flow.saveTrace': (input) => {
      state.saves.push(input);
      return { findingId: 42, title: '资金穿透（去向）陈璐倩 2 跳', titleEn: 'Fund tracing (onward): 陈璐倩, 2 hops', trace: traceFixture(input.seeds) };
    },
    'flow.followUps': () => followUpFixture(),
    'flow.exportFollowUps': (input) => {
      state.exports.push(input);
      return { path: '/cases/2024-001.chainsight/exports/补调清单_20250101120000.xlsx', file: '补调清单_20250101120000.xlsx', accounts: 1 };
    },
  };
}
