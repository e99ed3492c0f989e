import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TXN_FLAGS } from '@shared/api/txn-schemas';
import type { TxnFlag } from '@shared/domain';
import type { DraftProblem, FilterDraft } from './filter-draft';

export interface TagOption {
  id: number;
  name: string;
}

export interface TxnFilterBarProps {
  draft: FilterDraft;
  /** the boxes changed (not yet applied) */
  onDraft: (draft: FilterDraft) => void;
  /** apply the draft: Enter in a box, the Apply button, and at once for choices (direction, tag, marks) */
  onApply: (draft: FilterDraft) => void;
  onClear: () => void;
  problems: readonly DraftProblem[];
  zone: string;
  tags: readonly TagOption[];
}

/** any → only these → excluded → any */
function nextFlagState(value: boolean | undefined): boolean | undefined {
  return value === undefined ? true : value ? false : undefined;
}

/**
 * 筛选条件: own account, counterparty (contains or exact), amount range in yuan on the amount's size, dates in the
 * display zone, direction, tag, a quick text filter, and the data-quality marks as three-state chips.
 */
export function TxnFilterBar({ draft, onDraft, onApply, onClear, problems, zone, tags }: TxnFilterBarProps) {
  const { t } = useTranslation();
  const set = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => onDraft({ ...draft, [key]: value });
  const setNow = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => {
    const next = { ...draft, [key]: value };
    onDraft(next);
    onApply(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const flagState = (flag: TxnFlag): 'any' | 'only' | 'exclude' => {
    const value = draft.flags[flag];
    return value === undefined ? 'any' : value ? 'only' : 'exclude';
  };

  return (
    <form className="txn-filters" aria-label={t('txns.filter.label')} onSubmit={submit}>
      <div className="txn-filter-row">
        <label>
          {t('txns.filter.account')}
          <input className="txn-input-account" value={draft.account} placeholder={t('txns.filter.accountPlaceholder')} onChange={(e) => set('account', e.target.value)} />
        </label>
        <label>
          {t('txns.filter.counterparty')}
          <input className="txn-input-cp" value={draft.counterparty} placeholder={t('txns.filter.counterpartyPlaceholder')} onChange={(e) => set('counterparty', e.target.value)} />
        </label>
        <label title={t('txns.filter.exactTitle')}>
          <input type="checkbox" checked={draft.exact} onChange={(e) => setNow('exact', e.target.checked)} />
          {t('txns.filter.exact')}
        </label>
        <span className="txn-range" role="group" aria-label={t('txns.filter.amount')} title={t('txns.filter.amountTitle')}>
          {t('txns.filter.amount')}
          <input className="txn-input-amount" inputMode="decimal" aria-label={t('txns.filter.amountMin')} value={draft.amountMin} onChange={(e) => set('amountMin', e.target.value)} />
          –
          <input className="txn-input-amount" inputMode="decimal" aria-label={t('txns.filter.amountMax')} value={draft.amountMax} onChange={(e) => set('amountMax', e.target.value)} />
        </span>
        <span className="txn-range" role="group" aria-label={t('txns.filter.dates')} title={t('txns.filter.dateTitle', { zone })}>
          {t('txns.filter.dates')}
          <input type="date" aria-label={t('txns.filter.from')} value={draft.from} onChange={(e) => set('from', e.target.value)} />
          –
          <input type="date" aria-label={t('txns.filter.to')} value={draft.to} onChange={(e) => set('to', e.target.value)} />
        </span>
      </div>
      <div className="txn-filter-row">
        <label>
          {t('txns.filter.direction')}
          <select value={draft.direction} onChange={(e) => setNow('direction', e.target.value as FilterDraft['direction'])}>
            <option value="">{t('txns.filter.directionAll')}</option>
            <option value="in">{t('txns.direction.in')}</option>
            <option value="out">{t('txns.direction.out')}</option>
          </select>
        </label>
        <label>
          {t('txns.filter.tag')}
          <select value={draft.tagId} onChange={(e) => setNow('tagId', e.target.value)}>
            <option value="">{t('txns.filter.tagAll')}</option>
            {tags.map((tag) => (
              <option key={tag.id} value={String(tag.id)}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
        <label className="txn-quick">
          {t('txns.filter.quick')}
          <input type="search" value={draft.quick} placeholder={t('txns.filter.quickPlaceholder')} onChange={(e) => set('quick', e.target.value)} />
        </label>
        <button type="submit" className="primary small">
          {t('txns.filter.apply')}
        </button>
        <button type="button" className="small" onClick={onClear}>
          {t('txns.filter.clear')}
        </button>
        <span className="txn-flags" role="group" aria-label={t('txns.flags.label')}>
          <span className="txn-flags-label">{t('txns.flags.label')}</span>
          {TXN_FLAGS.map((flag) => {
            const state = flagState(flag);
            return (
              <button
                key={flag}
                type="button"
                className={`txn-flag-chip txn-flag-${state}`}
                aria-pressed={state === 'any' ? 'false' : 'true'}
                title={t('txns.flags.chipTitle', { help: t(`txns.flags.help.${flag}`), state: t(`txns.flags.state.${state}`) })}
                onClick={() => setNow('flags', { ...draft.flags, [flag]: nextFlagState(draft.flags[flag]) })}
              >
                {state === 'exclude' ? '− ' : state === 'only' ? '✓ ' : ''}
                {t(`txns.flags.names.${flag}`)}
                {state === 'any' ? null : <span className="txn-flag-state">（{t(`txns.flags.state.${state}`)}）</span>}
              </button>
            );
          })}
        </span>
      </div>
      {problems.length > 0 ? (
        <p className="warn-text" role="alert">
          {problems
            .map((problem) => (problem.kind === 'badAmount' ? t('txns.filter.badAmount', { text: problem.text }) : t(`txns.filter.${problem.kind}`)))
            .join('；')}
        </p>
      ) : null}
    </form>
  );
}
