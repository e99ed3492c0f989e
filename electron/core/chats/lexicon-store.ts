import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/api';
import type { LexiconGroupSummary } from '@shared/domain';
import { compileLexicon, parseLexicon, scoreMessage, type Hit, type Lexicon } from '@shared/lexicon';
import type { Db } from '../db/connection';
import { findAppRoot } from '../paths';
import { applyLexicon, type MessageLexicon } from '../ingest/chat-analysis';

/** The lexicon the app ships (DOMAIN.md §3.6), resources/lexicon/default.json. */
export function defaultLexiconPath(): string {
  return join(findAppRoot(__dirname), 'resources', 'lexicon', 'default.json');
}

function readDefault(): Lexicon {
  const parsed = parseLexicon(JSON.parse(readFileSync(defaultLexiconPath(), 'utf8')) as unknown);
  if (!parsed.ok) throw new Error(`the shipped lexicon is invalid: ${parsed.issues.map((issue) => issue.message).join('; ')}`);
  return parsed.lexicon;
}

/** The case's lexicon: its latest saved version, else the shipped one (version 0). */
export function caseLexicon(db: Db): { version: number; lexicon: Lexicon } {
  const row = db.prepare('SELECT version, json FROM lexicon ORDER BY version DESC LIMIT 1').get() as { version: number; json: string } | undefined;
  if (!row) return { version: 0, lexicon: readDefault() };
  const parsed = parseLexicon(JSON.parse(row.json) as unknown);
  if (!parsed.ok) throw new AppError('BAD_INPUT', `lexicon version ${row.version} in the case is invalid`);
  return { version: row.version, lexicon: parsed.lexicon };
}

/** The case's lexicon compiled for the import's text analysis. */
export function compileCaseLexicon(db: Db): MessageLexicon {
  const { version, lexicon } = caseLexicon(db);
  return messageLexicon(version, lexicon);
}

function messageLexicon(version: number, lexicon: Lexicon): MessageLexicon {
  const matcher = compileLexicon(lexicon);
  return {
    version,
    match: (text) => matcher.match(text),
    score: (hits, text) => scoreMessage(hits as Hit[], { text }).score,
  };
}

export function lexiconGroups(db: Db): { version: number; groups: LexiconGroupSummary[] } {
  const { version, lexicon } = caseLexicon(db);
  const hits = new Map(
    (db.prepare('SELECT group_id AS id, count(*) AS n FROM lexicon_hit GROUP BY group_id').all() as { id: string; n: number }[]).map((row) => [row.id, row.n]),
  );
  return { version, groups: lexicon.groups.map((group) => ({ id: group.id, name: group.name, terms: group.terms.length, hits: hits.get(group.id) ?? 0 })) };
}

/**
 * Save an edited lexicon as the next version (refused with every problem named when invalid) and rescore every
 * message with it, in one transaction: hits always come from exactly one version.
 */
export function saveLexicon(db: Db, json: string, operator: string): { version: number; hits: number } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new AppError('BAD_INPUT', `The lexicon is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseLexicon(value);
  if (!parsed.ok) throw new AppError('BAD_INPUT', `The lexicon has problems: ${parsed.issues.slice(0, 10).map((issue) => `${issue.label}: ${issue.message}`).join('; ')}`);
  const lexicon = messageLexicon(0, parsed.lexicon);
  return db.transaction(() => {
    const version = ((db.prepare('SELECT coalesce(max(version), 0) FROM lexicon').pluck().get() as number) ?? 0) + 1;
    db.prepare('INSERT INTO lexicon (version, saved_at, operator, json) VALUES (?, ?, ?, ?)').run(version, new Date().toISOString(), operator, JSON.stringify(parsed.lexicon));
    db.exec('DELETE FROM lexicon_hit; UPDATE message SET lexicon_score = 0 WHERE lexicon_score <> 0;');
    return { version, hits: applyLexicon(db, 0, { ...lexicon, version }) };
  })();
}

