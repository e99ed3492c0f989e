import { useTranslation } from 'react-i18next';
import type { Operator } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StartFrame } from '../../components/StartFrame';
import { OperatorForm } from './OperatorForm';

/** Who is at the keyboard: chosen at start, recorded in every audit entry. */
export function OperatorScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const action = useAction();

  const choose = async (operator: Operator) => {
    const selected = await action.run(() => client.call('operators.select', { id: operator.id }));
    if (selected) session.confirmOperator(selected);
  };

  // the last used profile first: most starts are the same person again
  const ordered = [...session.operators].sort(
    (a, b) => Number(b.id === session.lastOperatorId) - Number(a.id === session.lastOperatorId),
  );

  return (
    <StartFrame title={t('operators.title')}>
      <p className="intro">{t('operators.intro')}</p>
      <div className="start-columns">
        <section className="panel" aria-label={t('operators.title')}>
          {ordered.length === 0 ? (
            <p className="muted">{t('operators.empty')}</p>
          ) : (
            <ul className="choice-list">
              {ordered.map((operator) => (
                <li key={operator.id}>
                  <button
                    type="button"
                    className="choice"
                    disabled={action.pending}
                    onClick={() => void choose(operator)}
                    aria-label={`${t('operators.choose')}: ${operator.name}`}
                  >
                    <span className="choice-main">{operator.name}</span>
                    <span className="choice-sub">
                      {[operator.unit, operator.badge].filter(Boolean).join(' · ')}
                    </span>
                    {operator.id === session.lastOperatorId ? <span className="badge">{t('operators.current')}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ErrorNotice error={action.error} />
        </section>
        <section className="panel">
          <OperatorForm onCreated={session.confirmOperator} autoFocus={ordered.length === 0} />
        </section>
      </div>
    </StartFrame>
  );
}
