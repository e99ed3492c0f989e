import { foldWidth } from './fold-width';

const UID = /^2088\d{12}$/;

/** True for an Alipay user ID: 2088 followed by 12 digits. */
export function isAlipayUid(text: string): boolean {
  return UID.test(foldWidth(text).trim());
}

/**
 * One party cell of an Alipay 账户明细 (用户信息 / 交易对方信息): `2088412846264555(马尚德)` (UID + name),
 * `(中国建设银行)6217000010001234567` (bank + card), `马尚德` or an e-mail/phone login. Brackets may be
 * full-width. Every field is null when absent; `raw` keeps the cell as given.
 */
export interface AlipayParty {
  raw: string;
  uid: string | null;
  name: string | null;
  bankName: string | null;
  cardNumber: string | null;
  /** A login (phone or e-mail) when the account part is not a UID. */
  login: string | null;
}

export function parseAlipayParty(cell: string): AlipayParty {
  const raw = cell;
  const text = foldWidth(cell).trim();
  const empty: AlipayParty = { raw, uid: null, name: null, bankName: null, cardNumber: null, login: null };
  if (text === '') return empty;

  const bankFirst = /^\(([^()]+)\)\s*([\d*\s-]{4,30})$/.exec(text);
  if (bankFirst) {
    return { ...empty, bankName: (bankFirst[1] ?? '').trim(), cardNumber: (bankFirst[2] ?? '').replace(/[\s-]+/g, '') };
  }
  const accountName = /^([^()]+?)\s*\(([^()]*)\)$/.exec(text);
  const account = (accountName ? accountName[1] : text)?.trim() ?? '';
  const name = accountName ? (accountName[2] ?? '').trim() || null : null;
  if (UID.test(account)) return { ...empty, uid: account, name };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(account) || /^(?:\+?86)?1\d{10}$/.test(account.replace(/[\s-]/g, ''))) {
    return { ...empty, login: account, name };
  }
  // No recognisable account part: the whole cell is a name (or text we do not understand, kept whole).
  return { ...empty, name: text };
}
