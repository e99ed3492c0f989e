import { BUILT_IN_FORMATS } from '@shared/parsers/registry';

/**
 * Naming a source's format in the UI language (the sources page and the import report). Lists of formats to choose
 * from come from the backend (`formats.list`, see template-catalog.tsx), which also knows the saved templates; a
 * template's id (`template:<name>@<version>`) names it well enough where this table does not know it.
 */
const BUILT_IN_NAMES: ReadonlyMap<string, { zh: string; en: string }> = new Map(BUILT_IN_FORMATS.map((format) => [format.id, format.name]));

/** A format's name in the UI language; the id itself for a format this build does not know. */
export function formatName(id: string | null, language: string, fallback?: string | null): string {
  if (!id) return fallback ?? '';
  const known = BUILT_IN_NAMES.get(id);
  if (!known) return fallback || id;
  return language.startsWith('zh') ? known.zh : known.en;
}
