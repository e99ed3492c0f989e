import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChatFilter, ChatMessage } from '@shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { DescribeSpan } from './Highlighted';
import { MessageRow } from './MessageRow';
import { PREVIEW_CHARS } from './text-spans';
import { useMessagePages } from './use-message-pages';

/** A typical one-line message with its header; real heights are measured as rows appear. */
const ESTIMATED_ROW = 58;

/** Scroll to the message at `index` (and mark it when its id is known); `seq` makes the same jump repeatable. */
export interface JumpTarget {
  index: number;
  messageId: number | null;
  seq: number;
}

/**
 * The messages the filter selects, in time order, virtualised: only the rows near the screen exist in the page, and
 * only their pages are fetched, while the scrollbar spans every message.
 */
export function ThreadView({
  filter,
  query,
  zone,
  jump,
  selectedId,
  showConversation,
  describe,
  onSelect,
  onTotal,
}: {
  filter: ChatFilter;
  query: string | null;
  zone: string;
  jump: JumpTarget | null;
  selectedId: number | null;
  showConversation: boolean;
  describe: DescribeSpan;
  onSelect: (message: ChatMessage) => void;
  onTotal: (total: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const pages = useMessagePages(filter);
  const { total, request, messageAt } = pages;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  // TanStack Virtual keeps its own mutable state; this component re-renders on its onChange, as the library intends
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => request(first, last), [request, first, last]);
  useEffect(() => onTotal(total), [onTotal, total]);

  const handledJump = useRef(0);
  useEffect(() => {
    if (!jump || jump.seq === handledJump.current || total === undefined) return;
    handledJump.current = jump.seq;
    if (total > 0) virtualizer.scrollToIndex(Math.min(Math.max(0, jump.index), total - 1), { align: 'start' });
  }, [jump, total, virtualizer]);

  // how much of each long message is drawn, by message id; survives the row scrolling out of view
  const [shown, setShown] = useState<ReadonlyMap<number, number>>(new Map());
  const setShownFor = useCallback((id: number, chars: number) => setShown((prev) => new Map(prev).set(id, chars)), []);

  const targetId = jump?.messageId ?? null;
  return (
    <div className="thread">
      <ErrorNotice error={pages.error} onRetry={pages.refresh} />
      {total === 0 ? <p className="thread-empty muted">{t('chats.thread.empty')}</p> : null}
      <div
        ref={scrollRef}
        className="thread-scroll"
        role="feed"
        aria-label={t('chats.thread.label')}
        aria-busy={total === undefined || items.some((item) => messageAt(item.index) === undefined)}
        tabIndex={0}
      >
        <div className="thread-sizer" style={{ height: virtualizer.getTotalSize() }}>
          <div className="thread-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => {
              const message = messageAt(item.index);
              return (
                <div key={item.key} className="msg-slot" data-index={item.index} ref={virtualizer.measureElement}>
                  {message ? (
                    <MessageRow
                      message={message}
                      zone={zone}
                      query={query}
                      showConversation={showConversation}
                      selected={message.id === selectedId}
                      target={message.id === targetId}
                      shown={shown.get(message.id) ?? PREVIEW_CHARS}
                      onShown={(chars) => setShownFor(message.id, chars)}
                      onSelect={onSelect}
                      describe={describe}
                      position={item.index + 1}
                      size={count}
                    />
                  ) : (
                    <div className="msg msg-placeholder" aria-hidden="true">
                      {t('chats.thread.loading')}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
