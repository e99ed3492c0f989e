import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { isolate } from './chat-labels';
import { Highlighted, type DescribeSpan } from './Highlighted';
import { MessageMarkers, MessageTime } from './MessageMeta';
import { findOccurrences, snippetsOf } from './text-spans';
import type { SearchResults } from './use-search-results';

function ResultSnippets({ message, query, describe }: { message: ChatMessage; query: string; describe: DescribeSpan }) {
  const spans = message.spans.some((s) => s.kind === 'search') ? message.spans : [...message.spans, ...findOccurrences(message.text, query)];
  return (
    <span className="result-snippets">
      {snippetsOf(message.text, spans).map((snippet) => (
        <span key={snippet.start} className="result-snippet">
          {snippet.before ? '…' : ''}
          <bdi>
            <Highlighted text={message.text} spans={spans} from={snippet.start} to={snippet.end} describe={describe} />
          </bdi>
          {snippet.after ? '…' : ''}
        </span>
      ))}
    </span>
  );
}

/** Messages matching the search, each with its hits in context; a click opens it in its thread. */
export function SearchResultsView({
  results,
  query,
  scopeTitle,
  zone,
  describe,
  onOpen,
  onBack,
}: {
  results: SearchResults;
  query: string;
  /** the conversation searched, null for all */
  scopeTitle: string | null;
  zone: string;
  describe: DescribeSpan;
  onOpen: (message: ChatMessage) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { messages, total, loading, error } = results;
  const shown = messages?.length ?? 0;
  return (
    <section className="search-results" aria-label={t('chats.search.results')} aria-busy={loading}>
      <header className="centre-header">
        <strong>{messages ? t('chats.search.count', { query, n: formatCount(total) }) : t('chats.thread.loading')}</strong>
        <span className="muted">{scopeTitle === null ? t('chats.search.scopeAll') : t('chats.search.scopeOne', { title: isolate(scopeTitle) })}</span>
        <span className="muted">{t('chats.search.hint')}</span>
        <button type="button" className="small centre-header-end" onClick={onBack}>
          {t('chats.search.backToThread')}
        </button>
      </header>
      <ErrorNotice error={error} />
      {messages && messages.length === 0 && !loading ? <p className="muted">{t('chats.search.none', { query })}</p> : null}
      <ol className="result-list">
        {(messages ?? []).map((message) => (
          <li key={message.id}>
            <button type="button" className="result" onClick={() => onOpen(message)}>
              <span className="result-meta">
                <MessageTime message={message} zone={zone} />
                <bdi className="result-conversation">{message.conversationTitle}</bdi>
                <bdi className="msg-sender">{message.senderName ?? t('chats.thread.noSender')}</bdi>
                <MessageMarkers message={message} />
              </span>
              <ResultSnippets message={message} query={query} describe={describe} />
            </button>
          </li>
        ))}
      </ol>
      {shown < total ? (
        <button type="button" className="small result-more" onClick={results.loadMore} disabled={loading}>
          {t('chats.search.loadMore', { shown: formatCount(shown), total: formatCount(total) })}
        </button>
      ) : null}
    </section>
  );
}
