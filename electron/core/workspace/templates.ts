import { z } from 'zod';
import { AppError, MappingTemplate as MappingTemplateSchema } from '@shared/api';
import type { MappingTemplate, MappingTemplateDraft } from '@shared/domain';
import { normaliseHeader } from '@shared/parsers/tabular';
import { templateFormatId } from '@shared/parsers/template';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';

const TemplatesFile = z.object({ templates: z.array(MappingTemplateSchema) });

/**
 * Column-mapping templates of this workstation (not of a case), in `<dataDir>/templates.json`. Saving a name again
 * adds its next version and keeps the older ones: a source imported with `template:X@1` can always be re-read the
 * way it was.
 */
export class TemplateStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'templates.json');
  }

  list(): MappingTemplate[] {
    return readJsonFile(this.file, TemplatesFile, { templates: [] }).templates;
  }

  save(input: MappingTemplateDraft & { name: string }): MappingTemplate {
    assertUsable(input);
    const templates = this.list();
    const name = input.name.trim();
    const version = Math.max(0, ...templates.filter((item) => item.name === name).map((item) => item.version)) + 1;
    const template: MappingTemplate = {
      id: templateFormatId(name, version),
      name,
      version,
      createdAt: new Date().toISOString(),
      headerSignature: [...new Set(input.headerSignature.map(normaliseHeader).filter((cell) => cell !== ''))],
      columnMap: input.columnMap,
      rules: input.rules,
    };
    writeJsonFile(this.file, { templates: [...templates, template] });
    return template;
  }
}

/** A mapping that could never produce a transaction is refused when saved, not discovered at import. */
export function assertUsable(draft: MappingTemplateDraft): void {
  const map = draft.columnMap;
  const problems: string[] = [];
  if (!map.account) problems.push('the account column (账号/卡号) is not mapped');
  if (!map.time && !map.date) problems.push('neither a time nor a date column is mapped');
  const convention = draft.rules.amountConvention;
  if (convention === 'split' && !map.debit && !map.credit) problems.push('split amounts need a debit or a credit column');
  if (convention !== 'split' && !map.amount) problems.push('the amount column is not mapped');
  if (convention === 'flag' && !map.direction) problems.push('flag amounts need a direction column');
  const headers = Object.values(map).map((header) => normaliseHeader(header ?? ''));
  if (new Set(headers).size !== headers.length) problems.push('one column is mapped to two fields');
  const signature = new Set(draft.headerSignature.map(normaliseHeader));
  const absent = headers.filter((header) => !signature.has(header));
  if (absent.length > 0) problems.push(`mapped columns missing from the header: ${absent.join(', ')}`);
  if (problems.length > 0) throw new AppError('BAD_INPUT', `This column mapping cannot be used: ${problems.join('; ')}.`);
}
