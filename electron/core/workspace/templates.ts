import { z } from 'zod';
import { AppError, MappingTemplate as MappingTemplateSchema } from '@shared/api';
import type { MappingTemplate, MappingTemplateDraft } from '@shared/domain';
import { normaliseHeader } from '@shared/parsers/tabular';
import { templateFormatId, templateProblems } from '@shared/parsers/template';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';

const TemplatesFile = z.object({ templates: z.array(MappingTemplateSchema) });

/**
 * Column-mapping templates of this workstation (not of a case), in `<dataDir>/templates.json`. Saving a name again
 * adds its next version and keeps the older ones: a source imported with `template:X@1` can always be re-read the
 * way it was. Renaming moves every version of a name (ids follow the name); deleting removes every version. Sources
 * already imported keep their rows and the format id they were read with either way.
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
      kind: input.kind,
      version,
      createdAt: new Date().toISOString(),
      headerSignature: [...new Set(input.headerSignature.map(normaliseHeader).filter((cell) => cell !== ''))],
      columnMap: input.columnMap,
      rules: input.rules,
    };
    writeJsonFile(this.file, { templates: [...templates, template] });
    return template;
  }

  /** Every version of `name` under `newName`, version numbers kept; refused when `newName` is taken. */
  rename(name: string, newName: string): MappingTemplate[] {
    const from = name.trim();
    const to = newName.trim();
    const templates = this.list();
    if (!templates.some((item) => item.name === from)) throw new AppError('BAD_INPUT', `There is no saved template named "${from}".`);
    if (from === to) return templates.filter((item) => item.name === from);
    if (templates.some((item) => item.name === to)) {
      throw new AppError('BAD_INPUT', `A template named "${to}" already exists; delete it or choose another name.`);
    }
    const renamed = templates.map((item) => (item.name === from ? { ...item, name: to, id: templateFormatId(to, item.version) } : item));
    writeJsonFile(this.file, { templates: renamed });
    return renamed.filter((item) => item.name === to);
  }

  /** Removes every version of `name`; answers how many there were. */
  delete(name: string): number {
    const target = name.trim();
    const templates = this.list();
    const kept = templates.filter((item) => item.name !== target);
    if (kept.length === templates.length) throw new AppError('BAD_INPUT', `There is no saved template named "${target}".`);
    writeJsonFile(this.file, { templates: kept });
    return templates.length - kept.length;
  }
}

/** A mapping that could never produce a row of its kind is refused when saved, not discovered at import. */
export function assertUsable(draft: MappingTemplateDraft): void {
  const problems = templateProblems(draft);
  if (problems.length > 0) throw new AppError('BAD_INPUT', `This column mapping cannot be used: ${problems.join('; ')}.`);
}
