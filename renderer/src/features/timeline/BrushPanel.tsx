import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent, TimelineTxnScope } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import type { EventRef } from './EventDetail';
import type { TimeRange } from './SwimlaneChart';
import { formatMinute } from './zone-axis';

const PAGE = 200;
/** The tagging call's own limit (shared/api/tag-schemas MAX_TAG_ITEMS). */
const MAX_TAG_ITEMS = 100_000;

interface Loaded {
  key: string;
  items: TimelineEvent[];
  total: number;
  txns: number;
  messages: number;
  error: unknown;
}

/** One line of the list: time, kind, who, amount or text — seized strings as text only. */
function ItemLine({ item, zone, laneLabel, onOpen }: { item: TimelineEvent; zone: string; laneLabel: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const flags = item.flags.map((flag) => t(`timeline.flags.${flag}`));
  return (
    <li>
      <button type="button" className={`brush-item brush-item-${item.type}`} onClick={onOpen}>
        <span className="brush-item-head">
          <span className="brush-item-time num">{formatMinute(item.utcMs, zone)}</span>
          <span className={`brush-item-kind brush-kind-${item.type === 'txn' ? (item.direction ?? 'none') : 'message'}`}>
            {item.type === 'txn' ? t(`timeline.direction.${item.direction ?? 'none'}`) : t('timeline.detail.message')}
          </span>
          {item.amountMinor !== null ? <span className="brush-item-amount num">{formatMoney(item.amountMinor, item.currency ?? 'CNY')}</span> : null}
        </span>
        <span className="brush-item-lane">
          <bdi>{item.party ?? laneLabel}</bdi>
          {item.who ? (
            <>
              {' · '}
              <bdi>{item.who}</bdi>
            </>
          ) : null}
        </span>
        {item.text ? (
          <span className="brush-item-text">
            <bdi>{item.text}</bdi>
          </span>
        ) : null}
        {flags.length > 0 ? <span className="brush-item-flags">{flags.join(' · ')}</span> : null}
      </button>
    </li>
  );
}

/**
 * The records of a brushed period, in time order, a page at a time, and "tag the selection": every record of the
 * period (not only the listed page) gets the chosen tag through tags.apply.
 */
export function BrushPanel({
  range,
  lanes,
  scope,
  zone,
  readOnly,
  laneLabel,
  onOpen,
  onClear,
}: {
  range: TimeRange;
  lanes: readonly string[];
  scope: TimelineTxnScope;
  zone: string;
  readOnly: boolean;
  laneLabel: (laneId: string) => string;
  onOpen: (item: EventRef) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const key = JSON.stringify({ range, lanes, scope });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [tagId, setTagId] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const tags = useCall('tags.list', {}, { refetchOn: ['case.changed', 'audit.appended'] });
  const tagging = useAction();

  useEffect(() => {
    let live = true;
    const { range: r, lanes: l, scope: s } = JSON.parse(key) as { range: TimeRange; lanes: string[]; scope: TimelineTxnScope };
    client.call('timeline.brush', { from: r.from, to: r.to, lanes: l, scope: s, offset: 0, limit: PAGE }).then(
      (page) => {
        if (live) setLoaded({ key, items: page.items, total: page.total, txns: page.txns, messages: page.messages, error: null });
      },
      (error: unknown) => {
        if (live) setLoaded({ key, items: [], total: 0, txns: 0, messages: 0, error });
      },
    );
    return () => {
      live = false;
    };
  }, [client, key]);

  const current = loaded?.key === key ? loaded : null;

  const loadMore = () => {
    if (!current) return;
    client.call('timeline.brush', { from: range.from, to: range.to, lanes: [...lanes], scope, offset: current.items.length, limit: PAGE }).then(
      (page) => setLoaded((prev) => (prev?.key === key ? { ...prev, items: [...prev.items, ...page.items] } : prev)),
      (error: unknown) => setLoaded((prev) => (prev?.key === key ? { ...prev, error } : prev)),
    );
  };

  const language = i18n.resolvedLanguage ?? i18n.language;
  const tagList = tags.data?.tags ?? [];
  const tagLabel = (tag: { name: string; nameEn: string | null }) => (language.startsWith('zh') ? tag.name : (tag.nameEn ?? tag.name));
  const chosen = tagList.find((tag) => tag.id === tagId) ?? null;
  const total = current?.total ?? 0;

  const tagSelection = () =>
    void tagging.run(async () => {
      if (!chosen) return;
      setDone(null);
      const selection = await client.call('timeline.selection', { from: range.from, to: range.to, lanes: [...lanes], scope });
      if (selection.items.length === 0) return;
      const result = await client.call('tags.apply', { tagId: chosen.id, items: selection.items });
      setDone(t('timeline.tag.applied', { n: formatCount(result.applied + result.already), tag: tagLabel(chosen), already: formatCount(result.already) }));
    });

  return (
    <section className="timeline-side-section" aria-label={t('timeline.brush.title')}>
      <header className="timeline-side-header">
        <h2>{t('timeline.brush.title')}</h2>
        <button type="button" className="small" onClick={onClear}>
          {t('timeline.brush.clear')}
        </button>
      </header>
      <p className="brush-range num">{t('timeline.range', { from: formatMinute(range.from, zone), to: formatMinute(range.to, zone) })}</p>
      {current ? <p className="brush-counts">{t('timeline.brush.counts', { txns: formatCount(current.txns), messages: formatCount(current.messages) })}</p> : null}
      <div className="brush-tag" role="group" aria-label={t('timeline.tag.label')}>
        {readOnly ? (
          <p className="muted">{t('timeline.tag.readOnly')}</p>
        ) : tags.data && tagList.length === 0 ? (
          <p className="muted">{t('timeline.tag.none')}</p>
        ) : (
          <>
            <select aria-label={t('timeline.tag.label')} value={tagId ?? ''} onChange={(event) => setTagId(event.target.value ? Number(event.target.value) : null)}>
              <option value="">{t('timeline.tag.choose')}</option>
              {tagList.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tagLabel(tag)}
                </option>
              ))}
            </select>
            <button type="button" className="primary small" disabled={!chosen || total === 0 || total > MAX_TAG_ITEMS || tagging.pending} onClick={tagSelection}>
              {t('timeline.tag.apply', { n: formatCount(total) })}
            </button>
          </>
        )}
      </div>
      {total > MAX_TAG_ITEMS ? <p className="warn-text">{t('timeline.tag.tooMany', { total: formatCount(total), max: formatCount(MAX_TAG_ITEMS) })}</p> : null}
      {done ? (
        <p className="ok-text" role="status">
          {done}
        </p>
      ) : null}
      <ErrorNotice error={tagging.error ?? tags.error} onDismiss={tagging.error ? tagging.clearError : undefined} />
      <ErrorNotice error={current?.error ?? null} />
      {current === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : current.items.length === 0 && !current.error ? (
        <p className="muted">{t('timeline.brush.empty')}</p>
      ) : (
        <>
          <ol className="brush-list" aria-label={t('timeline.brush.title')}>
            {current.items.map((item) => (
              <ItemLine key={`${item.type}:${item.id}`} item={item} zone={zone} laneLabel={laneLabel(item.lane)} onOpen={() => onOpen({ type: item.type, id: item.id })} />
            ))}
          </ol>
          <footer className="brush-footer">
            <span className="muted num">{t('timeline.brush.shown', { shown: formatCount(current.items.length), total: formatCount(total) })}</span>
            {current.items.length < total ? (
              <button type="button" className="small" onClick={loadMore}>
                {t('timeline.brush.more')}
              </button>
            ) : null}
          </footer>
        </>
      )}
    </section>
  );
}
