import type { TFunction } from 'i18next';
import { AppError } from '@shared/api';
import type { ItemRef, TagBrief } from '@shared/domain';

/**
 * A tag's name in the UI language: typology presets are stored in Chinese and carry an English label; a free tag
 * is the investigator's own words in any language.
 */
export function tagName(tag: TagBrief, language: string): string {
  return language.startsWith('zh') || tag.nameEn === null ? tag.name : tag.nameEn;
}

/** The other language's name of a preset (shown small beside it), or null. */
export function tagAltName(tag: TagBrief, language: string): string | null {
  if (tag.nameEn === null) return null;
  return language.startsWith('zh') ? tag.nameEn : tag.name;
}

const PROBLEMS = ['tag-exists', 'preset', 'missing-items', 'no-such-tag'] as const;

/** A tagging refusal in the investigator's words (by the backend's `details.reason`), or null for other errors. */
export function tagProblem(error: unknown, t: TFunction): string | null {
  if (!(error instanceof AppError)) return null;
  const reason = error.details?.reason;
  return typeof reason === 'string' && (PROBLEMS as readonly string[]).includes(reason) ? t(`review.problems.${reason as (typeof PROBLEMS)[number]}`) : null;
}

/**
 * Where an item opens: transactions and accounts in the transactions workbench, messages in the chat screen,
 * findings in the findings page; persons have no page of their own yet.
 */
export function itemHref(item: ItemRef): string | null {
  switch (item.type) {
    case 'txn':
      return `#/transactions?txn=${item.id}`;
    case 'message':
      return `#/chats?message=${item.id}`;
    case 'account':
      return `#/transactions?account=${item.id}`;
    case 'finding':
      return `#/findings?finding=${item.id}`;
    default:
      return null;
  }
}
