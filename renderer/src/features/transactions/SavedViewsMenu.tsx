import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TxnFilter, TxnSort } from '@shared/api/txn-schemas';
import type { SavedView, TxnFilter as Filter, TxnSort as Sort } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';

export const VIEWS_PAGE = 'transactions';

/** What a saved view of the grid holds: its filter and its order. */
export interface TxnViewState {
  filter: Filter;
  sort: Sort;
}

/** A stored state read back defensively: a view saved by an older build opens with what still parses. */
export function readViewState(view: SavedView): TxnViewState {
  const filter = TxnFilter.safeParse(view.state.filter);
  const sort = TxnSort.safeParse(view.state.sort);
  return { filter: filter.success ? filter.data : {}, sort: sort.success ? sort.data : [] };
}

/** 视图: open a saved filter and order, save the current one under a name, delete one (all audited). */
export function SavedViewsMenu({ current, readOnly, onOpen }: { current: TxnViewState; readOnly: boolean; onOpen: (state: TxnViewState, name: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const views = useCall('views.list', { page: VIEWS_PAGE });
  const action = useAction();
  const [chosen, setChosen] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const list = views.data?.views ?? [];

  const open = (id: string) => {
    setChosen(id);
    const view = list.find((v) => String(v.id) === id);
    if (!view) return;
    onOpen(readViewState(view), view.name);
    setMessage(t('txns.views.applied', { name: view.name }));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void action
      .run(() => client.call('views.save', { page: VIEWS_PAGE, name: trimmed, state: { filter: current.filter, sort: current.sort } }))
      .then((saved) => {
        if (!saved) return;
        setNaming(false);
        setName('');
        setChosen(String(saved.id));
        setMessage(t('txns.views.saved', { name: saved.name }));
        views.reload();
      });
  };
  const remove = () => {
    const id = Number(chosen);
    if (!id) return;
    void action.run(() => client.call('views.delete', { id })).then(() => {
      setChosen('');
      setMessage(null);
      views.reload();
    });
  };

  return (
    <div className="txn-views">
      <label>
        {t('txns.views.label')}
        <select value={chosen} onChange={(e) => open(e.target.value)}>
          <option value="">{t('txns.views.choose')}</option>
          {list.map((view) => (
            <option key={view.id} value={String(view.id)}>
              {view.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && !readOnly ? (
        <button type="button" className="small" onClick={remove} disabled={action.pending}>
          {t('txns.views.delete')}
        </button>
      ) : null}
      {naming ? (
        <form onSubmit={save} className="txn-view-save">
          <input aria-label={t('txns.views.name')} placeholder={t('txns.views.name')} value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="small primary" disabled={action.pending || name.trim() === ''}>
            {t('txns.views.save')}
          </button>
          <button type="button" className="small" onClick={() => setNaming(false)}>
            {t('app.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="small" disabled={readOnly} onClick={() => setNaming(true)}>
          {t('txns.views.saveAs')}
        </button>
      )}
      {message ? (
        <span className="muted" role="status">
          {message}
        </span>
      ) : null}
      <ErrorNotice error={action.error ?? views.error} onDismiss={action.error ? action.clearError : undefined} />
    </div>
  );
}
