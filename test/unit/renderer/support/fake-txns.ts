import type { AccountSummary, CounterpartyRanking, SavedView, TxnDetail, TxnRow } from '@shared/domain';
import type { Handlers } from './fake-backend';

/** A transaction row as the grid receives it; override what a test looks at. */
export function txnRow(overrides: Partial<TxnRow> = {}): TxnRow {
  return {
    id: 1,
    accountId: 10,
    account: '6222021234567890123',
    subAccount: null,
    holder: '张三',
    bank: '中国工商银行',
    cpAccount: '6217001234567890',
    cpName: '李四',
    cpBank: '中国建设银行',
    amountMinor: -123456,
    currency: 'CNY',
    direction: 'out',
    directionRaw: '借',
    balanceMinor: 5000000,
    summary: '转账',
    // 2024-03-01 14:05:09 in Shanghai
    utcMs: Date.UTC(2024, 2, 1, 6, 5, 9),
    timeText: '20240301 140509',
    offsetMinutes: 480,
    channel: '手机银行',
    ip: '10.1.2.3',
    mac: 'aabbccddeeff',
    txnNo: 'T0001',
    flags: { duplicate: false, mirror: false, failed: false, balanceBreak: false, reversal: false, linkedChat: false },
    tags: [],
    ...overrides,
  };
}

export function txnDetail(row: TxnRow, overrides: Partial<TxnDetail> = {}): TxnDetail {
  return {
    row,
    fields: {
      cpId: null,
      isCash: false,
      failReason: null,
      device: null,
      merchant: null,
      merchantCode: null,
      logNo: null,
      branch: null,
      location: null,
      memo: null,
      dupRule: null,
      balanceExpectedMinor: null,
      holderId: '110101199001011234',
    },
    provenance: {
      sourceId: 3,
      file: '银行查控/5104614320210702112732/中国工商银行交易明细信息.csv',
      fileName: '中国工商银行交易明细信息.csv',
      sheet: '',
      line: 42,
      rawText: '{"交易卡号":"6222021234567890123","交易金额":"1234.56"}',
      raw: [
        { name: '交易卡号', value: '6222021234567890123' },
        { name: '交易金额', value: '1234.56' },
      ],
      rowHash: 'ab'.repeat(32),
      rowHashVerified: true,
      sourceSha256: 'cd'.repeat(32),
      sourceSm3: 'ef'.repeat(32),
      format: 'bank-inquiry',
      encoding: 'gb18030',
      grade: 'official',
      importedAt: '2024-03-02T01:00:00.000Z',
    },
    related: { duplicateOf: null, duplicates: [], mirror: null, reversalOf: null, reversedBy: [], messages: [], tags: [], note: null },
    ...overrides,
  };
}

export function accountSummary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    accountId: 10,
    account: '6222021234567890123',
    holder: '张三',
    bank: '中国工商银行',
    currency: 'CNY',
    inMinor: 100_000_00,
    outMinor: 25_000_00,
    netMinor: 75_000_00,
    inCount: 3,
    outCount: 2,
    rows: 6,
    failed: 1,
    duplicates: 0,
    firstUtc: Date.UTC(2024, 0, 1),
    lastUtc: Date.UTC(2024, 5, 1),
    balanceBreaks: 2,
    balanceCheck: 'breaks',
    ...overrides,
  };
}

export function ranking(overrides: Partial<CounterpartyRanking> = {}): CounterpartyRanking {
  return {
    granularity: 'name',
    direction: 'in',
    topN: 20,
    excludeSelf: true,
    currency: 'CNY',
    excluded: { failed: 4, duplicates: 7, self: 3, blank: 11, otherCurrency: 0, noDirection: 0 },
    candidates: 2,
    rows: [
      {
        rank: 1,
        key: '李四',
        kind: 'counterparty',
        selfCount: 0,
        names: [],
        accounts: 2,
        ownAccounts: 3,
        inMinor: 500_000_00,
        outMinor: 0,
        valueMinor: 500_000_00,
        count: 12,
        firstUtc: Date.UTC(2024, 0, 2),
        lastUtc: Date.UTC(2024, 2, 2),
      },
    ],
    ...overrides,
  };
}

export interface TxnFixture {
  rows: TxnRow[];
  /** total reported by txns.query (default: rows.length) */
  total?: number;
  detail?: (id: number) => TxnDetail | null;
  views?: SavedView[];
}

/** The transaction methods answered from a fixture: every query gets the fixture's rows (filters are the backend's). */
export function txnHandlers(fixture: TxnFixture): Handlers {
  const views = [...(fixture.views ?? [])];
  return {
    'txns.query': ({ offset = 0, limit = 100 }) => ({
      total: fixture.total ?? fixture.rows.length,
      offset,
      rows: fixture.rows.slice(offset, offset + limit),
    }),
    'txns.get': ({ id }) => {
      const row = fixture.rows.find((r) => r.id === id);
      return { txn: fixture.detail ? fixture.detail(id) : row ? txnDetail(row) : null };
    },
    'txns.export': ({ format }) => ({ path: `/cases/2024-001.chainsight/exports/交易明细_20240301-140509.${format}`, rows: fixture.total ?? fixture.rows.length, sha256: '12'.repeat(32), jobId: 'job-1' }),
    'txns.accountSummary': () => ({ accounts: [accountSummary()] }),
    'txns.counterpartyRanking': (input) => ranking({ granularity: input.granularity, direction: input.direction, topN: input.topN, excludeSelf: input.excludeSelf }),
    'views.list': () => ({ views }),
    'views.save': ({ page, name, state }) => {
      const view: SavedView = { id: views.length + 1, page, name, state, savedAt: '2024-03-01T00:00:00.000Z', savedBy: '李警官' };
      views.push(view);
      return view;
    },
    'views.delete': ({ id }) => {
      const index = views.findIndex((v) => v.id === id);
      if (index >= 0) views.splice(index, 1);
      return { deleted: index >= 0 };
    },
    'tags.list': () => ({ tags: [] }),
    'tags.ofItems': ({ items }) => ({ items: items.map((item) => ({ type: item.type, id: item.id, tags: [], note: null, starred: false })) }),
  };
}
