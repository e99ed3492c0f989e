import './chats.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '@shared/api';
import type { CaseInfo, ChatFilter, ChatMessage, LexiconGroupSummary } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useDisplayZone } from '../../app/display-zone';
import type { RouteId } from '../../app/routes';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { groupName, MENTION_KINDS, mentionLabel } from './chat-labels';
import { ChatToolbar, type ThreadFilters } from './ChatToolbar';
import { ConversationList } from './ConversationList';
import type { DescribeSpan } from './Highlighted';
import { LexiconDialog } from './LexiconDialog';
import { locateMessageIndex } from './locate-message';
import { MentionsPanel } from './MentionsPanel';
import { useOpenMessageParam } from '../search/use-open-message-param';
import { MessageDetail } from './MessageDetail';
import { SearchResultsView } from './SearchResultsView';
import { ThreadView, type JumpTarget } from './ThreadView';
import { useSearchResults } from './use-search-results';
import { startOfDayUtc } from './zoned-time';

const REFRESH_ON: readonly EventName[] = ['case.changed', 'import.finished'];
const MENTION_LIMIT = 1000;

function filterOf(conversationId: number | null, filters: ThreadFilters): ChatFilter {
  return {
    conversationId: conversationId ?? undefined,
    senderId: filters.senderId,
    lexiconGroup: filters.lexiconGroup,
    mentionKind: filters.mentionKind,
  };
}

/**
 * 聊天: conversations on the left, the thread (or search results) in the middle, the identifiers found on the right;
 * search, jump to a date and filters on top. Seized text is shown as text only, every row traceable to its file.
 */
export function ChatsPage({ caseInfo, navigate }: { caseInfo: CaseInfo; navigate: (route: RouteId) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const zone = useDisplayZone();
  const client = useClient();

  const conversations = useCall('chats.conversations', {}, { refetchOn: REFRESH_ON });
  const lexicon = useCall('lexicon.groups', {}, { refetchOn: REFRESH_ON });
  const [conversationId, setConversationId] = useState<number | null>(null);
  const [filters, setFilters] = useState<ThreadFilters>({});
  const participants = useCall('chats.participants', { conversationId: conversationId ?? 0 }, { enabled: conversationId !== null, refetchOn: REFRESH_ON });
  const mentions = useCall(
    'chats.mentions',
    conversationId === null ? { limit: MENTION_LIMIT } : { conversationId, limit: MENTION_LIMIT },
    { refetchOn: REFRESH_ON },
  );

  const [query, setQuery] = useState<string | null>(null);
  const [view, setView] = useState<'thread' | 'results'>('thread');
  const [jump, setJump] = useState<JumpTarget | null>(null);
  const jumps = useRef(0);
  const [selected, setSelected] = useState<ChatMessage | null>(null);
  const [threadTotal, setThreadTotal] = useState<number | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [lexiconOpen, setLexiconOpen] = useState(false);
  const locate = useAction();

  const filter = useMemo(() => filterOf(conversationId, filters), [conversationId, filters]);
  // the search keeps the scope it was started in while its results are opened one by one in their threads
  const [searchScope, setSearchScope] = useState<ChatFilter>({});
  const search = useSearchResults(searchScope, query);

  const groups = lexicon.data?.groups;
  const nameOfGroup = useCallback((group: LexiconGroupSummary) => (language.startsWith('zh') ? group.name.zh : group.name.en), [language]);
  const describe = useCallback<DescribeSpan>(
    (kind, label) => (kind === 'lexicon' ? `${t('chats.filter.lexicon')}：${groupName(groups, label, language)}` : mentionLabel(t, label)),
    [t, groups, language],
  );
  const extraKinds = useMemo(() => {
    const known = new Set<string>(MENTION_KINDS);
    return [...new Set((mentions.data?.mentions ?? []).map((m) => m.kind).filter((kind) => !known.has(kind)))].sort();
  }, [mentions.data]);

  const list = conversations.data?.conversations;
  const current = list?.find((c) => c.id === conversationId) ?? null;

  const nextJump = (index: number, messageId: number | null) => {
    jumps.current += 1;
    setJump({ index, messageId, seq: jumps.current });
  };

  /** the reader changed what to look at: the thread and the search both follow */
  const applyScope = (id: number | null, next: ThreadFilters) => {
    setConversationId(id);
    setFilters(next);
    setSearchScope(filterOf(id, next));
    setJump(null);
    setNotice(null);
  };

  const chooseConversation = (id: number | null) => applyScope(id, { ...filters, senderId: undefined });

  const runSearch = (text: string) => {
    setQuery(text);
    setSearchScope(filter);
    setView('results');
    setNotice(null);
  };

  const openResult = (message: ChatMessage) =>
    void locate.run(async () => {
      const target: ChatFilter = { ...filter, conversationId: message.conversationId };
      const index = await locateMessageIndex(client, target, message);
      setConversationId(message.conversationId);
      setView('thread');
      setNotice(null);
      nextJump(index, message.id);
    });

  // #/chats?message=<id> (the global search, the tag lists): open that message in its thread and its details
  useOpenMessageParam((message) => {
    openResult(message);
    setSelected(message);
  });

  const jumpToDate = (date: string) =>
    void locate.run(async () => {
      const utcMs = startOfDayUtc(date, zone);
      if (utcMs === null) return;
      const { index } = await client.call('chats.locate', { ...filter, utcMs });
      setView('thread');
      setNotice(threadTotal !== undefined && index >= threadTotal ? t('chats.jump.none', { date }) : null);
      nextJump(index, null);
    });

  const afterLexiconSaved = () => {
    setGeneration((g) => g + 1);
    conversations.reload();
    lexicon.reload();
    mentions.reload();
  };

  const header = (
    <header className="page-header">
      <h1>{t('chats.title')}</h1>
      {list && list.length > 0 ? (
        <span className="muted num">
          {t('chats.summary', { conversations: formatCount(list.length), messages: formatCount(list.reduce((sum, c) => sum + c.messages, 0)) })}
        </span>
      ) : null}
      <div className="header-actions">
        <button type="button" className="small" onClick={() => setLexiconOpen(true)}>
          {t('chats.lexicon.edit')}
        </button>
      </div>
      {lexiconOpen ? <LexiconDialog readOnly={caseInfo.readOnly} onClose={() => setLexiconOpen(false)} onSaved={afterLexiconSaved} /> : null}
    </header>
  );

  if (list === undefined) {
    return (
      <div className="page">
        {header}
        <ErrorNotice error={conversations.error} onRetry={conversations.reload} />
        {conversations.error ? null : <p className="muted">{t('app.loading')}</p>}
      </div>
    );
  }
  if (list.length === 0) {
    return (
      <div className="page">
        {header}
        <EmptyState
          title={t('chats.emptyTitle')}
          body={t('chats.emptyBody')}
          next={t('chats.emptyNext')}
          action={
            <button type="button" className="primary" onClick={() => navigate('import')}>
              {t('chats.goImport')}
            </button>
          }
        />
      </div>
    );
  }

  const filtered = filters.senderId !== undefined || filters.lexiconGroup !== undefined || filters.mentionKind !== undefined;
  return (
    <div className="page chats-page">
      {header}
      <ChatToolbar
        activeQuery={query}
        onSearch={runSearch}
        onClearSearch={() => {
          setQuery(null);
          setView('thread');
        }}
        onJumpToDate={jumpToDate}
        zone={zone}
        filters={filters}
        onFilters={(next) => applyScope(conversationId, next)}
        groups={groups ?? []}
        groupName={nameOfGroup}
        participants={participants.data?.participants ?? []}
        conversationChosen={conversationId !== null}
        extraKinds={extraKinds}
      />
      <ErrorNotice error={locate.error ?? lexicon.error ?? participants.error} onDismiss={locate.error ? locate.clearError : undefined} />
      <div className="chats-layout">
        <ConversationList conversations={list} selectedId={conversationId} zone={zone} onSelect={chooseConversation} />
        <section className="chats-centre" aria-label={current ? current.title : t('chats.allConversations')}>
          {view === 'results' && query !== null ? (
            <SearchResultsView
              results={search}
              query={query}
              scopeTitle={searchScope.conversationId === undefined ? null : (list.find((c) => c.id === searchScope.conversationId)?.title ?? String(searchScope.conversationId))}
              zone={zone}
              describe={describe}
              onOpen={openResult}
              onBack={() => setView('thread')}
            />
          ) : null}
          <div className="thread-pane" hidden={view === 'results' && query !== null}>
            <header className="centre-header">
              <strong>{current ? <bdi>{current.title}</bdi> : t('chats.allConversations')}</strong>
              {threadTotal !== undefined ? <span className="num">{t('chats.thread.total', { n: formatCount(threadTotal) })}</span> : null}
              {filtered ? <span className="badge">{t('chats.thread.filtered')}</span> : null}
              {notice ? (
                <span className="warn-text" role="status">
                  {notice}
                </span>
              ) : null}
              {query !== null ? (
                <button type="button" className="small centre-header-end" onClick={() => setView('results')}>
                  {t('chats.search.showResults', { n: formatCount(search.total) })}
                </button>
              ) : null}
            </header>
            <ThreadView
              key={`${JSON.stringify(filter)}#${generation}`}
              filter={filter}
              query={query}
              zone={zone}
              jump={jump}
              selectedId={selected?.id ?? null}
              showConversation={conversationId === null}
              describe={describe}
              onSelect={setSelected}
              onTotal={setThreadTotal}
            />
          </div>
        </section>
        {selected ? (
          <MessageDetail key={selected.id} message={selected} zone={zone} query={query} describe={describe} onClose={() => setSelected(null)} />
        ) : (
          <MentionsPanel
            mentions={mentions.data?.mentions}
            limit={MENTION_LIMIT}
            error={mentions.error}
            activeKind={filters.mentionKind}
            onFilterKind={(kind) => {
              applyScope(conversationId, { ...filters, mentionKind: kind });
              setView('thread');
            }}
            onSearchValue={runSearch}
          />
        )}
      </div>
    </div>
  );
}
