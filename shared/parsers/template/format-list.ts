import type { FormatInfo, MappingTemplate } from '../../domain';
import { BUILT_IN_FORMATS } from '../registry';
import { templateFormat } from './template-format';

/**
 * Every format an import can be told to use, as lists show it: the built-in formats in registry order, then every
 * saved template version (newest version of a name first, names in the order they were first saved).
 */
export function listFormats(templates: readonly MappingTemplate[]): FormatInfo[] {
  const builtIn = BUILT_IN_FORMATS.map((format) => ({ id: format.id, version: format.version, name: format.name, kind: format.kind, grade: format.grade, builtIn: true }));
  const names = [...new Set(templates.map((template) => template.name))];
  const saved = names.flatMap((name) =>
    templates
      .filter((template) => template.name === name)
      .sort((a, b) => b.version - a.version)
      .map((template) => {
        const format = templateFormat(template);
        return { id: format.id, version: format.version, name: format.name, kind: format.kind, grade: format.grade, builtIn: false };
      }),
  );
  return [...builtIn, ...saved];
}
