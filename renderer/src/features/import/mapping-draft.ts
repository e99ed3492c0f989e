import type { TFunction } from 'i18next';
import type { ColumnMap, MappingRules, TemplateField, TemplateKind } from '@shared/domain';
import { DATE_FORMS, TEMPLATE_KINDS } from '@shared/api';
import { TEMPLATE_KIND_FIELDS } from '@shared/parsers/template/fields';

export { DATE_FORMS, TEMPLATE_KIND_FIELDS, TEMPLATE_KINDS };
export type { TemplateField, TemplateKind };

/** The header of a preview: the first row with the most filled cells (title rows above a table have one or two). */
export function headerCells(preview: readonly (readonly string[])[]): string[] {
  let best: readonly string[] = [];
  let bestFilled = 0;
  for (const row of preview) {
    const filled = row.filter((cell) => cell.trim() !== '').length;
    if (filled > bestFilled) {
      best = row;
      bestFilled = filled;
    }
  }
  return best.map((cell) => cell.trim()).filter((cell) => cell !== '');
}

/** Rules that fit a suggested mapping: split columns when debit or credit was found, a flag column when a direction was. */
export function defaultRules(map: ColumnMap): MappingRules {
  const amountConvention = map.debit !== undefined || map.credit !== undefined ? 'split' : map.direction !== undefined ? 'flag' : 'signed';
  return { amountConvention, dateForm: 'auto', inWords: [], outWords: [], currency: 'CNY', grade: 'self-provided', accountKind: 'bank' };
}

/** `进账, 入` → ['进账', '入']: the words of a direction field, split on commas and spaces. */
export function splitWords(text: string): string[] {
  return text
    .split(/[,，、\s]+/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/** The map without unmapped fields (a select left on “不映射”). */
export function withField(map: ColumnMap, field: TemplateField, header: string): ColumnMap {
  const next: ColumnMap = { ...map };
  if (header === '') delete next[field];
  else next[field] = header;
  return next;
}

/** A field's name in the words of its kind of table: 账号/卡号 in an account list, 发送时间 in a chat table. */
export function fieldLabel(t: TFunction, kind: TemplateKind, field: TemplateField): string {
  if (kind === 'accounts' && (field === 'account' || field === 'accountName' || field === 'balance')) return t(`mapping.accountField.${field}`);
  if (kind === 'messages' && (field === 'time' || field === 'date' || field === 'timeOfDay')) return t(`mapping.messageField.${field}`);
  return t(`mapping.field.${field}`);
}
