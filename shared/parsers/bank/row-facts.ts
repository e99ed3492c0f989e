import { foldWidth } from '../../ids/fold-width';
import { normaliseLandline, normaliseMobile } from '../../ids/phone';
import { parseDateTime } from '../../time/parse-datetime';
import { cellText, fieldsOfHeader } from '../tabular';
import type { Aliases, HeaderedRow } from '../tabular';
import type { AccountRef, IdentifierDraft, Instant } from '../types';
import { textOrUndefined } from './account-number';
import type { IdentifierColumn } from './info-aliases';
import type { WarningTally } from './tally';
import { ipAddress, macAddress } from './values';

/**
 * Every non-empty cell that did not go into the account reference or the person, keyed by its investigator name:
 * the field's first alias when the header is a known alias (账号开户时间 → 开户时间), else the header as printed.
 * Values are trimmed of the returns' padding and otherwise as written.
 */
export function attributesOf<F extends string>(row: HeaderedRow<F>, aliases: Aliases<F>, consumed: readonly F[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, cell] of Object.entries(row.raw())) {
    const value = cellText(cell);
    if (value === '') continue;
    const fields = fieldsOfHeader(aliases, name.replace(/#\d+$/, ''));
    if (fields.some((field) => consumed.includes(field))) continue;
    const field = fields[0];
    const label = field === undefined ? name : (aliases[field][0] ?? name);
    attributes[label in attributes ? name : label] = value;
  }
  return attributes;
}

/** Phone cells may hold several numbers (`138…，0571-8888…`); each mobile or landline is one value. */
function phoneValues(cell: string, line: number, tally: WarningTally): string[] {
  const values: string[] = [];
  for (const piece of foldWidth(cell).split(/[,，;；、/|]+/)) {
    const text = piece.trim();
    if (text === '' || /^[-—0\s]*$/.test(text)) continue;
    const value = normaliseMobile(text)?.normalized ?? normaliseLandline(text)?.normalized;
    if (value === undefined) tally.add('BANK_PHONE_UNREADABLE', line, text);
    else values.push(value);
  }
  return values;
}

function identifierValues(type: IdentifierColumn<string>['type'], cell: string, line: number, tally: WarningTally): string[] {
  switch (type) {
    case 'phone':
      return phoneValues(cell, line, tally);
    case 'email': {
      const text = foldWidth(cell).trim().toLowerCase();
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? [text] : [];
    }
    case 'ip': {
      const ip = ipAddress(cell);
      if (ip.unreadable) tally.add('BANK_IP_UNREADABLE', line, cell);
      return ip.value === undefined ? [] : [ip.value];
    }
    case 'mac': {
      const mac = macAddress(cell);
      if (mac.unreadable) tally.add('BANK_MAC_UNREADABLE', line, cell);
      return mac.value === undefined ? [] : [mac.value];
    }
    case 'device': {
      const device = textOrUndefined(cell);
      return device === undefined ? [] : [device];
    }
  }
}

function observedAt(text: string, zone: string, excelSerial: boolean): Instant | null {
  if (text === '') return null;
  const parsed = parseDateTime(text, { zone, excelSerial });
  return parsed.ok ? { utcMs: parsed.utcMs, original: parsed.original, offsetMinutes: parsed.offsetMinutes } : null;
}

/**
 * The technology-chain identifiers a row states (registration and contact phones, login IPs and MACs, e-mail,
 * mobile-banking devices), linked to `account` (null for 人员信息). One draft per distinct (type, value, role).
 */
export function identifiersOf<F extends string>(
  row: HeaderedRow<F>,
  columns: Partial<Readonly<Record<F, IdentifierColumn<F>>>>,
  account: AccountRef | null,
  zone: string,
  tally: WarningTally,
): IdentifierDraft[] {
  const { record } = row;
  const drafts: IdentifierDraft[] = [];
  const seen = new Set<string>();
  const raw = row.raw();
  for (const field of Object.keys(columns) as F[]) {
    const spec = columns[field];
    if (spec === undefined || !row.has(field)) continue;
    for (const value of identifierValues(spec.type, row.get(field), record.line, tally)) {
      const key = `${spec.type}|${value}|${spec.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const time = spec.timeField === undefined ? null : observedAt(row.get(spec.timeField), zone, record.sheet !== '');
      drafts.push({ type: 'identifier', sheet: record.sheet, line: record.line, raw, account, identifierType: spec.type, value, role: spec.role, observedAt: time });
    }
  }
  return drafts;
}
