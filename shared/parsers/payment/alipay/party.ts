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

/**
 * `2088412846264555(马尚德)`, `(中国建设银行)6217…`, `马尚德(中国建设银行)(6217…)`, a login with or without a name,
 * or a bare name. 'null' and '/' mean empty.
 */
export function splitAlipayParty(cell: string): AlipayPartyCell {
  const text = clean(cell);
  if (text === '') return {};
  const named = NAMED_BANK_CARD.exec(foldWidth(text));
  if (named && /银行|信用社|农信|农商|村镇/.test(named[2] ?? '')) {
    return { account: (named[3] ?? '').replace(/[\s-]+/g, ''), name: (named[1] ?? '').trim(), bank: (named[2] ?? '').trim() };
  }
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
