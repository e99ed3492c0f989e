import type { MappingTemplateDraft, TemplateField, TemplateKind } from '../../domain';
import { normaliseHeader } from '../tabular';
import type { SourceKind } from '../types';

/** The fields a template of each kind can fill, in the order the mapping screen shows them. */
export const TEMPLATE_KIND_FIELDS: Readonly<Record<TemplateKind, readonly TemplateField[]>> = {
  transactions: [
    'account',
    'accountName',
    'accountId',
    'time',
    'date',
    'timeOfDay',
    'amount',
    'debit',
    'credit',
    'direction',
    'balance',
    'currency',
    'counterpartyAccount',
    'counterpartyName',
    'counterpartyBank',
    'summary',
    'channel',
    'succeeded',
    'txnNo',
  ],
  accounts: ['account', 'accountName', 'accountId', 'idType', 'bank', 'branch', 'openedAt', 'accountStatus', 'balance', 'currency', 'phone'],
  persons: ['name', 'idType', 'idNumber', 'phone', 'address'],
  messages: ['conversation', 'conversationTitle', 'senderId', 'senderName', 'time', 'date', 'timeOfDay', 'text', 'messageType'],
};

/** The import-source kind a template's rows are stored as. */
export const SOURCE_KIND_OF: Readonly<Record<TemplateKind, SourceKind>> = {
  transactions: 'transactions',
  accounts: 'accounts',
  persons: 'persons',
  messages: 'messages',
};

/**
 * Why a draft could never yield a row of its kind (empty when it can). Checked when a template is saved or
 * previewed, so a mapping that cannot work is refused on the mapping screen, not discovered at import.
 */
export function templateProblems(draft: MappingTemplateDraft): string[] {
  const map = draft.columnMap;
  const problems: string[] = [];
  const allowed = new Set<TemplateField>(TEMPLATE_KIND_FIELDS[draft.kind]);
  const foreign = (Object.keys(map) as TemplateField[]).filter((field) => map[field] !== undefined && !allowed.has(field));
  if (foreign.length > 0) problems.push(`fields that do not belong to a ${draft.kind} table are mapped: ${foreign.join(', ')}`);
  switch (draft.kind) {
    case 'transactions': {
      if (!map.account) problems.push('the account column (账号/卡号) is not mapped');
      if (!map.time && !map.date) problems.push('neither a time nor a date column is mapped');
      const convention = draft.rules.amountConvention;
      if (convention === 'split' && !map.debit && !map.credit) problems.push('split amounts need a debit or a credit column');
      if (convention !== 'split' && !map.amount) problems.push('the amount column is not mapped');
      if (convention === 'flag' && !map.direction) problems.push('flag amounts need a direction column');
      break;
    }
    case 'accounts':
      if (!map.account) problems.push('the account column (账号/卡号) is not mapped');
      break;
    case 'persons':
      if (!map.name) problems.push('the name column (姓名/名称) is not mapped');
      break;
    case 'messages':
      if (!map.time && !map.date) problems.push('neither a time nor a date column is mapped');
      if (!map.text) problems.push('the message text column (内容) is not mapped');
      break;
  }
  const headers = Object.values(map).map((header) => normaliseHeader(header ?? ''));
  if (new Set(headers).size !== headers.length) problems.push('one column is mapped to two fields');
  const signature = new Set(draft.headerSignature.map(normaliseHeader));
  const absent = headers.filter((header) => !signature.has(header));
  if (absent.length > 0) problems.push(`mapped columns missing from the header: ${absent.join(', ')}`);
  return problems;
}
