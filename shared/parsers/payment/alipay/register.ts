import { foldWidth } from '../../../ids/index';
import { mapTabular } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountDraft, AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { clean, opt, rowError } from '../common/cells';
import { detectPayment } from '../common/detect';
import { IdentifierCollector } from '../common/identifiers';
import { readOptionalTime, timeKeptAsText } from '../common/times';

type Field =
  | 'uid'
  | 'email'
  | 'loginPhone'
  | 'name'
  | 'idType'
  | 'idNo'
  | 'balance'
  | 'boundPhone'
  | 'regTime'
  | 'regIp'
  | 'cards'
  | 'linked'
  | 'memo'
  | 'queried';

const ALIASES: Aliases<Field> = {
  uid: ['用户ID', '支付宝用户ID'],
  email: ['登录邮箱', '登陆邮箱'],
  loginPhone: ['登录手机', '登陆手机'],
  name: ['账户名称', '账户名'],
  idType: ['证件类型'],
  idNo: ['证件号', '证件号码'],
  balance: ['可用余额'],
  boundPhone: ['绑定手机', '绑定手机号'],
  regTime: ['注册时间'],
  regIp: ['注册时IP', '注册IP'],
  cards: ['绑定银行卡'],
  linked: ['关联账户'],
  memo: ['备注'],
  queried: ['对应的协查数据'],
};
const REQUIRED: readonly Field[] = ['uid', 'name', 'regTime'];

/** Fields that live in AccountRef rather than in attributes. */
const IN_REF = new Set<Field>(['uid', 'name', 'idNo']);

/** `借记卡:COMM:6222…;信用卡:CCB:4367…;` → the card numbers with their type and bank code. */
export function splitBoundCards(text: string): { cardType: string; bankCode: string; number: string }[] {
  return foldWidth(clean(text))
    // entries end at ; or , (or at a space before the next card type); spaces inside a card number stay
    .split(/[;；,，]+|\s+(?=[^\d\s*])/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const parts = entry.split(/[:：]/).map((part) => part.trim());
      const number = (parts[parts.length - 1] ?? '').replace(/[\s-]+/g, '');
      return { cardType: parts.length >= 3 ? (parts[0] ?? '') : '', bankCode: parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '', number };
    })
    .filter((card) => /^[\d*]{8,30}$/.test(card.number));
}

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const ids = new IdentifierCollector();
  return mapTabular(records, ALIASES, REQUIRED, (row) => mapRow(row, ids, context), '注册信息：未找到表头（需要“用户ID”“账户名称”“注册时间”列），文件未导入任何行');
}

function* mapRow(row: HeaderedRow<Field>, ids: IdentifierCollector, context: ParseContext): Iterable<MapperOutput> {
  const record = row.record;
  const uid = clean(row.get('uid'));
  if (uid === '') {
    yield rowError(record, 'MISSING_FIELD', '用户ID为空');
    return;
  }
  const raw = row.raw();
  const account: AccountRef = { kind: 'alipay', number: uid, subAccount: '', holderName: opt(row.get('name')) };
  const idNo = clean(row.get('idNo'));
  if (idNo !== '') account.holderId = foldWidth(idNo).toUpperCase();
  const regTime = readOptionalTime(record, '注册时间', row.get('regTime'), context);
  if (regTime !== null && !regTime.ok) yield timeKeptAsText(regTime.error);
  const registeredAt = regTime?.ok ? regTime.instant : null;

  const attributes: Record<string, string> = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    if (IN_REF.has(field) || !row.has(field)) continue;
    const value = clean(row.get(field));
    if (value !== '') attributes[ALIASES[field][0] ?? field] = value;
  }
  const draft: AccountDraft = { type: 'account', sheet: record.sheet, line: record.line, raw, account, attributes };
  yield draft;

  const made = [
    ids.make(record, raw, account, 'phone', row.get('loginPhone'), 'login'),
    ids.make(record, raw, account, 'email', row.get('email'), 'login'),
    ids.make(record, raw, account, 'phone', row.get('boundPhone'), 'bound-phone'),
    ids.make(record, raw, account, 'id_card', idNo, 'registration', registeredAt),
    ids.make(record, raw, account, 'ip', row.get('regIp'), 'registration', registeredAt),
    ...splitBoundCards(row.get('cards')).map((card) => ids.make(record, raw, account, 'bank_card', card.number, 'bound-card')),
    ...(clean(row.get('linked')).match(/2088\d{12}/g) ?? []).map((linked) => ids.make(record, raw, account, 'alipay_uid', linked, 'linked-account')),
  ];
  for (const identifier of made) if (identifier !== null) yield identifier;
}

export const alipayRegister: FormatSpec = {
  id: 'alipay.register',
  version: 1,
  name: { zh: '支付宝注册信息', en: 'Alipay registration information' },
  kind: 'registrations',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, { aliases: ALIASES, required: REQUIRED, label: '支付宝注册信息', nameHints: [/注册信息/, /alipay.*reg/i] }),
  mapRows,
};
