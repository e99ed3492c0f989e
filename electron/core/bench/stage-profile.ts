/**
 * The per-row stages of an import measured apart, for `chainsight bench`. In the import they interleave row by row
 * (a record is read, mapped, hashed and inserted before the next is read), so its own timings can only split the
 * loop into "read and map" and "insert". This pass goes over the same files without writing anything and times
 * reading+decoding, mapping and the row hash separately.
 */
import { detectFormats } from '@shared/parsers/registry';
import { detectableFormats } from '@shared/parsers/template';
import type { SourceRecord } from '@shared/parsers/types';
import { rawAndHash } from '../ingest/draft-writer';
import { detectInputOf, openSourceFile } from '../ingest/read/open-source-file';
import { collectInputs } from '../ingest/walk';
import type { BenchFigure } from './generator-bench';

export interface StageProfile {
  files: number;
  rows: number;
  readDecodeSeconds: number;
  mapSeconds: number;
  hashSeconds: number;
}

const now = (): number => performance.now() / 1000;

/** Time spent inside the reader (reading the file and decoding it into records), excluding whoever consumes them. */
async function* timedRecords(records: AsyncIterable<SourceRecord>, spent: { seconds: number; rows: number }): AsyncIterable<SourceRecord> {
  const iterator = records[Symbol.asyncIterator]();
  for (;;) {
    const started = now();
    const next = await iterator.next();
    spent.seconds += now() - started;
    if (next.done === true) return;
    spent.rows += 1;
    yield next.value;
  }
}

/** Read, map and hash every file under `dir` the way an import would, writing nothing. */
export async function profileStages(dir: string, timeZone = 'Asia/Shanghai'): Promise<StageProfile> {
  const formats = detectableFormats([]);
  const profile: StageProfile = { files: 0, rows: 0, readDecodeSeconds: 0, mapSeconds: 0, hashSeconds: 0 };
  for (const input of await collectInputs([dir])) {
    const file = await openSourceFile(input.path, input.relPath);
    const format = detectFormats(await detectInputOf(file, input.fileName, input.relPath), formats)[0]?.format;
    if (!format) continue;
    profile.files += 1;
    const read = { seconds: 0, rows: 0 };
    let hashSeconds = 0;
    const baseContext = { fileName: input.fileName, relPath: input.relPath, timeZone };
    const context = format.survey ? { ...baseContext, hints: await format.survey(file.read(format.input), baseContext) } : baseContext;
    const started = now();
    for await (const output of format.mapRows(timedRecords(file.read(format.input), read), context)) {
      if (output.type === 'error' || output.type === 'warning') continue;
      const hashStarted = now();
      rawAndHash(output.raw);
      hashSeconds += now() - hashStarted;
    }
    const total = now() - started;
    profile.rows += read.rows;
    profile.readDecodeSeconds += read.seconds;
    profile.hashSeconds += hashSeconds;
    profile.mapSeconds += total - read.seconds - hashSeconds;
  }
  return profile;
}

export function stageFigures(profile: StageProfile): BenchFigure[] {
  const round = (n: number): number => Number(n.toFixed(2));
  return [
    { name: 'profile.bank.records', value: profile.rows, unit: 'records' },
    { name: 'profile.bank.read_decode', value: round(profile.readDecodeSeconds), unit: 's' },
    { name: 'profile.bank.map', value: round(profile.mapSeconds), unit: 's' },
    { name: 'profile.bank.row_hash', value: round(profile.hashSeconds), unit: 's' },
  ];
}
