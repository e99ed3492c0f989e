import { rowsAfterHeader } from '../tabular';
import type { AccountDraft, MapperOutput, ParseContext, RowError, SourceRecord } from '../types';
import { bankAccountRef, idNumber, splitAccountNumber, textOrUndefined } from './account-number';
import { bankNameFromPath } from './file-name';
import { ACCOUNT_ALIASES, ACCOUNT_IDENTIFIERS, SUBACCOUNT_ALIASES } from './info-aliases';
import { NumberChecks } from './number-checks';
import type { AccountField, SubaccountField } from './info-aliases';
import { attributesOf, identifiersOf } from './row-facts';
import { WarningTally } from './tally';

const ACCOUNT_REF_FIELDS: readonly AccountField[] = ['holderName', 'holderId', 'card', 'account', 'bank'];

/**
 * 账户信息 rows → one AccountDraft each (holder, bank, and every other column as an attribute: 开户时间, 账户状态,
 * 开户网点, 账户余额, 销户日期 …) plus IdentifierDrafts for the technology chain it states: 开户联系方式 (the phone
 * registered with the bank), 联系电话, 最后登录IP, 手机银行/网银 phones and IPs, e-mail.
 */
export async function* mapAccounts(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const fileBank = bankNameFromPath(context.fileName, context.relPath);
  const tally = new WarningTally();
  const numbers = new NumberChecks(tally);
  let headerMissing = false;
  for await (const row of rowsAfterHeader<AccountField>(records, ACCOUNT_ALIASES, ['holderName'], () => (headerMissing = true))) {
    const { record } = row;
    const cardDamage = numbers.check(row.get('card'), record.line, true);
    const accountDamage = numbers.check(row.get('account'), record.line, false);
    const account = bankAccountRef({
      card: row.get('card'),
      account: row.get('account'),
      bankName: row.firstOf('bank', textOrUndefined) ?? fileBank,
      holderName: row.firstOf('holderName', textOrUndefined),
      holderId: row.firstOf('holderId', idNumber),
    });
    if (account === null) {
      const damaged = cardDamage === 'exponent' || accountDamage === 'exponent';
      yield missing(record, damaged ? '交易卡号/交易账号被 Excel 改成了科学计数法，原号码已无法恢复，无法确定账户' : '交易卡号和交易账号都为空，无法确定账户');
      continue;
    }
    const draft: AccountDraft = {
      type: 'account',
      sheet: record.sheet,
      line: record.line,
      raw: row.raw(),
      account,
      attributes: attributesOf(row, ACCOUNT_ALIASES, ACCOUNT_REF_FIELDS),
    };
    yield draft;
    yield* identifiersOf(row, ACCOUNT_IDENTIFIERS, account, context.timeZone, tally);
  }
  if (headerMissing) yield { type: 'warning', code: 'HEADER_NOT_FOUND', message: '前 30 行中未找到账户信息表头（需要“账户开户名称”列），文件未导入任何行' };
  yield* tally.warnings();
}

const SUBACCOUNT_REF_FIELDS: readonly SubaccountField[] = ['card', 'account', 'holderName', 'holderId', 'bank'];

/**
 * 子账户信息 rows → AccountDrafts keyed by the parent account (交易卡号, else 交易账号/开户账号) with `subAccount` set:
 * the `_n` suffix when 子账户账号 carries one (so it meets the `_n` of 交易明细 rows), else 子账户序号, else the
 * 子账户账号 itself. Without a parent number the 子账户账号's base number stands in for it (so `X_2` is sub-account 2 of
 * X) rather than the row being lost. 子账户账号, 子账户类别, 余额 … stay as attributes.
 */
export async function* mapSubaccounts(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const fileBank = bankNameFromPath(context.fileName, context.relPath);
  let headerMissing = false;
  for await (const row of rowsAfterHeader<SubaccountField>(records, SUBACCOUNT_ALIASES, ['subNumber'], () => (headerMissing = true))) {
    const { record } = row;
    const sub = splitAccountNumber(row.get('subNumber'));
    const seq = splitAccountNumber(row.get('subSeq')).number;
    const parent = bankAccountRef({
      card: row.get('card'),
      account: row.get('account'),
      fallback: row.get('subNumber'),
      bankName: row.firstOf('bank', textOrUndefined) ?? fileBank,
      holderName: row.firstOf('holderName', textOrUndefined),
      holderId: row.firstOf('holderId', idNumber),
    });
    const subAccount = sub.subAccount || seq || sub.number;
    if (parent === null || subAccount === '') {
      yield missing(record, '子账户账号和主账户（交易卡号/交易账号）都为空');
      continue;
    }
    const draft: AccountDraft = {
      type: 'account',
      sheet: record.sheet,
      line: record.line,
      raw: row.raw(),
      account: { ...parent, subAccount },
      attributes: attributesOf(row, SUBACCOUNT_ALIASES, SUBACCOUNT_REF_FIELDS),
    };
    yield draft;
  }
  if (headerMissing) yield { type: 'warning', code: 'HEADER_NOT_FOUND', message: '前 30 行中未找到子账户信息表头（需要“子账户账号”列），文件未导入任何行' };
}

function missing(record: SourceRecord, message: string): RowError {
  return { type: 'error', sheet: record.sheet, line: record.line, code: 'MISSING_FIELD', message };
}
