import type { TFunction } from 'i18next';
import type { JobProgress } from '@shared/domain';
import { formatCount } from '../../components/format';

/**
 * A job in the interface language, from the structured title the backend sends with it (file names and rule ids are
 * data and stay as they are); the backend's Chinese label when the job came without one.
 */
export function jobLabel(progress: Pick<JobProgress, 'label' | 'title'>, t: TFunction): string {
  const title = progress.title;
  if (!title) return progress.label;
  switch (title.key) {
    case 'import': {
      const first = title.names[0] ?? '';
      if (title.count > title.names.length) {
        return t('jobs.titles.importMany', { first, n: formatCount(title.count) });
      }
      return t('jobs.titles.import', { names: title.names.join(t('jobs.titles.nameSeparator')) });
    }
    case 'detect': {
      const [only] = title.rules;
      if (only === undefined) return t('jobs.titles.detectAll');
      if (title.rules.length === 1) return t('jobs.titles.detectOne', { rule: only });
      return t('jobs.titles.detectSome', { n: formatCount(title.rules.length) });
    }
    case 'export':
      return t('jobs.titles.export', { format: title.format.toUpperCase() });
  }
}
