import type { MappingTemplate } from '../../domain';
import { BUILT_IN_FORMATS } from '../registry';
import type { FormatSpec } from '../types';
import { templateFormat } from './template-format';

export { templateFormat, templateFormatId } from './template-format';
export { suggestMapping } from './suggest';
export { SOURCE_KIND_OF, TEMPLATE_KIND_FIELDS, templateProblems } from './fields';
export { listFormats } from './format-list';
export { previewRecord } from './preview-fields';
export { parseDayFirst, parseDayFirstSplit } from './day-first';

/** The newest version of each template name: older versions stay usable by id but no longer compete in detection. */
export function latestTemplates(templates: readonly MappingTemplate[]): MappingTemplate[] {
  const latest = new Map<string, MappingTemplate>();
  for (const template of templates) {
    const known = latest.get(template.name);
    if (known === undefined || template.version > known.version) latest.set(template.name, template);
  }
  return [...latest.values()];
}

/** What detection tries: the built-in formats, then the latest version of every saved template. */
export function detectableFormats(templates: readonly MappingTemplate[]): FormatSpec[] {
  return [...BUILT_IN_FORMATS, ...latestTemplates(templates).map(templateFormat)];
}

/** Every format an id can name (`import --format`): built-ins and every saved version of every template. */
export function selectableFormats(templates: readonly MappingTemplate[]): FormatSpec[] {
  return [...BUILT_IN_FORMATS, ...templates.map(templateFormat)];
}
