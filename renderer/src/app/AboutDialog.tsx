import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/domain';
import { Dialog } from '../components/Dialog';

export function AboutDialog({ info, onClose }: { info: AppInfo | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('about.title')} onClose={onClose}>
      <p>{t('about.body')}</p>
      {info ? (
        <dl className="meta-list">
          <div>
            <dt>{t('about.version')}</dt>
            <dd>{info.version}</dd>
          </div>
          <div>
            <dt>{t('about.host')}</dt>
            <dd>{t(`hosts.${info.host}`)}</dd>
          </div>
          <div>
            <dt>{t('about.platform')}</dt>
            <dd>
              {info.platform} · Node {info.nodeVersion}
            </dd>
          </div>
          <div>
            <dt>{t('about.dataDir')}</dt>
            <dd className="path">{info.dataDir}</dd>
          </div>
          <div>
            <dt>{t('about.casesDir')}</dt>
            <dd className="path">{info.casesDir}</dd>
          </div>
        </dl>
      ) : null}
    </Dialog>
  );
}
