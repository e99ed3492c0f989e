import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@shared/domain';
import { formatCount } from '../../components/format';
import { Highlighted, type DescribeSpan } from './Highlighted';
import { EXPAND_STEP, PREVIEW_CHARS, findOccurrences, safeCut } from './text-spans';

/**
 * A message's text as text: the first ~2,000 characters, then 展开 in large steps, so a pasted million-character
 * message neither freezes the page nor hides its end. The active search term is marked too.
 */
export function MessageText({
  message,
  query,
  shown,
  onShown,
  describe,
}: {
  message: ChatMessage;
  query: string | null;
  /** characters drawn */
  shown: number;
  onShown: (chars: number) => void;
  describe: DescribeSpan;
}) {
  const { t } = useTranslation();
  const { text } = message;
  const cut = safeCut(text, Math.max(shown, PREVIEW_CHARS));
  const spans = useMemo(() => {
    const own = message.spans;
    if (!query || own.some((s) => s.kind === 'search')) return own;
    return [...own, ...findOccurrences(text.slice(0, cut), query)];
  }, [message.spans, query, text, cut]);
  if (text === '') return null;
  const open = cut > PREVIEW_CHARS;
  return (
    <div className={open ? 'msg-text msg-text-open' : 'msg-text'}>
      <bdi className="msg-text-body">
        <Highlighted text={text} spans={spans} to={cut} describe={describe} />
      </bdi>
      {cut < text.length || open ? (
        <span className="msg-more">
          {cut < text.length ? (
            <>
              <span aria-hidden="true">…</span>
              <button
                type="button"
                className="link-button"
                onClick={(event) => {
                  event.stopPropagation();
                  onShown(cut + EXPAND_STEP);
                }}
              >
                {t('chats.thread.expand', { n: formatCount(text.length - cut) })}
              </button>
            </>
          ) : null}
          {open ? (
            <button
              type="button"
              className="link-button"
              onClick={(event) => {
                event.stopPropagation();
                onShown(PREVIEW_CHARS);
              }}
            >
              {t('chats.thread.collapse')}
            </button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
