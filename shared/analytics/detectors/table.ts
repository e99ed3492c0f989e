/**
 * The rows detectors read, held column by column (typed arrays and interned strings) so a case of a million
 * transactions fits in tens of megabytes. Rows are grouped by account and ordered by time inside each account;
 * nodes are the case's accounts plus the counterparties that are not accounts of the case.
 *
 * What goes in is already clean: bank-failed rows, duplicates and reversed pairs are left out by whoever builds the
 * table (the service, or a test). The two legs of one transfer between two subjects both stay — each is its own
 * account's view — and `isSecondLeg` marks the in-leg, so a view of transfers counts each one once.
 */

/** One transaction row as a detector needs it (plain data; money in minor units, time as UTC milliseconds). */
export interface TxnInput {
  id: number;
  /** the account whose statement holds the row */
  account: number;
  time: number | null;
  /** minutes east of UTC of the row's local time (480 for China); null: the table's default */
  offsetMinutes?: number | null;
  /** positive minor units */
  amount: number;
  direction: 'in' | 'out' | null;
  /** the counterparty's number as printed (card, account, wallet id); null when the row names none */
  counterparty?: string | null;
  counterpartyName?: string | null;
  /** the counterparty when it is an account of the case (resolved by number) */
  counterpartyAccount?: number | null;
  counterpartyBank?: string | null;
  summary?: string | null;
  channel?: string | null;
  cash?: boolean;
  merchant?: string | null;
  balance?: number | null;
  /** the other leg of the same transfer in the other subject's statement */
  mirror?: number | null;
}

/** One account of the case. */
export interface AccountInput {
  id: number;
  /** bank, tenpay, alipay … */
  kind: string;
  number: string;
  holderName?: string | null;
  holderId?: string | null;
  bank?: string | null;
}

export interface NodeInfo {
  /** the case's account id, or null for a counterparty known only from rows */
  account: number | null;
  /** the number it is known by (or `名称:…` for a counterparty printed by name only) */
  key: string;
  name: string;
  /** who holds it: the holder's ID number when known, else the name; '' when unknown */
  holder: string;
  kind: string;
  bank: string;
  /** its own statement is in the case */
  subject: boolean;
  /** a company, bank, insurer … rather than a natural person (guessed from the name) */
  organisation: boolean;
}

const NO_NODE = -1;
const CORPORATE_NAME = /公司|银行|集团|保险|人寿|财险|信用社|合作社|基金|证券|中心|商行|超市|百货|商场|商城|市场|便利店|加油站|医院|诊所|药房|药店|学校|事务所|工作室|研究院|委员会|管理局|专户|国家金库|财政|税务|有限合伙|企业|酒店|宾馆|旅馆|饭店|餐厅|门市|经营部|电器|数码|五金|建材|家具|服装|(?:行|店|铺|厂|馆|场|站|坊|部|社|所|院|处|局)$/;

/** Interned strings: every distinct summary, name, bank … stored once. */
export class StringPool {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [''];

  constructor() {
    this.codes.set('', 0);
  }

  code(value: string | null | undefined): number {
    const raw = value ?? '';
    const known0 = this.codes.get(raw);
    if (known0 !== undefined) return known0;
    const text = raw.trim();
    const known = this.codes.get(text);
    if (known !== undefined) return known;
    const code = this.values.length;
    this.values.push(text);
    this.codes.set(text, code);
    if (raw !== text) this.codes.set(raw, code);
    return code;
  }

  value(code: number): string {
    return this.values[code] ?? '';
  }

  get size(): number {
    return this.values.length;
  }
}

/** Guess whether a holder name is an organisation (company, bank, insurer, shop …). */
export function isOrganisationName(name: string): boolean {
  return name.length >= 4 && CORPORATE_NAME.test(name);
}

function normaliseKey(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

const FLAG_CASH = 1;
const FLAG_SECOND_LEG = 2;

class Column<T extends Float64Array | Int32Array | Int8Array | Uint8Array> {
  constructor(public data: T) {}
}

function grow<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(column: Column<T>, size: number): void {
  if (column.data.length >= size) return;
  const Ctor = column.data.constructor as new (n: number) => T;
  const next = new Ctor(Math.max(size, column.data.length * 2));
  next.set(column.data);
  column.data = next;
}

/**
 * Collects rows one at a time (the service streams them from SQLite), then `build()` sorts them by account and time.
 * Accounts must be added before rows that name them.
 */
export class TableBuilder {
  readonly strings = new StringPool();
  private readonly nodes: NodeInfo[] = [];
  private readonly nodeByAccount = new Map<number, number>();
  private readonly nodeByKey = new Map<string, number>();
  /** name-only counterparties that some row prints as its merchant (商户名称) */
  private readonly merchantNamed = new Set<number>();
  private count = 0;
  private readonly id = new Column(new Float64Array(1024));
  private readonly node = new Column(new Int32Array(1024));
  private readonly cp = new Column(new Int32Array(1024));
  private readonly time = new Column(new Float64Array(1024));
  private readonly offset = new Column(new Int32Array(1024));
  private readonly amount = new Column(new Float64Array(1024));
  private readonly dir = new Column(new Int8Array(1024));
  private readonly flags = new Column(new Uint8Array(1024));
  private readonly summary = new Column(new Int32Array(1024));
  private readonly cpName = new Column(new Int32Array(1024));
  private readonly merchant = new Column(new Int32Array(1024));
  private readonly channel = new Column(new Int32Array(1024));
  private readonly balance = new Column(new Float64Array(1024));
  private readonly mirror = new Column(new Float64Array(1024));

  constructor(private readonly defaultOffsetMinutes = 480) {}

  addAccount(account: AccountInput): number {
    const existing = this.nodeByAccount.get(account.id);
    if (existing !== undefined) return existing;
    const name = account.holderName?.trim() ?? '';
    const holderId = account.holderId?.trim().toUpperCase() ?? '';
    const index = this.nodes.length;
    this.nodes.push({
      account: account.id,
      key: account.number,
      name,
      holder: holderId !== '' ? `id:${holderId}` : name !== '' ? `name:${name}` : '',
      kind: account.kind,
      bank: account.bank ?? '',
      subject: false,
      organisation: isOrganisationName(name),
    });
    this.nodeByAccount.set(account.id, index);
    return index;
  }

  private capacity = 1024;
  /** rows arrived in ascending id order (a reader's ORDER BY id): the id index needs no sort */
  private ascending = true;
  /** raw (number, name) → node: a million rows name far fewer counterparties */
  private readonly externalCache = new Map<string, number>();

  private growAll(): void {
    this.capacity *= 2;
    for (const column of [this.id, this.time, this.amount, this.balance, this.mirror]) grow(column, this.capacity);
    for (const column of [this.node, this.cp, this.offset, this.summary, this.cpName, this.merchant, this.channel]) grow(column, this.capacity);
    grow(this.dir, this.capacity);
    grow(this.flags, this.capacity);
  }

  private cachedExternalNode(number: string | null | undefined, name: string | null | undefined, bank: string | null | undefined): number {
    const key = `${number ?? ''}\u0000${name ?? ''}`;
    let node = this.externalCache.get(key);
    if (node === undefined) {
      node = this.externalNode(number, name, bank);
      this.externalCache.set(key, node);
    }
    return node;
  }

  /** the node of a counterparty that is not an account of the case, by number (or by name when it has none) */
  private externalNode(number: string | null | undefined, name: string | null | undefined, bank: string | null | undefined): number {
    const cleanName = name?.trim() ?? '';
    const cleanNumber = number ? normaliseKey(number) : '';
    if (cleanNumber === '' && cleanName === '') return NO_NODE;
    const key = cleanNumber !== '' ? cleanNumber : `名称:${cleanName}`;
    const known = this.nodeByKey.get(key);
    if (known !== undefined) {
      const info = this.nodes[known];
      if (info && info.name === '' && cleanName !== '') {
        info.name = cleanName;
        info.holder = `name:${cleanName}`;
        info.organisation = isOrganisationName(cleanName);
      }
      return known;
    }
    const index = this.nodes.length;
    this.nodes.push({
      account: null,
      key,
      name: cleanName,
      holder: cleanName !== '' ? `name:${cleanName}` : '',
      kind: 'counterparty',
      bank: bank?.trim() ?? '',
      subject: false,
      organisation: isOrganisationName(cleanName),
    });
    this.nodeByKey.set(key, index);
    return index;
  }

  add(row: TxnInput): void {
    this.push(
      row.id,
      row.account,
      row.time,
      row.offsetMinutes ?? null,
      row.amount,
      row.direction === 'in' ? 1 : row.direction === 'out' ? -1 : 0,
      row.cash === true,
      row.counterparty ?? null,
      row.counterpartyName ?? null,
      row.counterpartyAccount ?? null,
      row.counterpartyBank ?? null,
      row.summary ?? null,
      row.channel ?? null,
      row.merchant ?? null,
      row.balance ?? null,
      row.mirror ?? null,
    );
  }

  /** `add` without an object per row, for a reader streaming a million rows */
  push(
    id: number,
    account: number,
    time: number | null,
    offsetMinutes: number | null,
    amount: number,
    direction: number,
    cash: boolean,
    counterparty: string | null,
    counterpartyName: string | null,
    counterpartyAccount: number | null,
    counterpartyBank: string | null,
    summary: string | null,
    channel: string | null,
    merchant: string | null,
    balance: number | null,
    mirror: number | null,
  ): void {
    const own = this.nodeByAccount.get(account) ?? this.addAccount({ id: account, kind: 'bank', number: String(account) });
    const ownInfo = this.nodes[own];
    if (ownInfo) ownInfo.subject = true;
    const cp =
      counterpartyAccount !== null
        ? (this.nodeByAccount.get(counterpartyAccount) ?? this.cachedExternalNode(counterparty, counterpartyName, counterpartyBank))
        : this.cachedExternalNode(counterparty, counterpartyName, counterpartyBank);
    if (cp >= 0 && merchant && merchant.trim() === (counterpartyName?.trim() ?? '')) this.merchantNamed.add(cp);
    const i = this.count++;
    if (this.count > this.capacity) this.growAll();
    if (i > 0 && id <= (this.id.data[i - 1] ?? 0)) this.ascending = false;
    this.id.data[i] = id;
    this.node.data[i] = own;
    this.cp.data[i] = cp === own ? NO_NODE : cp;
    this.time.data[i] = time ?? Number.NaN;
    this.offset.data[i] = offsetMinutes ?? this.defaultOffsetMinutes;
    this.amount.data[i] = Math.abs(amount);
    this.dir.data[i] = direction;
    this.flags.data[i] = cash ? FLAG_CASH : 0;
    this.summary.data[i] = this.strings.code(summary);
    this.cpName.data[i] = this.strings.code(counterpartyName);
    this.merchant.data[i] = this.strings.code(merchant);
    this.channel.data[i] = this.strings.code(channel);
    this.balance.data[i] = balance ?? Number.NaN;
    this.mirror.data[i] = mirror ?? Number.NaN;
  }

  get rows(): number {
    return this.count;
  }

  /**
   * A counterparty printed by name only (a POS merchant on a card statement) that is exactly the name of one
   * account holder whose statement is in the case is that account (商户名称 = 开户名称) — when the name is an
   * organisation's or the rows print it as their merchant (a person's name alone could be anyone's).
   */
  private resolveNamedOrganisations(): void {
    const byName = new Map<string, number | null>();
    for (let node = 0; node < this.nodes.length; node++) {
      const info = this.nodes[node];
      if (!info?.subject || info.name === '') continue;
      byName.set(info.name, byName.has(info.name) ? null : node);
    }
    const remap = new Map<number, number>();
    for (const [key, node] of this.nodeByKey) {
      if (!key.startsWith('名称:')) continue;
      const target = byName.get(key.slice(3));
      if (target === undefined || target === null) continue;
      if (this.nodes[target]?.organisation || this.merchantNamed.has(node)) remap.set(node, target);
    }
    if (remap.size === 0) return;
    const cp = this.cp.data;
    for (let i = 0; i < this.count; i++) {
      const target = remap.get(cp[i] ?? NO_NODE);
      if (target !== undefined) cp[i] = target === this.node.data[i] ? NO_NODE : target;
    }
  }

  build(): TxnTable {
    this.resolveNamedOrganisations();
    const n = this.count;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const node = this.node.data;
    const time = this.time.data;
    const id = this.id.data;
    const key = (i: number): number => {
      const t = time[i] ?? Number.NaN;
      return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
    };
    order.sort((a, b) => (node[a] ?? 0) - (node[b] ?? 0) || key(a) - key(b) || (id[a] ?? 0) - (id[b] ?? 0));
    const pick = <T extends Float64Array | Int32Array | Int8Array | Uint8Array>(column: Column<T>): T => {
      const Ctor = column.data.constructor as new (n: number) => T;
      const out = new Ctor(n);
      for (let i = 0; i < n; i++) out[i] = column.data[order[i] ?? 0] ?? 0;
      return out;
    };
    // rows by id: positions (after the sort) in ascending id order
    const byId = new Int32Array(n);
    const position = new Int32Array(n);
    for (let k = 0; k < n; k++) position[order[k] ?? 0] = k;
    if (this.ascending) for (let k = 0; k < n; k++) byId[k] = position[k] ?? 0;
    else {
      const original = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => (id[a] ?? 0) - (id[b] ?? 0));
      for (let k = 0; k < n; k++) byId[k] = position[original[k] ?? 0] ?? 0;
    }
    return new TxnTable(
      {
        id: pick(this.id),
        node: pick(this.node),
        cp: pick(this.cp),
        time: pick(this.time),
        offset: pick(this.offset),
        amount: pick(this.amount),
        dir: pick(this.dir),
        flags: pick(this.flags),
        summary: pick(this.summary),
        cpName: pick(this.cpName),
        merchant: pick(this.merchant),
        channel: pick(this.channel),
        balance: pick(this.balance),
        mirror: pick(this.mirror),
        byId,
      },
      this.nodes,
      this.strings,
    );
  }
}

interface Columns {
  id: Float64Array;
  node: Int32Array;
  cp: Int32Array;
  time: Float64Array;
  offset: Int32Array;
  amount: Float64Array;
  dir: Int8Array;
  flags: Uint8Array;
  summary: Int32Array;
  cpName: Int32Array;
  merchant: Int32Array;
  channel: Int32Array;
  balance: Float64Array;
  mirror: Float64Array;
  /** row positions in ascending id order (the index behind rowOf) */
  byId: Int32Array;
}

/** A read-only table of rows, sorted by (account node, time, id). Row accessors take the row's position. */
export class TxnTable {
  readonly size: number;
  /** per node: first row and one past the last row of its statement (empty for counterparties) */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** per node: a number per distinct holder (−1 unknown), whether it is an ID-based holder, and a number per name */
  private readonly holderCode: Int32Array;
  private readonly holderById: Uint8Array;
  private readonly nameCode: Int32Array;

  constructor(
    private readonly c: Columns,
    readonly nodes: readonly NodeInfo[],
    readonly strings: StringPool,
  ) {
    this.size = c.id.length;
    this.holderCode = new Int32Array(nodes.length).fill(-1);
    this.holderById = new Uint8Array(nodes.length);
    this.nameCode = new Int32Array(nodes.length).fill(-1);
    const holders = new Map<string, number>();
    const names = new Map<string, number>();
    nodes.forEach((info, node) => {
      if (info.holder !== '') {
        const code = holders.get(info.holder) ?? holders.size;
        holders.set(info.holder, code);
        this.holderCode[node] = code;
        this.holderById[node] = info.holder.startsWith('id:') ? 1 : 0;
      }
      if (info.name !== '') {
        const code = names.get(info.name) ?? names.size;
        names.set(info.name, code);
        this.nameCode[node] = code;
      }
    });
    this.starts = new Int32Array(nodes.length).fill(0);
    this.ends = new Int32Array(nodes.length).fill(0);
    for (let i = 0; i < this.size; i++) {
      const node = c.node[i] ?? 0;
      if (i === 0 || c.node[i - 1] !== node) this.starts[node] = i;
      this.ends[node] = i + 1;
    }
    // the in-leg of a transfer whose out-leg is in the table too: a transfer view skips it
    for (let i = 0; i < this.size; i++) {
      const mirror = c.mirror[i] ?? Number.NaN;
      if (Number.isNaN(mirror) || (c.dir[i] ?? 0) !== 1) continue;
      if (this.rowOf(mirror) !== undefined) c.flags[i] = (c.flags[i] ?? 0) | FLAG_SECOND_LEG;
    }
  }

  static from(accounts: readonly AccountInput[], rows: readonly TxnInput[], defaultOffsetMinutes = 480): TxnTable {
    const builder = new TableBuilder(defaultOffsetMinutes);
    for (const account of accounts) builder.addAccount(account);
    for (const row of rows) builder.add(row);
    return builder.build();
  }

  id(i: number): number {
    return this.c.id[i] ?? 0;
  }
  node(i: number): number {
    return this.c.node[i] ?? 0;
  }
  /** counterparty node, or -1 */
  cp(i: number): number {
    return this.c.cp[i] ?? NO_NODE;
  }
  /** UTC ms, NaN when the row has no time */
  time(i: number): number {
    return this.c.time[i] ?? Number.NaN;
  }
  /** local wall-clock ms (UTC ms shifted by the row's offset): use with getUTC* for the local hour and date */
  localTime(i: number): number {
    return this.time(i) + (this.c.offset[i] ?? 0) * 60_000;
  }
  /** local calendar day number (days since 1970-01-01 in the row's own zone) */
  localDay(i: number): number {
    return Math.floor(this.localTime(i) / 86_400_000);
  }
  amount(i: number): number {
    return this.c.amount[i] ?? 0;
  }
  /** +1 in, −1 out, 0 unknown */
  dir(i: number): number {
    return this.c.dir[i] ?? 0;
  }
  isCash(i: number): boolean {
    return ((this.c.flags[i] ?? 0) & FLAG_CASH) !== 0;
  }
  /** the in-leg of a transfer whose out-leg is also in the table */
  isSecondLeg(i: number): boolean {
    return ((this.c.flags[i] ?? 0) & FLAG_SECOND_LEG) !== 0;
  }
  summary(i: number): string {
    return this.strings.value(this.c.summary[i] ?? 0);
  }
  summaryCode(i: number): number {
    return this.c.summary[i] ?? 0;
  }
  cpName(i: number): string {
    return this.strings.value(this.c.cpName[i] ?? 0);
  }
  merchant(i: number): string {
    return this.strings.value(this.c.merchant[i] ?? 0);
  }
  channel(i: number): string {
    return this.strings.value(this.c.channel[i] ?? 0);
  }
  /** balance after the row as printed; NaN when absent */
  balance(i: number): number {
    return this.c.balance[i] ?? Number.NaN;
  }
  /** the row of a transaction id (binary search over the id index) */
  rowOf(txnId: number): number | undefined {
    const byId = this.c.byId;
    let lo = 0;
    let hi = byId.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const row = byId[mid] ?? 0;
      const id = this.c.id[row] ?? 0;
      if (id === txnId) return row;
      if (id < txnId) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  }

  nodeInfo(node: number): NodeInfo | undefined {
    return this.nodes[node];
  }
  /** the first row of a node's statement and one past its last (equal when it has none) */
  rangeOf(node: number): [number, number] {
    return [this.starts[node] ?? 0, this.ends[node] ?? 0];
  }
  /** nodes whose statements are in the table */
  *subjects(): Generator<number> {
    for (let node = 0; node < this.nodes.length; node++) if ((this.ends[node] ?? 0) > (this.starts[node] ?? 0)) yield node;
  }
  /** the account id behind a node, if it is an account of the case */
  accountOf(node: number): number | null {
    return this.nodes[node]?.account ?? null;
  }
  /** A transfer's two ends, from the point of view of this row: [from, to] (−1 for an unknown end). */
  transferEnds(i: number): [number, number] {
    const own = this.node(i);
    const other = this.cp(i);
    return this.dir(i) < 0 ? [own, other] : [other, own];
  }
  /** same holder on both ends (an own-account transfer, 同名/本人账户) */
  sameHolder(a: number, b: number): boolean {
    if (a < 0 || b < 0) return false;
    const x = this.holderCode[a] ?? -1;
    const y = this.holderCode[b] ?? -1;
    if (x < 0 || y < 0) return false;
    if (x === y) return true;
    // two different ID numbers are two people even when the names match (同名不同人)
    if (this.holderById[a] === 1 && this.holderById[b] === 1) return false;
    const n = this.nameCode[a] ?? -1;
    return n >= 0 && n === (this.nameCode[b] ?? -2);
  }
}
