import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { FormatInfo, MappingTemplate } from '@shared/domain';
import { useCall } from '../../app/use-call';

export interface TemplateCatalog {
  /** built-in formats and every saved template version (formats.list); undefined while loading */
  formats: FormatInfo[] | undefined;
  formatsError: unknown;
  /** every saved template version (templates.list) */
  templates: MappingTemplate[] | undefined;
  templatesError: unknown;
  /** a template was saved, renamed or deleted: both lists are read again */
  changed: () => void;
}

const NO_CATALOG: TemplateCatalog = { formats: undefined, formatsError: null, templates: undefined, templatesError: null, changed: () => undefined };

const TemplateCatalogContext = createContext<TemplateCatalog>(NO_CATALOG);

/**
 * The formats and templates the import page lists, read once from the backend and shared by the format select,
 * the saved-templates list and the mapping screen, so a change made in one shows in the others. Templates belong to
 * the workstation, not to the case: no case event changes them, only the page's own saves, renames and deletes.
 */
export function TemplateCatalogProvider({ children }: { children: ReactNode }) {
  const formats = useCall('formats.list', {}, { refetchOn: [] });
  const templates = useCall('templates.list', {}, { refetchOn: [] });
  const reloadFormats = formats.reload;
  const reloadTemplates = templates.reload;
  const changed = useCallback(() => {
    reloadFormats();
    reloadTemplates();
  }, [reloadFormats, reloadTemplates]);
  const value = useMemo<TemplateCatalog>(
    () => ({
      formats: formats.data?.formats,
      formatsError: formats.error,
      templates: templates.data?.templates,
      templatesError: templates.error,
      changed,
    }),
    [formats.data, formats.error, templates.data, templates.error, changed],
  );
  return <TemplateCatalogContext.Provider value={value}>{children}</TemplateCatalogContext.Provider>;
}

export function useTemplateCatalog(): TemplateCatalog {
  return useContext(TemplateCatalogContext);
}
