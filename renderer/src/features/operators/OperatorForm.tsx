import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';

/** New operator profile: 姓名 / 单位 / 警号, saved and selected in one go. */
export function OperatorForm({ onCreated, autoFocus }: { onCreated: (operator: Operator) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const action = useAction();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [badge, setBadge] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await action.run(async () => {
      const saved = await client.call('operators.save', { name: name.trim(), unit: unit.trim(), badge: badge.trim() });
      return client.call('operators.select', { id: saved.id });
    });
    if (created) onCreated(created);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label={t('operators.createTitle')}>
      <h2>{t('operators.createTitle')}</h2>
      <Field label={t('operators.name')} value={name} onChange={setName} required autoFocus={autoFocus} />
      <Field label={t('operators.unit')} value={unit} onChange={setUnit} />
      <Field label={t('operators.badge')} value={badge} onChange={setBadge} />
      <ErrorNotice error={action.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.pending || !name.trim()}>
          {t('operators.create')}
        </button>
      </div>
    </form>
  );
}
