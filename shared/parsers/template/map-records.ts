import type { MappingTemplate, TemplateField } from '../../domain';
import { idNumber, splitAccountNumber, textOrUndefined } from '../bank/account-number';
import type { IdentifierColumn } from '../bank/info-aliases';
import { identifiersOf } from '../bank/row-facts';
import { WarningTally } from '../bank/tally';
import type { AccountDraft, AccountRef, MapperOutput, ParseContext, PersonDraft, SourceRecord } from '../types';
import { attributesOf, rowError, templateRows } from './template-rows';

/** Account facts kept as attributes, under the names 查控 账户信息 prints them (so both kinds of source read alike). */
export const ACCOUNT_LABELS: Readonly<Partial<Record<TemplateField, string>>> = {
  idType: '开户人证件类型',
  branch: '开户网点',
  openedAt: '开户时间',
  accountStatus: '账户状态',
  balance: '账户余额',
  currency: '币种',
  phone: '开户联系方式',
};

/** The phone on an account is the one registered with it: a technology-chain identifier from the day it opened. */
const ACCOUNT_IDENTIFIERS: Partial<Readonly<Record<TemplateField, IdentifierColumn<TemplateField>>>> = {
  phone: { type: 'phone', role: 'registration', timeField: 'openedAt' },
};

export const PERSON_LABELS: Readonly<Partial<Record<TemplateField, string>>> = { phone: '联系电话', address: '地址' };

const PERSON_IDENTIFIERS: Partial<Readonly<Record<TemplateField, IdentifierColumn<TemplateField>>>> = {
  phone: { type: 'phone', role: 'contact' },
};

/**
 * An account table (账户信息-like): one AccountDraft per row keyed by the account or card number (a `_n` suffix is
 * the sub-account), with holder, ID number and bank; other columns as attributes; the registered phone as an
 * identifier linked to the account. A row without a number is rejected: it cannot be tied to any account.
 */
export async function* mapTemplateAccounts(template: MappingTemplate, records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const tally = new WarningTally();
  yield* templateRows(template, records, function* (row) {
    const { record } = row;
    const number = splitAccountNumber(row.get('account'));
    if (number.number === '') {
      yield rowError(record, 'MISSING_FIELD', `${template.columnMap.account ?? '账号'}为空，无法确定账户`);
      return;
    }
    const account: AccountRef = {
      kind: template.rules.accountKind,
      number: number.number,
      subAccount: number.subAccount,
      accountNumber: number.number,
      bankName: textOrUndefined(row.get('bank')),
      holderName: textOrUndefined(row.get('accountName')),
      holderId: idNumber(row.get('accountId')),
    };
    const draft: AccountDraft = { type: 'account', sheet: record.sheet, line: record.line, raw: row.raw(), account, attributes: attributesOf(row, template, ACCOUNT_LABELS) };
    yield draft;
    yield* identifiersOf(row, ACCOUNT_IDENTIFIERS, account, context.timeZone, tally);
  });
  yield* tally.warnings();
}

/**
 * A person table (人员信息-like): one PersonDraft per row with name, ID type and number; phone and address as
 * attributes and the phone as a contact identifier (linked to no account: the table names people). A row without
 * a name is rejected.
 */
export async function* mapTemplatePersons(template: MappingTemplate, records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const tally = new WarningTally();
  yield* templateRows(template, records, function* (row) {
    const { record } = row;
    const name = textOrUndefined(row.get('name'));
    if (name === undefined) {
      yield rowError(record, 'MISSING_FIELD', `${template.columnMap.name ?? '姓名'}为空`);
      return;
    }
    const draft: PersonDraft = {
      type: 'person',
      sheet: record.sheet,
      line: record.line,
      raw: row.raw(),
      name,
      idType: textOrUndefined(row.get('idType')),
      idNumber: idNumber(row.get('idNumber')),
      attributes: attributesOf(row, template, PERSON_LABELS),
    };
    yield draft;
    yield* identifiersOf(row, PERSON_IDENTIFIERS, null, context.timeZone, tally);
  });
  yield* tally.warnings();
}
