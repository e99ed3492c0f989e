import { useTranslation } from 'react-i18next';
import type { ChatConversation } from '@shared/domain';
import { formatCount } from '../../components/format';
import { conversationKindLabel, platformLabel } from './chat-labels';
import { formatDateIn } from './zoned-time';

function dateRange(first: number | null, last: number | null, zone: string, none: string): string {
  if (first === null && last === null) return none;
  const from = first === null ? '' : formatDateIn(first, zone);
  const to = last === null ? '' : formatDateIn(last, zone);
  return from === to || !to ? from : !from ? to : `${from} – ${to}`;
}

function ConversationFigures({ messages, flagged, range }: { messages: number; flagged: number; range: string }) {
  const { t } = useTranslation();
  return (
    <span className="conv-line conv-sub">
      <span className="num conv-count">{t('chats.messageCount', { n: formatCount(messages) })}</span>
      <span className="conv-range">{range}</span>
      {flagged > 0 ? (
        <span className="conv-flagged num" title={t('chats.flaggedTitle', { n: formatCount(flagged) })}>
          {t('chats.flagged', { n: formatCount(flagged) })}
        </span>
      ) : null}
    </span>
  );
}

/** The conversations of the case, newest activity first, under an entry for all of them together. */
export function ConversationList({
  conversations,
  selectedId,
  zone,
  onSelect,
}: {
  conversations: readonly ChatConversation[];
  selectedId: number | null;
  zone: string;
  onSelect: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const none = t('chats.noTime');
  const total = conversations.reduce((sum, c) => sum + c.messages, 0);
  const flagged = conversations.reduce((sum, c) => sum + c.flagged, 0);
  const first = conversations.reduce<number | null>((min, c) => (c.firstUtc !== null && (min === null || c.firstUtc < min) ? c.firstUtc : min), null);
  const last = conversations.reduce<number | null>((max, c) => (c.lastUtc !== null && (max === null || c.lastUtc > max) ? c.lastUtc : max), null);
  const allRange = dateRange(first, last, zone, none);
  return (
    <nav className="chat-convs" aria-label={t('chats.conversations')}>
      <ul className="conv-list">
        <li>
          <button type="button" className="conv-item conv-all" aria-current={selectedId === null ? 'true' : undefined} onClick={() => onSelect(null)}>
            <span className="conv-line">
              <span className="conv-title">{t('chats.allConversations')}</span>
              <span className="conv-kind">{t('chats.summary', { conversations: formatCount(conversations.length), messages: formatCount(total) })}</span>
            </span>
            <ConversationFigures messages={total} flagged={flagged} range={allRange} />
          </button>
        </li>
        {conversations.map((c) => {
          const details = [c.owner ? t('chats.owner', { name: c.owner }) : '', ...c.sources].filter(Boolean).join('\n');
          return (
            <li key={c.id}>
              <button
                type="button"
                className="conv-item"
                aria-current={selectedId === c.id ? 'true' : undefined}
                title={details || undefined}
                onClick={() => onSelect(c.id)}
              >
                <span className="conv-line">
                  <span className={`conv-platform conv-platform-${c.platform}`}>{platformLabel(t, c.platform)}</span>
                  <bdi className="conv-title">{c.title}</bdi>
                  <span className="conv-kind">
                    {conversationKindLabel(t, c.kind)}
                    {c.kind !== 'private' && c.participants > 0 ? ` · ${t('chats.participants', { n: formatCount(c.participants) })}` : ''}
                  </span>
                </span>
                <ConversationFigures messages={c.messages} flagged={c.flagged} range={dateRange(c.firstUtc, c.lastUtc, zone, none)} />
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
