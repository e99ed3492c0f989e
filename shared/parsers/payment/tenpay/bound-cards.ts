import { normaliseHeader, mapTabular } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { clean, rowError } from '../common/cells';
import { detectPayment } from '../common/detect';
import { IdentifierCollector, normaliseIdentifier } from '../common/identifiers';
import { readOptionalTime, timeKeptAsText } from '../common/times';
import { tenpayPathFacts } from './path';

/**
 * 绑卡历史 (Tenpay bound-card history): 账号, 银行卡号, 银行名称, 证件号, 证件类型, 手机号, 绑定状态, 绑定时间, 解绑时间.
 * Each card becomes a 'bound-card' identifier observed at 绑定时间 and, when 解绑时间 is filled, an 'unbound-card'
 * identifier observed then; the bank-reserved phone and the card holder's ID number are kept as identifiers too.
 */

type Field = 'account' | 'card' | 'bank' | 'idNo' | 'idType' | 'phone' | 'status' | 'bindTime' | 'unbindTime';

const ALIASES: Aliases<Field> = {
  account: ['账号', '用户ID', '微信号'],
  card: ['银行卡号', '银行账号'],
  bank: ['银行名称', '开户行信息'],
  idNo: ['证件号', '证件号码'],
  idType: ['证件类型'],
  phone: ['手机号', '预留手机号', '银行预留手机号'],
  status: ['绑定状态'],
  bindTime: ['绑定时间'],
  unbindTime: ['解绑时间'],
};
const REQUIRED: readonly Field[] = ['account', 'card', 'bindTime'];

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const ids = new IdentifierCollector();
  const facts = tenpayPathFacts(context.relPath);
  return mapTabular(
    records,
    ALIASES,
    REQUIRED,
    // a repeated header line is not a card
    (row) => (normaliseHeader(row.get('card')) === normaliseHeader('银行卡号') ? [] : mapRow(row, ids, facts.accountDir, context)),
    '绑卡历史：未找到表头（需要“账号”“银行卡号”“绑定时间”列），文件未导入任何行',
  );
}

function* mapRow(row: HeaderedRow<Field>, ids: IdentifierCollector, accountDir: string | undefined, context: ParseContext): Iterable<MapperOutput> {
  const record = row.record;
  const number = clean(row.get('account')) || accountDir || '';
  if (number === '') {
    yield rowError(record, 'MISSING_FIELD', '账号为空');
    return;
  }
  const cardText = clean(row.get('card'));
  if (cardText === '') {
    yield rowError(record, 'MISSING_FIELD', '银行卡号为空');
    return;
  }
  if (normaliseIdentifier('bank_card', cardText) === null) {
    yield rowError(record, 'BAD_ROW', `银行卡号“${cardText}”不是卡号或账号`);
    return;
  }
  const bound = readOptionalTime(record, '绑定时间', row.get('bindTime'), context);
  const unbound = readOptionalTime(record, '解绑时间', row.get('unbindTime'), context);
  // the binding is the fact; an unreadable time is warned about and left out
  if (bound !== null && !bound.ok) yield timeKeptAsText(bound.error);
  if (unbound !== null && !unbound.ok) yield timeKeptAsText(unbound.error);
  const raw = row.raw();
  const account: AccountRef = { kind: 'tenpay', number, subAccount: '' };
  const made = [
    ids.make(record, raw, account, 'bank_card', cardText, 'bound-card', bound?.ok ? bound.instant : null),
    unbound === null ? null : ids.make(record, raw, account, 'bank_card', cardText, 'unbound-card', unbound.ok ? unbound.instant : null),
    ids.make(record, raw, account, 'phone', row.get('phone'), 'bank-reserved-phone'),
    ids.make(record, raw, account, 'id_card', row.get('idNo'), 'bank-card-holder'),
  ];
  for (const identifier of made) if (identifier !== null) yield identifier;
}

export const tenpayBoundCards: FormatSpec = {
  id: 'tenpay.bound-cards',
  version: 1,
  name: { zh: '财付通绑卡历史', en: 'Tenpay bound-card history, police return' },
  kind: 'bound-cards',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, { aliases: ALIASES, required: REQUIRED, label: '财付通绑卡历史', nameHints: [/绑卡/, /bindcard|cardbind|bankcard/i] }),
  mapRows,
};
