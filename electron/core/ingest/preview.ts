import { basename } from 'node:path';
import type { MappingPreview, MappingTemplateDraft } from '@shared/domain';
import { previewRecord, templateFormat } from '@shared/parsers/template';
import { formatAtOffset } from '@shared/time';
import { assertUsable } from '../workspace/templates';
import { openSourceFile } from './read/open-source-file';

const PREVIEW_ROWS = 20;

/**
 * What a column mapping makes of a file before it is saved: its first mapped rows (as text for the screen) and the
 * row errors among them. Nothing is written.
 */
export async function previewMapping(path: string, draft: MappingTemplateDraft, timeZone: string): Promise<MappingPreview> {
  assertUsable(draft);
  const format = templateFormat({ ...draft, id: 'template:preview@1', name: 'preview', version: 1, createdAt: '' });
  const name = basename(path);
  const file = await openSourceFile(path, name);
  const preview: MappingPreview = { rows: [], records: [], errors: [], warnings: [] };
  const controller = new AbortController();
  for await (const output of format.mapRows(file.records(controller.signal), { fileName: name, relPath: name, timeZone })) {
    if (output.type === 'txn') {
      preview.rows.push({
        sheet: output.sheet,
        line: output.line,
        account: output.account.number,
        time: output.time.utcMs === null || output.time.offsetMinutes === null ? output.time.original : formatAtOffset(output.time.utcMs, output.time.offsetMinutes),
        amountMinor: output.amountMinor,
        currency: output.currency,
        direction: output.direction,
        balanceMinor: output.balanceMinor,
        counterparty: [output.counterparty.name, output.counterparty.account].filter((part) => part !== undefined).join(' '),
        summary: output.summary ?? '',
      });
    } else if (output.type === 'account' || output.type === 'person' || output.type === 'message') {
      preview.records.push(previewRecord(output));
    } else if (output.type === 'error') {
      preview.errors.push({ sheet: output.sheet, line: output.line, code: output.code, message: output.message });
    } else if (output.type === 'warning') {
      preview.warnings.push(output.message);
    }
    if (preview.rows.length + preview.records.length + preview.errors.length >= PREVIEW_ROWS) break;
  }
  controller.abort();
  return preview;
}
