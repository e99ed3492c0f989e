import type { Db } from '../connection';
import { up as up0001 } from './0001-case';
import { up as up0002 } from './0002-ingest';
import { up as up0003 } from './0003-chat';
import { up as up0004 } from './0004-review';
import { up as up0005 } from './0005-review-indexes';
import { up as up0006 } from './0006-account-merge';
import { up as up0007 } from './0007-finding-title-en';
import { up as up0008 } from './0008-duplicate-keys';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** Numbered, append-only: never edit a shipped migration, add the next number (each has its own test). */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-case', up: up0001 },
  { version: 2, name: '0002-ingest', up: up0002 },
  { version: 3, name: '0003-chat', up: up0003 },
  { version: 4, name: '0004-review', up: up0004 },
  { version: 5, name: '0005-review-indexes', up: up0005 },
  { version: 6, name: '0006-account-merge', up: up0006 },
  { version: 7, name: '0007-finding-title-en', up: up0007 },
  { version: 8, name: '0008-duplicate-keys', up: up0008 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
