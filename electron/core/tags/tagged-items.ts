import type { ItemType, TaggedItem } from '@shared/domain';
import { resolvedName } from '../chats/chat-queries';
import type { Db } from '../db/connection';
import { getTag } from './tag-store';

/** What a one-line description of an item needs, before the link's own facts are added. */
type Description = Pick<TaggedItem, 'utcMs' | 'timeText' | 'title' | 'titleEn' | 'subtitle' | 'detail' | 'context' | 'amountMinor' | 'currency' | 'direction'>;

const SNIPPET_CHARS = 120;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

const nonEmpty = (...parts: (string | null)[]): string | null => {
  const kept = parts.filter((part): part is string => part !== null && part.trim() !== '');
  return kept.length > 0 ? kept.join(' ') : null;
};

const accountLabel = (number: string, sub: string): string => (sub ? `${number}_${sub}` : number);

/** Per type: the descriptions of the given ids (one query each). */
const DESCRIBE: Record<ItemType, (db: Db, json: string) => Map<number, Description>> = {
  txn(db, json) {
    const rows = db
      .prepare(
        `SELECT t.id, t.ts_utc AS utcMs, t.ts_text AS timeText, t.amount_minor AS amountMinor, t.currency, t.direction, t.cp_account AS cpAccount,
           t.cp_name AS cpName, t.summary, a.number, a.sub_account AS sub, a.holder_name AS holder
         FROM txn t JOIN account a ON a.id = t.account_id WHERE t.id IN (SELECT value FROM json_each(?))`,
      )
      .all(json) as {
      id: number;
      utcMs: number | null;
      timeText: string;
      amountMinor: number;
      currency: string;
      direction: 'in' | 'out' | null;
      cpAccount: string | null;
      cpName: string | null;
      summary: string | null;
      number: string;
      sub: string;
      holder: string | null;
    }[];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          utcMs: row.utcMs,
          timeText: row.timeText,
          title: accountLabel(row.number, row.sub),
          subtitle: row.holder,
          detail: nonEmpty(row.cpName, row.cpAccount),
          context: row.summary,
          amountMinor: row.amountMinor,
          currency: row.currency,
          direction: row.direction,
        },
      ]),
    );
  },
  message(db, json) {
    const rows = db
      .prepare(
        `SELECT m.id, m.ts_utc AS utcMs, m.ts_text AS timeText, substr(m.text, 1, ${SNIPPET_CHARS * 2}) AS text, ${resolvedName('h.name', 'h.ext_id')} AS sender,
           ${resolvedName('c.title', 'c.conv_key')} AS title, m.amount_minor AS amountMinor
         FROM message m JOIN conversation c ON c.id = m.conversation_id LEFT JOIN handle h ON h.id = m.sender_id
         WHERE m.id IN (SELECT value FROM json_each(?))`,
      )
      .all(json) as { id: number; utcMs: number | null; timeText: string; text: string; sender: string | null; title: string; amountMinor: number | null }[];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          utcMs: row.utcMs,
          timeText: row.timeText,
          title: row.sender ?? '',
          subtitle: null,
          detail: [...oneLine(row.text)].slice(0, SNIPPET_CHARS).join(''),
          context: row.title,
          amountMinor: row.amountMinor,
          currency: row.amountMinor === null ? null : 'CNY',
          direction: null,
        },
      ]),
    );
  },
  account(db, json) {
    const rows = db
      .prepare(
        // a record merged into another account (a wallet's login trail, filed under its phone) shows that account's holder
        `SELECT a.id, a.number, a.sub_account AS sub, coalesce(a.holder_name, w.holder_name) AS holder, coalesce(a.holder_id, w.holder_id) AS holderId,
           coalesce(a.bank_name, a.bank_guess, w.bank_name, w.bank_guess) AS bank
         FROM account a LEFT JOIN account w ON w.id = a.merged_into WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .all(json) as { id: number; number: string; sub: string; holder: string | null; holderId: string | null; bank: string | null }[];
    return new Map(
      rows.map((row) => [
        row.id,
        { ...untimed(), title: accountLabel(row.number, row.sub), subtitle: row.holder, detail: row.holderId, context: row.bank },
      ]),
    );
  },
  person(db, json) {
    const rows = db
      .prepare('SELECT id, name, id_type AS idType, id_number AS idNumber FROM person WHERE id IN (SELECT value FROM json_each(?))')
      .all(json) as { id: number; name: string; idType: string | null; idNumber: string | null }[];
    return new Map(rows.map((row) => [row.id, { ...untimed(), title: row.name, subtitle: row.idType, detail: row.idNumber }]));
  },
  finding(db, json) {
    const rows = db
      .prepare('SELECT id, rule, version, title, title_en AS titleEn, created_at AS createdAt FROM finding WHERE id IN (SELECT value FROM json_each(?))')
      .all(json) as { id: number; rule: string; version: number; title: string; titleEn: string | null; createdAt: string }[];
    return new Map(
      rows.map((row) => {
        const at = Date.parse(row.createdAt);
        return [row.id, { ...untimed(), utcMs: Number.isNaN(at) ? null : at, timeText: row.createdAt, title: row.title, titleEn: row.titleEn, detail: `${row.rule} v${row.version}` }];
      }),
    );
  },
};

function untimed(): Description {
  return { utcMs: null, timeText: null, title: '', subtitle: null, detail: null, context: null, amountMinor: null, currency: null, direction: null };
}

const TYPE_RANK = `CASE l.item_type WHEN 'txn' THEN 0 WHEN 'message' THEN 1 WHEN 'account' THEN 2 WHEN 'person' THEN 3 ELSE 4 END`;

/**
 * A page of a tag's items with a one-line description each: transactions and messages in one time order (as they
 * happened), then the items without a time of their own (accounts, persons, findings).
 */
export function listTaggedItems(
  db: Db,
  input: { tagId: number; type?: ItemType | undefined; offset: number; limit: number },
): { total: number; offset: number; items: TaggedItem[] } {
  getTag(db, input.tagId);
  const typeClause = input.type === undefined ? '' : 'AND l.item_type = ?';
  const typeParams = input.type === undefined ? [] : [input.type];
  const total = (db.prepare(`SELECT count(*) AS n FROM tag_link l WHERE l.tag_id = ? ${typeClause}`).get(input.tagId, ...typeParams) as { n: number }).n;
  const links = db
    .prepare(
      `SELECT l.item_type AS type, l.item_id AS id, l.created_at AS taggedAt, l.created_by AS taggedBy, n.text AS note, n.starred
       FROM tag_link l
       LEFT JOIN note n ON n.item_type = l.item_type AND n.item_id = l.item_id
       LEFT JOIN txn t ON l.item_type = 'txn' AND t.id = l.item_id
       LEFT JOIN message m ON l.item_type = 'message' AND m.id = l.item_id
       WHERE l.tag_id = ? ${typeClause}
       ORDER BY coalesce(t.ts_utc, m.ts_utc) IS NULL, coalesce(t.ts_utc, m.ts_utc), ${TYPE_RANK}, l.item_id
       LIMIT ? OFFSET ?`,
    )
    .all(input.tagId, ...typeParams, input.limit, input.offset) as {
    type: ItemType;
    id: number;
    taggedAt: string;
    taggedBy: string;
    note: string | null;
    starred: number | null;
  }[];

  const described = new Map<ItemType, Map<number, Description>>();
  for (const type of new Set(links.map((link) => link.type))) {
    described.set(type, DESCRIBE[type](db, JSON.stringify(links.filter((link) => link.type === type).map((link) => link.id))));
  }
  const items = links.map((link): TaggedItem => {
    const found = described.get(link.type)?.get(link.id);
    return {
      type: link.type,
      id: link.id,
      exists: found !== undefined,
      ...(found ?? { ...untimed(), title: `#${link.id}` }),
      taggedAt: link.taggedAt,
      taggedBy: link.taggedBy,
      note: link.note === null || link.note === '' ? null : link.note,
      starred: link.starred === 1,
    };
  });
  return { total, offset: input.offset, items };
}
