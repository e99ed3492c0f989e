import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@shared/domain';
import { HIT_THRESHOLD } from '@shared/lexicon';
import type { DescribeSpan } from './Highlighted';
import { AttachmentList, MessageMarkers, MessageTime } from './MessageMeta';
import { MessageText } from './MessageText';

/**
 * One message in the thread. Every seized string (sender, conversation, text, file names) sits in its own <bdi>, so
 * an RTL override inside it cannot reorder the time, badges or anything else on the row.
 */
export function MessageRow({
  message,
  zone,
  query,
  showConversation,
  selected,
  target,
  shown,
  onShown,
  onSelect,
  describe,
  position,
  size,
}: {
  message: ChatMessage;
  zone: string;
  query: string | null;
  showConversation: boolean;
  selected: boolean;
  target: boolean;
  shown: number;
  onShown: (chars: number) => void;
  onSelect: (message: ChatMessage) => void;
  describe: DescribeSpan;
  position: number;
  size: number;
}) {
  const { t } = useTranslation();
  const classes = ['msg'];
  if (message.type === 'system' || message.type === 'recalled') classes.push('msg-system');
  if (message.outgoing) classes.push('msg-outgoing');
  if (selected) classes.push('msg-selected');
  if (target) classes.push('msg-target');
  if (message.lexiconScore >= HIT_THRESHOLD) classes.push('msg-flagged');
  return (
    <article className={classes.join(' ')} aria-posinset={position} aria-setsize={size} data-message-id={message.id} onClick={() => onSelect(message)}>
      <div className="msg-head">
        <MessageTime message={message} zone={zone} />
        {showConversation ? <bdi className="msg-conversation">{message.conversationTitle}</bdi> : null}
        <bdi className="msg-sender">{message.senderName ?? t('chats.thread.noSender')}</bdi>
        {message.outgoing ? (
          <span className="msg-out" title={t('chats.thread.outgoing')} aria-label={t('chats.thread.outgoing')}>
            ↗
          </span>
        ) : null}
        <MessageMarkers message={message} />
        <button
          type="button"
          className="link-button msg-details"
          onClick={(event) => {
            event.stopPropagation();
            onSelect(message);
          }}
        >
          {t('chats.thread.details')}
        </button>
      </div>
      <MessageText message={message} query={query} shown={shown} onShown={onShown} describe={describe} />
      <AttachmentList message={message} />
    </article>
  );
}
