/**
 * What the names in a 查控 package say: files are `<银行名称>交易明细信息.csv`, `…账户信息.csv`, `…人员信息.csv`,
 * `…子账户信息.csv` inside a folder per request (请求号) or per responding bank (反馈单位) (DOMAIN.md §1.1).
 */

export type BankFileKind = 'transactions' | 'accounts' | 'persons' | 'subaccounts';

const KIND_WORDS: readonly (readonly [RegExp, BankFileKind])[] = [
  // 子账户信息 first: it also contains 账户信息
  [/子账户信息/, 'subaccounts'],
  [/交易明细(?:信息)?/, 'transactions'],
  [/人员信息/, 'persons'],
  [/账户信息|开户信息/, 'accounts'],
];

const BANK_WORDS = /银行|信用社|信用合作|农商|农信|邮政|储蓄|bank/i;

function baseName(fileName: string): string {
  const name = fileName.split('/').pop() ?? fileName;
  return name.replace(/\.[^.]*$/, '');
}

/** The table a file name announces, with the word that announced it. */
export function kindFromFileName(fileName: string): { kind: BankFileKind; word: string } | null {
  const base = baseName(fileName);
  for (const [pattern, kind] of KIND_WORDS) {
    const word = pattern.exec(base)?.[0];
    if (word !== undefined) return { kind, word };
  }
  return null;
}

/**
 * The responding bank when no column names it: the file-name prefix before 交易明细信息/账户信息/…, else the
 * parent folder (some tools file returns under 反馈单位). Only names that look like a bank are taken.
 */
export function bankNameFromPath(fileName: string, relPath: string): string | undefined {
  const base = baseName(fileName);
  const prefix = /^(.+?)(?:交易明细信息|交易明细|子账户信息|账户信息|开户信息|人员信息)/.exec(base)?.[1];
  const cleaned = prefix?.replace(/^[\s_\-—]+|[\s_\-—]+$/g, '');
  if (cleaned && BANK_WORDS.test(cleaned)) return cleaned;
  const segments = relPath.split('/').filter((segment) => segment !== '');
  const parent = segments.length >= 2 ? segments[segments.length - 2] : undefined;
  if (parent !== undefined && BANK_WORDS.test(parent)) return parent;
  return undefined;
}
