/**
 * Reads a generated data set back the way an investigator's script would, without the project's importers:
 * decode (UTF-8 if it decodes strictly, else GB18030), strip trailing tabs, map each bank's header aliases and
 * amount convention, and yield every transaction row with its file and line. Used to check the ground truth.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import iconv from 'iconv-lite';

export interface ReadRow {
  file: string;
  line: number;
  /** the printed card or account number (bank), wallet id (Tenpay/Alipay) */
  key: string;
  keyAlt: string;
  id: string;
  dir: 1 | -1;
  amountMinor: number;
  balanceMinor: number | null;
  ok: boolean;
  holderName: string;
  channel: 'bank' | 'tenpay' | 'alipay';
}

export interface NoDataRow {
  file: string;
  line: number;
  key: string;
  reason: string;
}

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

export function decode(buf: Buffer): { text: string; encoding: 'UTF-8' | 'GB18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'GB18030' };
  }
}

/** one CSV record per physical line (the generator never puts newlines inside bank or Alipay cells) */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

const stripTab = (s: string): string => s.replace(/\t+$/, '').trim();

/** "1,234.50" / "+12.00" / "-3.5" → 分, without floating point */
export function minorOf(text: string): number {
  const m = /^([+-]?)([\d,]*)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: "${text}"`);
  const whole = Number((m[2] ?? '').replace(/,/g, '') || '0');
  const frac = Number(((m[3] ?? '') + '00').slice(0, 2));
  const v = whole * 100 + frac;
  return m[1] === '-' ? -v : v;
}

const IN_FLAGS = new Set(['进', '入', '收', '收入', '贷', 'C']);
const OUT_FLAGS = new Set(['出', '付', '支出', '借', 'D']);

function lines(text: string): string[] {
  const all = text.split(/\r?\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

export function readBankTransactions(root: string, file: string): { rows: ReadRow[]; noData: NoDataRow[] } {
  const { text } = decode(readFileSync(join(root, file)));
  const all = lines(text);
  const header = parseCsvLine(all[0] ?? '').map(stripTab);
  const col = (...names: string[]): number => {
    for (const n of names) {
      const i = header.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
  const c = {
    card: col('交易卡号', '本方卡号'),
    account: col('交易账号', '本方账号'),
    name: col('交易户名', '交易方户名', '账户开户名称', '查询对象名称'),
    id: col('交易流水号'),
    amount: col('交易金额'),
    out: col('支出'),
    in: col('存入'),
    flag: col('收付标志', '借贷标志'),
    balance: col('交易余额'),
    ok: col('交易是否成功'),
    reason: col('查询反馈结果原因'),
  };
  const rows: ReadRow[] = [];
  const noData: NoDataRow[] = [];
  for (let i = 1; i < all.length; i++) {
    const cells = parseCsvLine(all[i] ?? '').map(stripTab);
    const get = (k: number): string => (k >= 0 ? (cells[k] ?? '') : '');
    const key = get(c.card) !== '' ? get(c.card) : get(c.account);
    if (get(c.id) === '') {
      noData.push({ file, line: i + 1, key, reason: get(c.reason) });
      continue;
    }
    let dir: 1 | -1;
    let amount: number;
    if (c.out >= 0 && c.in >= 0) {
      const o = minorOf(get(c.out));
      const n = minorOf(get(c.in));
      dir = o > 0 ? -1 : 1;
      amount = o > 0 ? o : n;
    } else {
      const signed = minorOf(get(c.amount));
      const flag = get(c.flag);
      if (c.flag >= 0 && IN_FLAGS.has(flag)) dir = 1;
      else if (c.flag >= 0 && OUT_FLAGS.has(flag)) dir = -1;
      else if (c.flag < 0) dir = signed < 0 ? -1 : 1;
      else throw new Error(`${file}:${i + 1}: unknown direction flag "${flag}"`);
      amount = Math.abs(signed);
    }
    const okText = get(c.ok);
    rows.push({ file, line: i + 1, key, keyAlt: get(c.account), id: get(c.id), dir, amountMinor: amount, balanceMinor: minorOf(get(c.balance)), ok: okText === '是' || okText === '成功', holderName: get(c.name), channel: 'bank' });
  }
  return { rows, noData };
}

export function readTenpayTrades(root: string, file: string): ReadRow[] {
  const { text } = decode(readFileSync(join(root, file)));
  const all = lines(text);
  const header = (all[0] ?? '').split('\t');
  const at = (n: string): number => header.indexOf(n);
  const rows: ReadRow[] = [];
  for (let i = 1; i < all.length; i++) {
    const cells = (all[i] ?? '').split('\t');
    const get = (k: number): string => cells[k] ?? '';
    rows.push({
      file, line: i + 1, key: get(at('用户ID')), keyAlt: '', id: get(at('交易单号')), dir: get(at('借贷类型')) === '入' ? 1 : -1,
      amountMinor: Number(get(at('交易金额(分)'))), balanceMinor: Number(get(at('账户余额(分)'))), ok: true, holderName: get(at('用户侧账号名称')), channel: 'tenpay',
    });
  }
  return rows;
}

export function readAlipayDetails(root: string, file: string): ReadRow[] {
  const { text } = decode(readFileSync(join(root, file)));
  const all = lines(text);
  const header = parseCsvLine(all[0] ?? '').map(stripTab);
  const at = (n: string): number => header.indexOf(n);
  const rows: ReadRow[] = [];
  for (let i = 1; i < all.length; i++) {
    const cells = parseCsvLine(all[i] ?? '').map(stripTab);
    const get = (k: number): string => cells[k] ?? '';
    const user = get(at('用户信息'));
    const m = /^(\d+)\((.*)\)$/.exec(user);
    rows.push({
      file, line: i + 1, key: m?.[1] ?? user, keyAlt: '', id: get(at('交易号')), dir: get(at('收/支')) === '收入' ? 1 : -1,
      amountMinor: minorOf(get(at('金额（元）'))), balanceMinor: null, ok: get(at('交易状态')) === '交易成功', holderName: m?.[2] ?? '', channel: 'alipay',
    });
  }
  return rows;
}

/** Alipay 余额明细: the balance-affecting movements again, under the same 交易号 as 账户明细 (so they are duplicates). */
export function readAlipayLedger(root: string, file: string): ReadRow[] {
  const { text } = decode(readFileSync(join(root, file)));
  const all = lines(text);
  const header = parseCsvLine(all[0] ?? '').map(stripTab);
  const at = (n: string): number => header.indexOf(n);
  const rows: ReadRow[] = [];
  for (let i = 1; i < all.length; i++) {
    const cells = parseCsvLine(all[i] ?? '').map(stripTab);
    const get = (k: number): string => cells[k] ?? '';
    const income = get(at('收入金额(+)（元）'));
    rows.push({
      file, line: i + 1, key: get(at('账户')), keyAlt: '', id: get(at('交易订单号')), dir: income !== '' ? 1 : -1,
      amountMinor: minorOf(income !== '' ? income : get(at('支出金额(-)（元）'))), balanceMinor: minorOf(get(at('余额（元）'))), ok: true, holderName: '', channel: 'alipay',
    });
  }
  return rows;
}

/** every transaction row in the data set, found by walking the folder (not from the ground truth's file list) */
export function readAll(root: string): { rows: ReadRow[]; noData: NoDataRow[]; files: string[] } {
  const files = listFiles(root);
  const rows: ReadRow[] = [];
  const noData: NoDataRow[] = [];
  for (const f of files) {
    if (f.endsWith('交易明细信息.csv')) {
      const r = readBankTransactions(root, f);
      rows.push(...r.rows);
      noData.push(...r.noData);
    } else if (f.endsWith('/TenpayTrades.txt')) rows.push(...readTenpayTrades(root, f));
    else if (/_账户明细d2_\d+_part\d+\.csv$/.test(f)) rows.push(...readAlipayDetails(root, f));
    else if (/_余额明细\.csv$/.test(f)) rows.push(...readAlipayLedger(root, f));
  }
  return { rows, noData, files };
}

/** the physical line of a text file (1-based), decoded */
export function lineOf(root: string, file: string, line: number): string {
  return lines(decode(readFileSync(join(root, file))).text)[line - 1] ?? '';
}
