import { TagName, ITEM_TYPES } from '@shared/api/tag-schemas';
import type { ItemRef, ItemType, SearchReading } from '@shared/domain';
import type { Command } from '../command';
import { stringFlag, UsageError } from '../command';
import { CaseSession } from '../../core/cases/case-session';
import type { Db } from '../../core/db/connection';
import { defaultDataDir } from '../../core/paths';
import { allMessageIds } from '../../core/search/message-hits';
import { readQuery } from '../../core/search/read-query';
import { allTxnIds } from '../../core/search/txn-hits';
import { applyTag } from '../../core/tags/tag-links';
import { createTag, findTagByName } from '../../core/tags/tag-store';
import { cliOperator } from '../operator';

type PerType = Record<ItemType, number>;

const zero = (): PerType => ({ txn: 0, message: 0, account: 0, person: 0, finding: 0 });

/** The findings of a detector rule and the rows behind them (finding_item). */
function ruleItems(db: Db, rule: string): { findings: number; items: ItemRef[] } {
  const findings = db.prepare('SELECT id FROM finding WHERE rule = ? ORDER BY id').pluck().all(rule) as number[];
  const behind = db
    .prepare('SELECT DISTINCT fi.item_type AS type, fi.item_id AS id FROM finding_item fi JOIN finding f ON f.id = fi.finding_id WHERE f.rule = ? ORDER BY fi.item_type, fi.item_id')
    .all(rule) as ItemRef[];
  return { findings: findings.length, items: [...behind, ...findings.map((id): ItemRef => ({ type: 'finding', id }))] };
}

function searchItems(db: Db, text: string): { readAs: SearchReading[]; items: ItemRef[] } {
  const terms = readQuery(text);
  if (terms.readings.length === 0) throw new UsageError(`--query “${text}” holds nothing to search for (a phone, card, account or ID number, name, amount …)`);
  const txns = allTxnIds(db, terms).map((id): ItemRef => ({ type: 'txn', id }));
  const messages = allMessageIds(db, terms).map((id): ItemRef => ({ type: 'message', id }));
  return { readAs: terms.readings, items: [...txns, ...messages] };
}

export const tagCommand: Command = {
  path: ['tag'],
  summary: 'tag every transaction and message a search finds (--query), or the rows behind a detector’s findings (--rule); audited',
  usage: 'chainsight tag <caseDir> --tag TAG (--rule RULE | --query TEXT) [--json]',
  options: { tag: { type: 'string' }, rule: { type: 'string' }, query: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run(input) {
    const tagText = stringFlag(input, 'tag');
    const rule = stringFlag(input, 'rule');
    const query = stringFlag(input, 'query');
    if (tagText === undefined) throw new UsageError('--tag TAG is required');
    if ((rule === undefined) === (query === undefined)) throw new UsageError('give exactly one of --rule RULE and --query TEXT');
    const name = TagName.safeParse(tagText);
    if (!name.success) throw new UsageError(`--tag must be one line of 1–40 characters, got “${tagText}”`);

    const operator = cliOperator(input, defaultDataDir());
    const session = CaseSession.open(input.positionals[0] ?? '', { host: 'cli', operator }, 'write');
    try {
      const { db } = session;
      const found = findTagByName(db, name.data);
      const tag = found ?? createTag(db, { name: name.data }, operator);
      if (!found) session.audit.append(operator, 'tags.create', { name: tag.name, color: tag.color, via: 'cli' });

      const source = query !== undefined ? searchItems(db, query) : { ...ruleItems(db, rule ?? ''), readAs: undefined };
      const matched = zero();
      for (const item of source.items) matched[item.type] += 1;
      const applied = zero();
      if (source.items.length > 0) {
        db.transaction(() => {
          for (const type of ITEM_TYPES) {
            const items = source.items.filter((item) => item.type === type);
            if (items.length > 0) applied[type] = applyTag(db, tag.id, items, operator).applied;
          }
          session.audit.append(operator, 'tags.apply', { tagId: tag.id, items: source.items, via: 'cli', ...(query !== undefined ? { query } : { rule }) });
        })();
      }

      const label = `“${tag.name}”${tag.nameEn ? ` (${tag.nameEn})` : ''} #${tag.id}${found ? '' : ', created'}`;
      const counts = (per: PerType) =>
        ITEM_TYPES.filter((type) => per[type] > 0)
          .map((type) => `${per[type]} ${type}`)
          .join(', ') || 'nothing';
      if ('findings' in source && source.findings === 0) {
        input.log(`no findings of rule “${rule ?? ''}” in this case (detectors write them: chainsight detect); nothing tagged; tag ${label}`);
      } else {
        input.log(`tag ${label}: matched ${counts(matched)}; newly tagged ${counts(applied)}`);
      }
      return Promise.resolve({
        tag: { id: tag.id, name: tag.name, nameEn: tag.nameEn, kind: tag.kind, created: !found },
        applied,
        matched,
        ...(query !== undefined ? { query, readAs: source.readAs } : { rule, findings: 'findings' in source ? source.findings : 0 }),
      });
    } finally {
      session.close();
    }
  },
};
