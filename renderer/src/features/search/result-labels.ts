import type { TFunction } from 'i18next';
import type { SearchReading } from '@shared/domain';
import { formatMoney } from '../../components/format';
import { mentionLabel } from '../chats/chat-labels';

const FIELDS = [
  'ownAccount', 'ownHolder', 'cpAccount', 'cpName', 'cpId', 'txnNo', 'logNo', 'ip', 'mac', 'summary', 'memo', 'amount', 'text',
  'number', 'cardNumber', 'accountNumber', 'holderName', 'holderId', 'name', 'idNumber', 'fileName', 'sha256', 'sm3',
] as const;
type Field = (typeof FIELDS)[number];

const ROLES = ['registration', 'login', 'bound-card', 'unbound-card', 'bound-phone', 'bank-reserved-phone', 'bank-card-holder', 'contact', 'queried', 'agent'] as const;
type Role = (typeof ROLES)[number];

const IDENTIFIER_TYPES = ['phone', 'id_card', 'email', 'ip', 'mac', 'device', 'bank_card', 'alipay_uid', 'wechat_id', 'qq'] as const;
type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Where a value matched, in the investigator's words: 对手账卡号, 消息中写到的手机号 …; unknown fields as written. */
export function fieldLabel(t: TFunction, field: string): string {
  if (field.startsWith('mention:')) return t('review.search.fields.mention', { kind: mentionLabel(t, field.slice('mention:'.length)) });
  return isOneOf(FIELDS, field) ? t(`review.search.fields.${field satisfies Field}`) : field;
}

export function roleLabel(t: TFunction, role: string): string {
  return isOneOf(ROLES, role) ? t(`review.search.roles.${role satisfies Role}`) : role;
}

export function identifierTypeLabel(t: TFunction, type: string): string {
  return isOneOf(IDENTIFIER_TYPES, type) ? t(`identifierTypes.${type satisfies IdentifierType}`) : type;
}

/** 手机号 13812345678, 金额 ¥ 5,000.00, 名称/文字 “王小红”. */
export function readingLabel(t: TFunction, reading: SearchReading): string {
  const kind = t(`review.search.readings.${reading.kind}`);
  if (reading.kind === 'amount' && reading.amountMinor !== null) return `${kind} ${formatMoney(reading.amountMinor, reading.currency ?? 'CNY')}`;
  return `${kind} ${reading.value}`;
}
