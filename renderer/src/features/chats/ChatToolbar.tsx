import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatParticipant, LexiconGroupSummary } from '@shared/domain';
import { formatCount } from '../../components/format';
import { MENTION_KINDS, isolate, mentionLabel } from './chat-labels';

/** The filters of the thread and the search besides the conversation. */
export interface ThreadFilters {
  senderId?: number | undefined;
  lexiconGroup?: string | undefined;
  mentionKind?: string | undefined;
}

/** Search (Enter), jump to a date, and the filters by lexicon group, identifier type and sender. */
export function ChatToolbar({
  activeQuery,
  onSearch,
  onClearSearch,
  onJumpToDate,
  zone,
  filters,
  onFilters,
  groups,
  groupName,
  participants,
  conversationChosen,
  extraKinds,
}: {
  activeQuery: string | null;
  onSearch: (query: string) => void;
  onClearSearch: () => void;
  onJumpToDate: (date: string) => void;
  zone: string;
  filters: ThreadFilters;
  onFilters: (filters: ThreadFilters) => void;
  groups: readonly LexiconGroupSummary[];
  groupName: (group: LexiconGroupSummary) => string;
  participants: readonly ChatParticipant[];
  conversationChosen: boolean;
  /** mention kinds found in the case that the app has no label for */
  extraKinds: readonly string[];
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(activeQuery ?? '');
  const [date, setDate] = useState('');
  // a search started elsewhere (a value in the mentions panel) shows its words in the box
  const [seenQuery, setSeenQuery] = useState(activeQuery);
  if (seenQuery !== activeQuery) {
    setSeenQuery(activeQuery);
    if (activeQuery !== null) setDraft(activeQuery);
  }
  const filtered = filters.senderId !== undefined || filters.lexiconGroup !== undefined || filters.mentionKind !== undefined;
  const kinds = [...MENTION_KINDS, ...extraKinds];

  return (
    <div className="chat-toolbar">
      <form
        className="chat-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const query = draft.trim();
          if (query) onSearch(query.slice(0, 200));
        }}
      >
        <input
          type="search"
          value={draft}
          maxLength={200}
          aria-label={t('chats.search.label')}
          placeholder={t('chats.search.placeholder')}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={draft.trim() === ''}>
          {t('chats.search.submit')}
        </button>
        {activeQuery !== null ? (
          <button
            type="button"
            className="small"
            onClick={() => {
              setDraft('');
              onClearSearch();
            }}
          >
            {t('chats.search.clear')}
          </button>
        ) : null}
      </form>
      <form
        className="chat-jump"
        onSubmit={(event) => {
          event.preventDefault();
          if (date) onJumpToDate(date);
        }}
      >
        <label title={t('chats.jump.hint', { zone })}>
          {t('chats.jump.label')} <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </label>
        <button type="submit" disabled={!date}>
          {t('chats.jump.submit')}
        </button>
      </form>
      <label className="chat-filter">
        {t('chats.filter.lexicon')}{' '}
        <select value={filters.lexiconGroup ?? ''} onChange={(event) => onFilters({ ...filters, lexiconGroup: event.target.value || undefined })}>
          <option value="">{t('chats.filter.lexiconAll')}</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {t('chats.filter.groupOption', { name: groupName(group), n: formatCount(group.hits) })}
            </option>
          ))}
        </select>
      </label>
      <label className="chat-filter">
        {t('chats.filter.mention')}{' '}
        <select value={filters.mentionKind ?? ''} onChange={(event) => onFilters({ ...filters, mentionKind: event.target.value || undefined })}>
          <option value="">{t('chats.filter.mentionAll')}</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {mentionLabel(t, kind)}
            </option>
          ))}
        </select>
      </label>
      <label className="chat-filter" title={conversationChosen ? undefined : t('chats.filter.senderNeedsConversation')}>
        {t('chats.filter.sender')}{' '}
        <select
          value={filters.senderId === undefined ? '' : String(filters.senderId)}
          disabled={!conversationChosen}
          onChange={(event) => onFilters({ ...filters, senderId: event.target.value ? Number(event.target.value) : undefined })}
        >
          <option value="">{t('chats.filter.senderAll')}</option>
          {participants.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {t('chats.filter.senderOption', { name: isolate(p.name || p.platformId), n: formatCount(p.messages) })}
            </option>
          ))}
        </select>
      </label>
      {filtered ? (
        <button type="button" className="small" onClick={() => onFilters({})}>
          {t('chats.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}
