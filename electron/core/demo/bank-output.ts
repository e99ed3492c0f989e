/**
 * Writes one 查控 request folder: per responding bank, 交易明细信息 / 账户信息 / 人员信息 / 子账户信息 in
 * GB18030 with trailing tabs, streaming each account's statement from its ledger. Plants the request-level
 * defects: a missing page (balance break), rows repeated by an overlapping supplementary request, and a
 * no-data answer for an account with nothing in the period.
 */
import type { Account, Org, Person } from './model';
import type { Cast } from './cast';
import type { Plan } from './plan';
import type { Collector } from './collector';
import type { NoiseContext } from './noise';
import type { Row } from './entry';
import type { RowRef } from './truth-types';
import { noiseEntries } from './noise';
import { deviceOf, ledger } from './ledger';
import { BANK_STYLES, csvLine, headersOf, noDataCells, rowCells } from './bank-layouts';
import type { BankStyle } from './bank-layouts';
import { BANKS, bankInfo } from './reference-data';
import type { BankKey } from './reference-data';
import { FileSink } from './sink';
import { yuan } from './money';
import { fmtDate, fmtDateTime } from './time';

export interface BankRequest {
  id: string;
  folder: string;
  purpose: 'initial' | 'supplementary';
  approval: string;
  accounts: Account[];
  start: number;
  end: number;
  /** rows at or after this time were already returned by an earlier request (supplementary requests only) */
  duplicateBefore: number | null;
  /** initial requests remember rows from this time on, for the supplementary request that will repeat them */
  rememberFrom: number | null;
}

export interface MissingPage {
  account: string;
  request: string;
  /** index (0-based, among the account's rows in that request) of the first missing row */
  from: number;
  count: number;
}

export interface BankWriteContext {
  root: string;
  seed: number;
  cast: Cast;
  plan: Plan;
  noise: NoiseContext;
  collector: Collector;
  missingPage: MissingPage | null;
  /** `${account}|${serial}` → where the initial request printed it */
  overlap: Map<string, RowRef>;
  onRows: (n: number) => void;
}

export function banksOf(request: BankRequest): BankKey[] {
  const keys = new Set(request.accounts.map((a) => a.bank));
  return BANKS.map((b) => b.key).filter((k) => keys.has(k));
}

/** write everything one bank returned for one request */
export function writeBankReturn(ctx: BankWriteContext, request: BankRequest, bank: BankKey): void {
  const style = BANK_STYLES[bank];
  const info = bankInfo(bank);
  const accounts = request.accounts.filter((a) => a.bank === bank).sort((a, b) => a.index - b.index);
  const base = `${request.folder}/${info.name}`;
  const txPath = `${base}交易明细信息.csv`;
  const tx = new FileSink(ctx.root, txPath, 'GB18030');
  tx.line(csvLine(headersOf(style).map((h) => h), true));
  const closing = new Map<string, { balance: number; last: number }>();
  for (const account of accounts) {
    closing.set(account.id, writeStatement(ctx, request, style, account, tx));
  }
  const closed = tx.close();
  ctx.collector.file(closed, 'bank-transactions', closed.lines - 1, { bank: info.name, request: request.id, layout: style.layout });

  const acc = new FileSink(ctx.root, `${base}账户信息.csv`, 'GB18030');
  acc.line(csvLine(ACCOUNT_HEADERS, true));
  for (const account of accounts) {
    const end = closing.get(account.id) ?? { balance: account.openingBalance, last: 0 };
    acc.line(csvLine(accountCells(ctx, account, end.balance, end.last), style.tabOnEmpty));
    ctx.collector.device('phone', account.contactPhone, account.id);
  }
  const accClosed = acc.close();
  ctx.collector.file(accClosed, 'bank-accounts', accounts.length, { bank: info.name, request: request.id });

  const people = new Sink(ctx.root, `${base}人员信息.csv`);
  people.sink.line(csvLine([style.personNameHeader, '证照类型', '证照号码', '工作单位', '单位地址', '法人代表', '联系电话'], true));
  const seen = new Set<string>();
  for (const account of accounts) {
    if (seen.has(account.ownerId)) continue;
    seen.add(account.ownerId);
    people.sink.line(csvLine(personCells(ctx.cast, account), style.tabOnEmpty));
    people.rows++;
  }
  people.close(ctx, 'bank-persons', info.name, request.id);

  const subs = new Sink(ctx.root, `${base}子账户信息.csv`);
  subs.sink.line(csvLine(['交易卡号', '交易账号', '子账户账号', '子账户类别', '币种', '余额'], true));
  for (const account of accounts) {
    const end = closing.get(account.id)?.balance ?? account.openingBalance;
    account.subAccounts.forEach((sub, i) => {
      subs.sink.line(csvLine([account.card, account.printedNumber, sub.number, sub.category, '人民币', yuan(i === 0 ? end : sub.balance)], style.tabOnEmpty));
      subs.rows++;
    });
  }
  subs.close(ctx, 'bank-subaccounts', info.name, request.id);
}

class Sink {
  readonly sink: FileSink;
  rows = 0;
  constructor(root: string, path: string) {
    this.sink = new FileSink(root, path, 'GB18030');
  }
  close(ctx: BankWriteContext, kind: string, bank: string, request: string): void {
    ctx.collector.file(this.sink.close(), kind, this.rows, { bank, request });
  }
}

function writeStatement(ctx: BankWriteContext, request: BankRequest, style: BankStyle, account: Account, sink: FileSink): { balance: number; last: number } {
  const owner = ctx.cast.ownerName(account.ownerId);
  const rows = ledger(account, ctx.plan.legsOf(account), noiseEntries(account, owner, ctx.noise), ctx.seed, owner);
  const print = { bankName: bankInfo(account.bank).name, approval: request.approval, ip: '', mac: '' };
  const gap = ctx.missingPage && ctx.missingPage.account === account.id && ctx.missingPage.request === request.id ? ctx.missingPage : null;
  let balance = account.openingBalance;
  let last = 0;
  let index = 0;
  let written = 0;
  let lastPrinted: Row | null = null;
  const skipped: Row[] = [];
  let pendingBreak = false;
  for (const row of rows) {
    if (row.e.t >= request.end) break;
    balance = row.balance;
    if (row.e.t < request.start) continue;
    last = row.e.t;
    const i = index++;
    // the missing page: `count` rows from `from`, extended until the rows lost change the balance and the next
    // printed row is a successful one (where a continuity check sees the break)
    const inGap = gap !== null && i >= gap.from && (i < gap.from + gap.count || (pendingBreak && (netOf(skipped) === 0 || row.failReason !== '')));
    if (inGap) {
      skipped.push(row);
      pendingBreak = true;
      continue;
    }
    const device = deviceOf(account, row.e);
    print.ip = device.ip;
    print.mac = device.mac;
    const line = sink.line(csvLine(rowCells(style, account, row, print), style.tabOnEmpty));
    written++;
    if (device.ip !== '') ctx.collector.device(device.ip.includes(':') ? 'ipv6' : 'ip', device.ip, account.id);
    if (device.mac !== '') ctx.collector.device('mac', device.mac, account.id);
    if (pendingBreak && lastPrinted) {
      pendingBreak = false;
      ctx.collector.breaks.push({
        account: account.id,
        file: sink.path,
        line,
        afterId: lastPrinted.serial,
        previousBalanceMinor: lastPrinted.balance,
        printedBalanceMinor: row.balance,
        missingRows: skipped.length,
        missingIds: skipped.map((r) => r.serial),
        missingNetMinor: netOf(skipped),
        cause: 'a page of the statement is missing from the bank return',
      });
    }
    let duplicateOf: RowRef | null = null;
    if (request.duplicateBefore !== null && row.e.t < request.duplicateBefore) duplicateOf = ctx.overlap.get(`${account.id}|${row.serial}`) ?? null;
    if (request.rememberFrom !== null && row.e.t >= request.rememberFrom) ctx.overlap.set(`${account.id}|${row.serial}`, { account: account.id, id: row.serial, file: sink.path, line });
    ctx.collector.row(account, row, sink.path, line, duplicateOf);
    lastPrinted = row;
  }
  if (written === 0) {
    const reason = '该账户在查询时段内无交易记录';
    const line = sink.line(csvLine(noDataCells(style, account, reason, print), style.tabOnEmpty));
    ctx.collector.noData.push({ account: account.id, file: sink.path, line, reason });
  }
  ctx.onRows(written);
  return { balance, last };
}

function netOf(rows: readonly Row[]): number {
  let n = 0;
  for (const r of rows) if (r.failReason === '') n += r.e.dir * r.e.amount;
  return n;
}

const ACCOUNT_HEADERS = ['账户开户名称', '开户人证件号码', '交易卡号', '交易账号', '账号开户时间', '账户余额', '可用余额', '币种', '开户网点', '开户网点代码', '账户状态', '钞汇标志名称', '销户日期', '账户类型', '开户联系方式', '通信地址', '联系电话', '账号开户银行', '客户代码', '手机银行开通日期', '网银开通日期', '最后登录IP', '最后交易时间', '关联资金账户', '备注'];

function accountCells(ctx: BankWriteContext, account: Account, balance: number, last: number): string[] {
  const owner = ownerOf(ctx.cast, account);
  const address = owner && 'address' in owner ? owner.address : '';
  const kind = account.kind === 'credit' ? '贷记卡' : account.kind === 'corporate' ? '对公结算账户' : '借记卡';
  const available = account.kind === 'credit' ? balance + account.creditLimit : balance;
  return [
    account.holderName,
    account.holderIdNumber,
    account.card,
    account.printedNumber,
    fmtDateTime(account.openedAt),
    yuan(balance),
    yuan(available),
    '人民币',
    account.branchName,
    account.branchCode,
    '正常',
    '钞',
    '',
    kind,
    account.contactPhone,
    address,
    account.contactPhone,
    bankInfo(account.bank).name,
    `C${String(account.index).padStart(10, '0')}`,
    fmtDate(account.openedAt + 86_400 * 3),
    account.kind === 'credit' ? '' : fmtDate(account.openedAt + 86_400 * 10),
    account.onlineIp,
    last > 0 ? fmtDateTime(last) : '',
    account.subAccounts.map((s) => s.number).join(';'),
    '',
  ];
}

function ownerOf(cast: Cast, account: Account): Person | Org | undefined {
  return cast.orgById(account.ownerId) ?? cast.maybePerson(account.ownerId);
}

function personCells(cast: Cast, account: Account): string[] {
  const org = cast.orgById(account.ownerId);
  if (org) {
    const rep = org.legalRep ? cast.personById(org.legalRep) : null;
    return [org.name, '统一社会信用代码', org.uscc, '', org.address, rep?.name ?? '', account.contactPhone];
  }
  const p = cast.personById(account.ownerId);
  return [p.name, '居民身份证', p.idNumber, p.employer, '', '', account.contactPhone];
}
