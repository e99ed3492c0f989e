import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';

/** An error as the user sees it: the translated meaning of its code, then the backend's own words. */
export function ErrorNotice({ error, onRetry, onDismiss }: { error: unknown; onRetry?: () => void; onDismiss?: () => void }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const text = describeError(error, t);
  return (
    <div className="notice notice-error" role="alert" data-code={text.code}>
      <strong>{text.title}</strong>
      {text.detail ? <span className="notice-detail">{text.detail}</span> : null}
      {onRetry ? (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
      {onDismiss ? (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('app.close')}
        </button>
      ) : null}
    </div>
  );
}
