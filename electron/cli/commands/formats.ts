import { BUILT_IN_FORMATS } from '@shared/parsers/registry';
import type { Command } from '../command';
import { defaultDataDir } from '../../core/paths';
import { TemplateStore } from '../../core/workspace/templates';

/** Built-in import formats and saved column-mapping templates (the ids `import --format` takes). */
export const formatsCommand: Command = {
  path: ['formats'],
  summary: 'list the import formats this build recognises and the saved mapping templates',
  usage: 'chainsight formats [--json]',
  options: {},
  positionals: { min: 0, max: 0 },
  run(input) {
    const formats = BUILT_IN_FORMATS.map((format) => ({
      id: format.id,
      version: format.version,
      name: format.name.zh,
      nameEn: format.name.en,
      kind: format.kind,
      grade: format.grade,
      builtIn: true,
    }));
    const templates = new TemplateStore(defaultDataDir())
      .list()
      .map((template) => ({
        id: template.id,
        name: template.name,
        version: template.version,
        grade: template.rules.grade,
        createdAt: template.createdAt,
        kind: template.kind,
        builtIn: false,
      }));
    input.log(formats.map((f) => `${f.id.padEnd(24)} ${f.name}  (${f.nameEn}; ${f.kind}, ${f.grade})`).join('\n'));
    if (templates.length > 0) {
      input.log(['', 'saved mapping templates:', ...templates.map((t) => `${t.id.padEnd(24)} ${t.name} v${t.version}  (${t.kind}, ${t.grade}, saved ${t.createdAt})`)].join('\n'));
    }
    return Promise.resolve({ formats, templates });
  },
};
