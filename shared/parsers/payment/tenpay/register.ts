import { foldWidth } from '../../../ids/index';
import { normaliseHeader, mapTabular } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountDraft, AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { clean, opt, rowError } from '../common/cells';
import { detectPayment } from '../common/detect';
import { IdentifierCollector } from '../common/identifiers';
import { readOptionalTime, timeKeptAsText } from '../common/times';

/**
 * TenpayRegInfo.txt: the 财付通 account's real-name registration, one row per bound bank card (账户状态, 账号, 注册姓名,
 * 注册时间, 注册身份证号, 绑定手机, 绑定状态, 开户行信息, 银行账号).
 */

type Field = 'status' | 'account' | 'name' | 'regTime' | 'idNo' | 'phone' | 'bindStatus' | 'bankInfo' | 'bankAccount';

const ALIASES: Aliases<Field> = {
  status: ['账户状态'],
  account: ['账号', '用户ID', '微信号'],
  name: ['注册姓名'],
  regTime: ['注册时间'],
  idNo: ['注册身份证号', '身份证号'],
  phone: ['绑定手机', '绑定手机号'],
  bindStatus: ['绑定状态'],
  bankInfo: ['开户行信息'],
  bankAccount: ['银行账号', '银行卡号'],
};
const REQUIRED: readonly Field[] = ['account', 'name', 'idNo'];
const IN_REF = new Set<Field>(['account', 'name', 'idNo']);

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const ids = new IdentifierCollector();
  return mapTabular(
    records,
    ALIASES,
    REQUIRED,
    (row) => {
      // a repeated header or a section title (注销信息 …) between blocks is not an account row
      if (normaliseHeader(row.get('name')) === normaliseHeader('注册姓名')) return [];
      if (row.record.cells.filter((cell) => clean(cell) !== '').length === 1 && clean(row.get('account')) === '') return [];
      return mapRow(row, ids, context);
    },
    'TenpayRegInfo：未找到表头（需要“账号”“注册姓名”“注册身份证号”列），文件未导入任何行',
  );
}

/** 账号 is required: rows of later sections (注销信息 …) describe other accounts than the folder's. */
function* mapRow(row: HeaderedRow<Field>, ids: IdentifierCollector, context: ParseContext): Iterable<MapperOutput> {
  const record = row.record;
  const number = clean(row.get('account'));
  if (number === '') {
    yield rowError(record, 'MISSING_FIELD', '账号为空');
    return;
  }
  const raw = row.raw();
  const idNo = clean(row.get('idNo'));
  const account: AccountRef = { kind: 'tenpay', number, subAccount: '', holderName: opt(row.get('name')) };
  if (idNo !== '') account.holderId = foldWidth(idNo).toUpperCase();
  const regTime = readOptionalTime(record, '注册时间', row.get('regTime'), context);
  if (regTime !== null && !regTime.ok) yield timeKeptAsText(regTime.error);
  const attributes: Record<string, string> = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    if (IN_REF.has(field) || !row.has(field)) continue;
    const value = clean(row.get(field));
    if (value !== '') attributes[ALIASES[field][0] ?? field] = value;
  }
  const draft: AccountDraft = { type: 'account', sheet: record.sheet, line: record.line, raw, account, attributes };
  yield draft;
  const registeredAt = regTime?.ok ? regTime.instant : null;
  const made = [
    ids.make(record, raw, account, 'id_card', idNo, 'registration', registeredAt),
    ids.make(record, raw, account, 'phone', row.get('phone'), 'bound-phone'),
    ids.make(record, raw, account, 'bank_card', row.get('bankAccount'), 'bound-card'),
  ];
  for (const identifier of made) if (identifier !== null) yield identifier;
}

export const tenpayRegister: FormatSpec = {
  id: 'tenpay.register',
  version: 1,
  name: { zh: '财付通注册信息（TenpayRegInfo）', en: 'Tenpay registration information, police return' },
  kind: 'registrations',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, { aliases: ALIASES, required: REQUIRED, label: '财付通注册信息 TenpayRegInfo', nameHints: [/TenpayRegInfo/i, /财付通.*注册/] }),
  mapRows,
};
