import { foldWidth } from './fold-width';

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领';
const LETTERS = 'A-HJ-NP-Z'; // no I or O

/** Regex sources, shared with the extractor: the head (province + authority letter) and the two tails. */
export const PLATE_HEAD_SOURCE = `[${PROVINCES}][A-Z]`;
export const PLATE_NEW_ENERGY_TAIL_SOURCE = `(?:[0-9]{5}[DF]|[DF][${LETTERS}0-9][0-9]{4})`;
export const PLATE_ORDINARY_TAIL_SOURCE = `[${LETTERS}0-9]{4}[${LETTERS}0-9挂学警港澳]`;

const NEW_ENERGY = new RegExp(`^${PLATE_HEAD_SOURCE}${PLATE_NEW_ENERGY_TAIL_SOURCE}$`);
const ORDINARY = new RegExp(`^${PLATE_HEAD_SOURCE}${PLATE_ORDINARY_TAIL_SOURCE}$`);

export interface PlateInfo {
  normalized: string;
  kind: 'new-energy' | 'ordinary';
  province: string;
}

/**
 * Normalises a mainland licence plate (GA 36-2018): upper case, the separator after the issuing-authority letter
 * (`·`, `•`, `.`, space, `-`) removed. New-energy plates are 8 characters (D/F marks battery/hybrid).
 */
export function normalisePlate(text: string): PlateInfo | null {
  const t = foldWidth(text).trim().toUpperCase();
  const compact = t.length >= 3 ? t.slice(0, 2) + t.slice(2).replace(/^[·•.\s-]/, '') : t;
  const province = compact[0] ?? '';
  if (NEW_ENERGY.test(compact)) return { normalized: compact, kind: 'new-energy', province };
  if (ORDINARY.test(compact)) return { normalized: compact, kind: 'ordinary', province };
  return null;
}
