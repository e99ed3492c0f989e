import './tags.css';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '@shared/api';
import type { ItemRef, Tag, TagBrief } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { tagAltName, tagName, tagProblem } from './tag-labels';

/** What a TagPicker reports after tagging. */
export interface TagApplied {
  tag: TagBrief;
  /** items newly tagged */
  applied: number;
  /** items that already carried the tag */
  already: number;
}

export interface TagPickerProps {
  /** the items to tag: one message, a grid's selected rows, a timeline brush … (transactions, messages, accounts, persons, findings) */
  items: readonly ItemRef[];
  /** called after the backend tagged them (the tag may have just been created) */
  onApplied?: (result: TagApplied) => void;
  /** nothing can be tagged (case open read-only, nothing selected) */
  disabled?: boolean;
  /** tags not offered, e.g. those the single item already carries */
  exclude?: readonly number[];
  /** focus the box when it appears */
  autoFocus?: boolean;
  /** UX.md: T tags the selection — focus the box when T is pressed outside any text field */
  shortcut?: boolean;
}

const REFRESH_ON: readonly EventName[] = ['case.changed', 'audit.appended'];

type Entry = { kind: 'tag'; tag: Tag } | { kind: 'create'; name: string };

function matches(tag: Tag, needle: string): boolean {
  if (needle === '') return true;
  const lower = needle.toLowerCase();
  return tag.name.toLowerCase().includes(lower) || (tag.nameEn?.toLowerCase().includes(lower) ?? false);
}

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Pick a tag — a typology preset or a free tag — or type a new name to create one, and tag the given items with it
 * (`tags.apply`: bulk, idempotent, audited). Keyboard: arrows choose, Enter applies, Esc closes the list.
 * Used by the chat message details, and meant for the transactions grid, the timeline brush and detail panels.
 */
export function TagPicker({ items, onApplied, disabled = false, exclude = [], autoFocus = false, shortcut = false }: TagPickerProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const client = useClient();
  const tags = useCall('tags.list', {}, { refetchOn: REFRESH_ON });
  const action = useAction();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [done, setDone] = useState<TagApplied | null>(null);

  useEffect(() => {
    if (!shortcut) return undefined;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key.toLowerCase() !== 't' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut]);

  const trimmed = text.trim();
  const entries = useMemo((): Entry[] => {
    const all = tags.data?.tags ?? [];
    const offered = all.filter((tag) => !exclude.includes(tag.id) && matches(tag, trimmed)).map((tag): Entry => ({ kind: 'tag', tag }));
    const taken = all.some((tag) => tag.name === trimmed || tag.nameEn?.toLowerCase() === trimmed.toLowerCase());
    const creatable = trimmed !== '' && !taken && [...trimmed].length <= 40 && !/\p{Cc}/u.test(trimmed);
    return creatable ? [...offered, { kind: 'create', name: trimmed }] : offered;
  }, [tags.data, exclude, trimmed]);
  const current = Math.min(active, Math.max(entries.length - 1, 0));

  const choose = (entry: Entry) =>
    void action.run(async () => {
      const tag: TagBrief = entry.kind === 'tag' ? entry.tag : await client.call('tags.create', { name: entry.name });
      const result = await client.call('tags.apply', { tagId: tag.id, items: [...items] });
      const outcome = { tag, ...result };
      // counts (and a new tag) show at once, whether or not the backend's audit event arrives first
      tags.reload();
      setDone(outcome);
      setText('');
      setOpen(false);
      onApplied?.(outcome);
    });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + entries.length) % Math.max(entries.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entry = entries[current];
      if (open && entry && !action.pending) choose(entry);
    } else if (event.key === 'Escape' && open) {
      // close the list only, not the panel around the picker
      event.stopPropagation();
      setOpen(false);
    }
  };

  const off = disabled || items.length === 0;
  const optionId = (index: number) => `${listId}-${index}`;
  const problem = tagProblem(action.error, t);
  return (
    <div className="tag-picker">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && entries.length > 0 ? optionId(current) : undefined}
        aria-label={items.length === 1 ? t('review.picker.label') : t('review.picker.forItems', { n: formatCount(items.length) })}
        placeholder={t('review.picker.placeholder')}
        value={text}
        disabled={off}
        autoFocus={autoFocus}
        maxLength={60}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          setDone(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && !off ? (
        <ul className="tag-options" role="listbox" id={listId} aria-label={t('review.picker.options')}>
          {entries.length === 0 ? <li className="muted tag-option">{t('review.picker.noMatch')}</li> : null}
          {entries.map((entry, index) => (
            <li
              key={entry.kind === 'tag' ? entry.tag.id : 'create'}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={`tag-option${index === current ? ' tag-option-active' : ''}`}
              // keep the focus in the box: a click must not blur it before it registers
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(entry)}
            >
              {entry.kind === 'tag' ? (
                <>
                  <span className="tag-swatch" style={{ background: entry.tag.color }} aria-hidden="true" />
                  <bdi>{tagName(entry.tag, language)}</bdi>
                  {tagAltName(entry.tag, language) ? <span className="muted"> {tagAltName(entry.tag, language)}</span> : null}
                  <span className="muted num tag-option-count">{formatCount(entry.tag.total)}</span>
                </>
              ) : (
                <span className="tag-option-create">
                  + <bdi>{t('review.picker.create', { name: entry.name })}</bdi>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {done ? (
        <p className="tag-picker-done" role="status">
          {t('review.picker.applied', { n: formatCount(done.applied + done.already), tag: tagName(done.tag, language) })}
          {done.already > 0 ? <span className="muted"> · {t('review.picker.already', { n: formatCount(done.already) })}</span> : null}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        <ErrorNotice error={tags.error ?? action.error} onDismiss={action.error ? action.clearError : undefined} />
      )}
    </div>
  );
}
