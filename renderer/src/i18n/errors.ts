import { AppError } from '@shared/api';
import type { TFunction } from 'i18next';

export interface ErrorText {
  /** what went wrong, in the UI language, chosen by the stable error code */
  title: string;
  /** the backend's own words (e.g. who holds the case lock), when they add something */
  detail: string | null;
  code: string;
}

/** How any thrown value is shown: translated by code, falling back to the message text. */
export function describeError(error: unknown, t: TFunction): ErrorText {
  if (error instanceof AppError) {
    if (error.details?.transport === 'unreachable') {
      return { title: t('errors.unreachable'), detail: null, code: error.code };
    }
    const kind = error.details?.kind;
    const busy = error.code === 'CASE_BUSY' && (kind === 'import' || kind === 'detect' || kind === 'export');
    const title = busy ? t(`busy.${kind}`) : t(`errors.${error.code}`);
    const detail = !busy && error.message && error.message !== title ? error.message : null;
    return { title, detail, code: error.code };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { title: t('errors.INTERNAL'), detail: message || null, code: 'INTERNAL' };
}
