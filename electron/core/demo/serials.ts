/**
 * Transaction ids as the files print them. Every id is a pure function of (account index, sequence) so that a
 * statement replayed for an overlapping query period prints the same ids; planted transfers take sequences from
 * PLANTED_BASE upwards, which no account's own noise reaches.
 */
import type { Account } from './model';
import { parts } from './time';

export const PLANTED_BASE = 8_000_000;

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

export function bankSerial(account: Account, t: number, seq: number): string {
  const p = parts(t);
  const date = `${p.y}${p.mo}${p.d}`;
  const idx = pad(account.index, 5);
  const s = pad(seq, 7);
  switch (account.bank) {
    case 'ICBC':
      return `${date}${idx}${s}`;
    case 'CCB':
      return `${idx}${p.y.slice(2)}${p.mo}${p.d}${s}01`;
    case 'ABC':
      return `${date}${p.h}${p.mi}${idx}${s}`;
    case 'BOC':
      return `${p.y.slice(2)}${p.mo}${p.d}${s}${idx}`;
    case 'CMB':
      return `${date}${idx}${s}`;
    case 'COMM':
      return `${date}${s}${idx}`;
    case 'PSBC':
      return `${idx}${date}${s}`;
    case 'CIB':
      return `${p.y}${p.mo}${idx}${s}${p.d}`;
  }
}

/** Tenpay 交易单号: 28 digits; `kind` picks the business prefix (transfer, red packet, payment) */
export function tenpaySerial(account: Account, t: number, seq: number, kind: 'transfer' | 'red-packet' | 'payment' | 'withdraw'): string {
  const p = parts(t);
  const prefix = kind === 'transfer' ? '10000501' : kind === 'red-packet' ? '10000601' : kind === 'withdraw' ? '10001901' : '42000021';
  return `${prefix}${p.y}${p.mo}${p.d}${pad(account.index, 5)}${pad(seq, 7)}`;
}

/** Tenpay 大单号 for the same trade */
export function tenpayBatch(serial: string): string {
  return `${serial.slice(8, 16)}${serial.slice(0, 8)}${serial.slice(16)}`;
}

/** Alipay 交易号: date + business code + account + sequence + a two-digit check (28 digits) */
export function alipaySerial(account: Account, t: number, seq: number): string {
  const p = parts(t);
  const body = `${p.y}${p.mo}${p.d}22001${pad(account.index, 5)}${pad(seq, 7)}`;
  let mod = 0;
  for (let i = 0; i < body.length; i++) mod = (mod * 10 + body.charCodeAt(i) - 48) % 97;
  return `${body}${pad(mod, 3)}`;
}

export function serialFor(account: Account, t: number, seq: number, tenpayKind: 'transfer' | 'red-packet' | 'payment' | 'withdraw' = 'transfer'): string {
  if (account.channel === 'tenpay') return tenpaySerial(account, t, seq, tenpayKind);
  if (account.channel === 'alipay') return alipaySerial(account, t, seq);
  return bankSerial(account, t, seq);
}
