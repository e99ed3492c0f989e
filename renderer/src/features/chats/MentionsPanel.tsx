import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionSummary } from '@shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import { mentionLabel, mentionRank } from './chat-labels';
import { CHAT_CURRENCY } from './MessageMeta';

/** Values listed per kind before "show all". */
const FIRST_VALUES = 12;

interface KindGroup {
  kind: string;
  values: MentionSummary[];
  occurrences: number;
}

function groupByKind(mentions: readonly MentionSummary[]): KindGroup[] {
  const groups = new Map<string, KindGroup>();
  for (const mention of mentions) {
    const group = groups.get(mention.kind) ?? { kind: mention.kind, values: [], occurrences: 0 };
    group.values.push(mention);
    group.occurrences += mention.occurrences;
    groups.set(mention.kind, group);
  }
  return [...groups.values()].sort((a, b) => mentionRank(a.kind) - mentionRank(b.kind) || a.kind.localeCompare(b.kind));
}

/** An amount as money: the normalised value reads `CNY:500000`, else the message amounts' currency. */
function amountText(mention: MentionSummary): string | null {
  if (mention.amountMinor === null) return null;
  const currency = /^([A-Z]{3}):/.exec(mention.value)?.[1] ?? CHAT_CURRENCY;
  return formatMoney(mention.amountMinor, currency);
}

function KindSection({
  group,
  active,
  onFilterKind,
  onSearchValue,
}: {
  group: KindGroup;
  active: boolean;
  onFilterKind: (kind: string | undefined) => void;
  onSearchValue: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const label = mentionLabel(t, group.kind);
  const values = all ? group.values : group.values.slice(0, FIRST_VALUES);
  return (
    <section className="mention-kind" aria-label={label}>
      <button
        type="button"
        className="mention-kind-button"
        aria-pressed={active}
        title={t('chats.mentions.filterKind', { kind: label })}
        onClick={() => onFilterKind(active ? undefined : group.kind)}
      >
        <span className="mention-kind-name">{label}</span>
        <span className="num mention-kind-count">
          {t('chats.mentions.kindSummary', { values: formatCount(group.values.length), occurrences: formatCount(group.occurrences) })}
        </span>
      </button>
      <ul className="mention-values">
        {values.map((mention) => (
          <li key={mention.value}>
            <button type="button" className="mention-value" title={t('chats.mentions.searchValue', { text: mention.text })} onClick={() => onSearchValue(mention.text)}>
              <bdi className="mention-text">{amountText(mention) ?? mention.text}</bdi>
              {mention.valid ? null : (
                <span className="mention-invalid" title={t('chats.mentions.invalidTitle')}>
                  {t('chats.mentions.invalid')}
                </span>
              )}
              <span className="num mention-counts">
                {t('chats.mentions.occurrences', { n: formatCount(mention.occurrences) })} · {t('chats.mentions.messages', { n: formatCount(mention.messages) })}
                {mention.conversations > 1 ? ` · ${t('chats.mentions.conversations', { n: formatCount(mention.conversations) })}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {group.values.length > FIRST_VALUES ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? t('chats.mentions.showLess') : t('chats.mentions.showAll', { n: formatCount(group.values.length) })}
        </button>
      ) : null}
    </section>
  );
}

/**
 * 线索: every phone, card, ID number, account and amount written in the messages, grouped by kind with counts. A
 * kind filters the thread to the messages mentioning one; a value searches the chats for it.
 */
export function MentionsPanel({
  mentions,
  limit,
  error,
  activeKind,
  onFilterKind,
  onSearchValue,
}: {
  mentions: readonly MentionSummary[] | undefined;
  /** how many values were asked for: reaching it means the list was cut */
  limit: number;
  error: unknown;
  activeKind: string | undefined;
  onFilterKind: (kind: string | undefined) => void;
  onSearchValue: (text: string) => void;
}) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupByKind(mentions ?? []), [mentions]);
  return (
    <aside className="chat-side chat-mentions" aria-label={t('chats.mentions.title')}>
      <header className="chat-side-header">
        <h2>{t('chats.mentions.title')}</h2>
      </header>
      <div className="chat-side-body">
        <p className="note">{t('chats.mentions.hint')}</p>
        <ErrorNotice error={error} />
        {mentions === undefined ? (
          error ? null : <p className="muted">{t('app.loading')}</p>
        ) : groups.length === 0 ? (
          <p className="muted">{t('chats.mentions.empty')}</p>
        ) : (
          groups.map((group) => (
            <KindSection key={group.kind} group={group} active={activeKind === group.kind} onFilterKind={onFilterKind} onSearchValue={onSearchValue} />
          ))
        )}
        {mentions && mentions.length >= limit ? <p className="note">{t('chats.mentions.limited', { n: formatCount(limit) })}</p> : null}
      </div>
    </aside>
  );
}
