import { foldWidth, parseAlipayParty } from '../../../ids/index';
import { clean } from '../common/cells';

/** One 用户信息/交易对方信息/账户/对方帐户 cell of an Alipay return, split. */
export interface AlipayPartyCell {
  /** UID, login (phone/e-mail) or bank card: the number rows are keyed by */
  account?: string;
  uid?: string;
  name?: string;
  bank?: string;
}

/** `马尚德(中国建设银行)(6217000010001234567)`: a named bank card, which shared/ids does not split. */
const NAMED_BANK_CARD = /^(.+?)\s*\(([^()]+)\)\s*\(([\d*\s-]{4,30})\)$/;
/** `outside(inside)`, for the orders shared/ids does not read: `马尚德(2088…)`, `中国建设银行(6217…)`. */
const OUTSIDE_INSIDE = /^([^()]+?)\s*\(([^()]+)\)$/;
const BANK_WORDS = /银行|信用社|农信|农商|村镇/;

/**
 * The account in brackets after the name: `马尚德(2088412846264555)`, `马尚德(13800138000)`, `中国建设银行(6217…)`
 * (交易对方 printed as “name(account)”). Null when the bracket holds no UID, login or card number, or when the part
 * before it is itself one (the usual `2088…(马尚德)`, left to shared/ids).
 */
function reversedParty(text: string): AlipayPartyCell | null {
  const m = OUTSIDE_INSIDE.exec(text);
  if (m === null) return null;
  const outside = (m[1] ?? '').trim();
  const inside = parseAlipayParty(m[2] ?? '');
  if (parseAlipayParty(outside).name !== outside) return null;
  const card = /^[\d*\s-]{12,30}$/.test(m[2] ?? '') ? (m[2] ?? '').replace(/[\s-]+/g, '') : null;
  if (card !== null && BANK_WORDS.test(outside)) return { account: card, bank: outside };
  if (inside.uid !== null) return { account: inside.uid, uid: inside.uid, name: outside };
  if (inside.login !== null) return { account: inside.login, name: outside };
  return null;
}

/**
 * `2088412846264555(马尚德)`, `马尚德(2088412846264555)`, `(中国建设银行)6217…`, `中国建设银行(6217…)`,
 * `马尚德(中国建设银行)(6217…)`, a login with or without a name, or a bare name. 'null' and '/' mean empty.
 */
export function splitAlipayParty(cell: string): AlipayPartyCell {
  const text = clean(cell);
  if (text === '') return {};
  const named = NAMED_BANK_CARD.exec(foldWidth(text));
  if (named && BANK_WORDS.test(named[2] ?? '')) {
    return { account: (named[3] ?? '').replace(/[\s-]+/g, ''), name: (named[1] ?? '').trim(), bank: (named[2] ?? '').trim() };
  }
  const reversed = reversedParty(foldWidth(text));
  if (reversed !== null) return reversed;
  const party = parseAlipayParty(text);
  const out: AlipayPartyCell = {};
  if (party.uid !== null) {
    out.uid = party.uid;
    out.account = party.uid;
  } else if (party.cardNumber !== null) {
    out.account = party.cardNumber;
  } else if (party.login !== null) {
    out.account = party.login;
  }
  if (party.name !== null) out.name = party.name;
  if (party.bankName !== null) out.bank = party.bankName;
  return out;
}
