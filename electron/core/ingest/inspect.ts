import { stat } from 'node:fs/promises';
import { detectFormats } from '@shared/parsers/registry';
import { detectableFormats } from '@shared/parsers/template';
import type { FormatSpec } from '@shared/parsers/types';
import type { InspectedFile } from '@shared/domain';
import { toAppError } from '../api/router';
import { detectInputOf, openSourceFile } from './read/open-source-file';
import { collectInputs } from './walk';

const PREVIEW_ROWS = 8;
const PREVIEW_COLUMNS = 40;
const PREVIEW_CELL = 200;

/** What the import screen shows before anything is written: per file the detected format, why, and its first rows. */
export async function inspectFiles(paths: readonly string[], formats: readonly FormatSpec[] = detectableFormats([])): Promise<InspectedFile[]> {
  const inputs = await collectInputs(paths);
  const results: InspectedFile[] = [];
  for (const input of inputs) {
    const size = (await stat(input.path)).size;
    const base = { path: input.path, file: input.relPath, size };
    try {
      const file = await openSourceFile(input.path, input.relPath);
      const detectInput = await detectInputOf(file, input.fileName, input.relPath);
      const head = detectInput.head.length > 0 ? detectInput.head : textPreview(detectInput.text ?? '', detectInput.entries ?? []);
      const candidates = detectFormats(detectInput, formats).map((match) => ({
        format: match.format.id,
        name: match.format.name.zh,
        confidence: match.confidence,
        reason: match.reason,
      }));
      const preview = head
        .slice(0, PREVIEW_ROWS)
        .map((record) => record.cells.slice(0, PREVIEW_COLUMNS).map((cell) => cell.slice(0, PREVIEW_CELL)));
      results.push({
        ...base,
        status: candidates.length > 0 ? 'ok' : 'unrecognised',
        problem: candidates.length > 0 ? null : 'format not recognised',
        encoding: file.encoding,
        candidates,
        preview,
      });
    } catch (error) {
      results.push({ ...base, status: 'unreadable', problem: toAppError(error).message, encoding: null, candidates: [], preview: [] });
    }
  }
  return results;
}

/** Files without rows of cells (chat text, JSON, archives, databases) preview as their first lines or entries. */
function textPreview(text: string, entries: readonly string[]): { sheet: string; line: number; cells: string[] }[] {
  const lines = text !== '' ? text.split(/\r?\n/) : [...entries];
  return lines.slice(0, PREVIEW_ROWS).map((line, index) => ({ sheet: '', line: index + 1, cells: [line] }));
}
