import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The global search box (Ctrl+K). Search over imported data is not connected yet, so on Enter it says so plainly
 * instead of pretending to have searched.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [note, setNote] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNote(query.trim().length > 0);
  };

  return (
    <form className="global-search" role="search" onSubmit={submit}>
      <input
        ref={input}
        type="search"
        value={query}
        aria-label={t('topbar.searchLabel')}
        placeholder={t('topbar.searchPlaceholder')}
        onChange={(event) => {
          setQuery(event.target.value);
          setNote(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setQuery('');
            setNote(false);
            event.currentTarget.blur();
          }
        }}
        onBlur={() => setNote(false)}
      />
      {note ? (
        <div className="search-note" role="status">
          {t('topbar.searchNotYet')}
        </div>
      ) : null}
    </form>
  );
}
