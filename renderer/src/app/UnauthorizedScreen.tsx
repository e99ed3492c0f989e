import { useTranslation } from 'react-i18next';
import { StartFrame } from '../components/StartFrame';

/** The loopback server refused us: say exactly how to get a working address. */
export function UnauthorizedScreen() {
  const { t } = useTranslation();
  return (
    <StartFrame title={t('unauthorized.title')}>
      <div className="panel notice-error" role="alert">
        <p>{t('unauthorized.body')}</p>
        <pre className="example-url">http://127.0.0.1:PORT/#token=…</pre>
        <p className="muted">{t('unauthorized.hint')}</p>
      </div>
    </StartFrame>
  );
}
