import { BUILT_IN_FORMATS } from '@shared/parsers/registry';

export interface FormatOption {
  id: string;
  name: { zh: string; en: string };
  grade: 'official' | 'self-provided';
}

/**
 * The built-in formats, for the override select and for naming a source's format in the UI language. The renderer
 * and the backend are one build, so this list is the backend's; a `formats.list` method would let saved templates
 * appear here too.
 */
export const FORMAT_OPTIONS: readonly FormatOption[] = BUILT_IN_FORMATS.map((format) => ({
  id: format.id,
  name: format.name,
  grade: format.grade,
}));

/** A format's name in the UI language; the id itself for a format this build does not know. */
export function formatName(id: string | null, language: string, fallback?: string | null): string {
  if (!id) return fallback ?? '';
  const known = FORMAT_OPTIONS.find((format) => format.id === id);
  if (!known) return fallback || id;
  return language.startsWith('zh') ? known.name.zh : known.name.en;
}
