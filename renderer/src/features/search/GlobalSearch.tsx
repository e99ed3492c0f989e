import './search.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '@shared/api';
import { useDisplayZone } from '../../app/display-zone';
import { useCall } from '../../app/use-call';
import { SearchResultsPanel } from './SearchResultsPanel';

const REFRESH_ON: readonly EventName[] = ['case.changed', 'import.finished'];
const LIMIT = 20;

/**
 * The global search box of the top bar (UX.md: Ctrl+K): on Enter, every place the phone, card, account or ID
 * number, name or amount appears in the case, grouped by kind; a result opens its item. Esc closes the results.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const zone = useDisplayZone();
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const result = useCall('search.global', { value: submitted ?? '-', limit: LIMIT }, { enabled: submitted !== null, refetchOn: REFRESH_ON });

  const searched = useRef(false);
  useEffect(() => {
    searched.current = submitted !== null;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
        if (searched.current) setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!open) return undefined;
    // a click anywhere else closes the results, as Esc does
    const onDown = (event: MouseEvent) => {
      if (form.current && event.target instanceof Node && !form.current.contains(event.target)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = query.trim();
    if (trimmed === '') return;
    setSubmitted(trimmed);
    setOpen(true);
    if (trimmed === submitted) result.reload();
  };

  return (
    <form ref={form} className="global-search" role="search" onSubmit={submit}>
      <input
        ref={input}
        type="search"
        value={query}
        maxLength={200}
        aria-label={t('topbar.searchLabel')}
        placeholder={t('topbar.searchPlaceholder')}
        onChange={(event) => setQuery(event.target.value)}
        onFocus={() => {
          if (submitted !== null && submitted === query.trim()) setOpen(true);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          if (open) setOpen(false);
          else {
            setQuery('');
            event.currentTarget.blur();
          }
        }}
      />
      {open && submitted !== null ? (
        <SearchResultsPanel query={submitted} result={result.data} loading={result.loading} error={result.error} zone={zone} onClose={() => setOpen(false)} />
      ) : null}
    </form>
  );
}
