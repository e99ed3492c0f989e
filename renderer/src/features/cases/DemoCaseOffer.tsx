import { useTranslation } from 'react-i18next';

/**
 * The first-run offer: a case built from the generator's fictional network (bank returns, Alipay, Tenpay, chats),
 * imported the way real returns are, so a new user sees every screen with data in it.
 */
export function DemoCaseOffer({ prominent, pending, onCreate }: { prominent: boolean; pending: boolean; onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <section className={prominent ? 'panel demo-offer demo-offer-prominent' : 'panel demo-offer'} aria-label={t('cases.demoTitle')}>
      <h2>{t('cases.demoTitle')}</h2>
      <p>{t('cases.demoBody')}</p>
      <button type="button" className={prominent ? 'primary' : undefined} disabled={pending} onClick={onCreate}>
        {pending ? t('cases.demoCreating') : t('cases.demoCreate')}
      </button>
    </section>
  );
}
