import type { AccountHit, IdentifierHit, PersonHit, SourceHit } from '@shared/domain';
import type { Db } from '../db/connection';
import { fieldsOf, HitsBuilder, inList } from './hit-query';
import type { SearchTerms } from './read-query';

/** Identifier types the importers record (shared/parsers IdentifierType): listed so the (type, value) index is used. */
const IDENTIFIER_TYPES = ['phone', 'id_card', 'email', 'ip', 'mac', 'device', 'bank_card', 'alipay_uid', 'wechat_id', 'qq'];

/** Technology-chain records — registration phones, login IPs, bound cards, contact numbers — holding the value. */
export function searchIdentifiers(db: Db, terms: SearchTerms, limit: number): { total: number; items: IdentifierHit[] } {
  if (terms.exact.length === 0) return { total: 0, items: [] };
  const rows = db
    .prepare(
      `SELECT i.id, i.type, i.value, i.role, a.id AS accountId, a.number, a.sub_account AS sub, a.holder_name AS holder,
         i.observed_utc AS observedUtc, i.observed_text AS observedText, i.source_id AS sourceId, s.rel_path AS file, i.line,
         count(*) OVER () AS total
       FROM identifier i LEFT JOIN account r ON r.id = i.account_id LEFT JOIN account a ON a.id = coalesce(r.merged_into, r.id)
         JOIN source s ON s.id = i.source_id
       WHERE i.type IN (${IDENTIFIER_TYPES.map(() => '?').join(', ')}) AND ${inList('i.value')}
       ORDER BY CASE i.role WHEN 'registration' THEN 0 ELSE 1 END, i.type, i.role, i.observed_utc, i.id
       LIMIT ?`,
    )
    .all(...IDENTIFIER_TYPES, JSON.stringify(terms.exact), limit) as (Omit<IdentifierHit, 'account'> & { number: string | null; sub: string | null; total: number })[];
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ number, sub, total: _total, ...row }) => ({ ...row, account: number === null ? null : sub ? `${number}_${sub}` : number })),
  };
}

/** Accounts whose number, card, account number, holder ID or holder name is the value. */
export function searchAccounts(db: Db, terms: SearchTerms, limit: number): { total: number; items: AccountHit[] } {
  const hits = new HitsBuilder('account', 'a');
  if (terms.exact.length > 0) {
    const exact = JSON.stringify(terms.exact);
    hits.scan('number', inList('a.number'), [exact]);
    hits.scan('cardNumber', inList('a.card_number'), [exact]);
    hits.scan('accountNumber', inList('a.account_number'), [exact]);
    hits.scan('holderId', inList('a.holder_id'), [exact]);
  }
  if (terms.text !== null) hits.scan('holderName', [...terms.text].length >= 2 ? 'instr(a.holder_name, ?) > 0' : 'a.holder_name = ?', [terms.text]);
  const query = hits.build();
  if (query === null) return { total: 0, items: [] };
  const rows = db
    .prepare(
      `WITH hits(id, field) AS (${query.sql}),
         -- a record merged into another account (a wallet's login trail) is found as that account
         resolved(id, field) AS (SELECT coalesce(r.merged_into, r.id), hits.field FROM hits JOIN account r ON r.id = hits.id),
         matched AS (SELECT id, group_concat(DISTINCT field) AS fields FROM resolved GROUP BY id)
       SELECT a.id, a.kind, a.number, a.sub_account AS subAccount, a.card_number AS cardNumber, a.account_number AS accountNumber,
         coalesce(a.bank_name, a.bank_guess) AS bankName, a.holder_name AS holderName, a.holder_id AS holderId,
         (SELECT count(*) FROM txn t WHERE t.account_id = a.id) AS txns, matched.fields, count(*) OVER () AS total
       FROM matched JOIN account a ON a.id = matched.id
       ORDER BY txns DESC, a.id
       LIMIT ?`,
    )
    .all(...query.params, limit) as (Omit<AccountHit, 'matched'> & { fields: string; total: number })[];
  return { total: rows[0]?.total ?? 0, items: rows.map(({ fields, total: _total, ...row }) => ({ ...row, matched: fieldsOf(fields) })) };
}

/** Person records (人员信息) with the name or ID number. */
export function searchPersons(db: Db, terms: SearchTerms, limit: number): { total: number; items: PersonHit[] } {
  const hits = new HitsBuilder('person', 'p');
  if (terms.exact.length > 0) hits.scan('idNumber', inList('p.id_number'), [JSON.stringify(terms.exact)]);
  if (terms.text !== null) hits.scan('name', [...terms.text].length >= 2 ? 'instr(p.name, ?) > 0' : 'p.name = ?', [terms.text]);
  const query = hits.build();
  if (query === null) return { total: 0, items: [] };
  const rows = db
    .prepare(
      `WITH hits(id, field) AS (${query.sql}), matched AS (SELECT id, group_concat(field) AS fields FROM hits GROUP BY id)
       SELECT p.id, p.name, p.id_type AS idType, p.id_number AS idNumber, p.source_id AS sourceId, s.rel_path AS file, p.line,
         matched.fields, count(*) OVER () AS total
       FROM matched JOIN person p ON p.id = matched.id JOIN source s ON s.id = p.source_id
       ORDER BY p.name, p.id
       LIMIT ?`,
    )
    .all(...query.params, limit) as (Omit<PersonHit, 'matched'> & { fields: string; total: number })[];
  return { total: rows[0]?.total ?? 0, items: rows.map(({ fields, total: _total, ...row }) => ({ ...row, matched: fieldsOf(fields) })) };
}

/** Imported files whose name or path holds the text, or whose SHA-256 or SM3 starts with the hex given. */
export function searchSources(db: Db, terms: SearchTerms, limit: number): { total: number; items: SourceHit[] } {
  const hits = new HitsBuilder('source', 's');
  for (const needle of terms.contains) hits.scan('fileName', 'instr(lower(s.rel_path), ?) > 0', [needle.toLowerCase()]);
  if (terms.hashPrefix !== null) {
    hits.scan('sha256', 'substr(s.sha256, 1, ?) = ?', [terms.hashPrefix.length, terms.hashPrefix]);
    hits.scan('sm3', 'substr(s.sm3, 1, ?) = ?', [terms.hashPrefix.length, terms.hashPrefix]);
  }
  const query = hits.build();
  if (query === null) return { total: 0, items: [] };
  const rows = db
    .prepare(
      `WITH hits(id, field) AS (${query.sql}), matched AS (SELECT id, group_concat(field) AS fields FROM hits GROUP BY id)
       SELECT s.id, s.file_name AS fileName, s.rel_path AS relPath, s.sha256, s.sm3, s.kind, s.imported_at AS importedAt,
         matched.fields, count(*) OVER () AS total
       FROM matched JOIN source s ON s.id = matched.id
       ORDER BY s.rel_path, s.id
       LIMIT ?`,
    )
    .all(...query.params, limit) as (Omit<SourceHit, 'matched'> & { fields: string; total: number })[];
  return { total: rows[0]?.total ?? 0, items: rows.map(({ fields, total: _total, ...row }) => ({ ...row, matched: fieldsOf(fields) })) };
}
