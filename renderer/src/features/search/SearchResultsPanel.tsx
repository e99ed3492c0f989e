import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlobalSearchResult } from '@shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import { formatUtcMs } from '../chats/zoned-time';
import { itemHref } from '../tags/tag-labels';
import { fieldLabel, identifierTypeLabel, readingLabel, roleLabel } from './result-labels';

type GroupKey = 'transactions' | 'messages' | 'identifiers' | 'accounts' | 'persons' | 'sources';

function Matched({ fields }: { fields: readonly string[] }) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  return <span className="search-matched">{fields.map((field) => fieldLabel(t, field)).join(' · ')}</span>;
}

function Group({ name, total, shown, children }: { name: GroupKey; total: number; shown: number; children: ReactNode }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const title = t(`review.search.groups.${name}`);
  return (
    <section className="search-group" aria-label={`${title} ${total}`}>
      <h3>
        {title} <span className="num">{t('review.search.total', { n: formatCount(total) })}</span>
        {total > shown ? <span className="muted search-showing"> {t('review.search.showing', { shown: formatCount(shown), total: formatCount(total) })}</span> : null}
      </h3>
      <ul className="plain-list search-hits">{children}</ul>
    </section>
  );
}

/** A result row that opens its item; seized strings inside are text only. */
function Hit({ href, title, onOpen, children }: { href: string | null; title: string; onOpen: () => void; children: ReactNode }) {
  return (
    <li>
      {href ? (
        <a className="search-hit" href={href} title={title} onClick={onOpen}>
          {children}
        </a>
      ) : (
        <div className="search-hit">{children}</div>
      )}
    </li>
  );
}

/**
 * What the global search found, grouped by kind — transactions, messages, technology-chain identifiers, accounts,
 * persons, original files — each with its total, what the query was read as, and where in each item it matched.
 */
export function SearchResultsPanel({
  query,
  result,
  loading,
  error,
  zone,
  onClose,
}: {
  query: string;
  result: GlobalSearchResult | undefined;
  loading: boolean;
  error: unknown;
  zone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const time = (utcMs: number | null, text: string | null) => (utcMs !== null ? formatUtcMs(utcMs, zone) : (text ?? ''));
  const empty =
    result !== undefined &&
    result.transactions.total + result.messages.total + result.identifiers.total + result.accounts.total + result.persons.total + result.sources.total === 0;
  return (
    <section className="search-panel" aria-label={t('review.search.results')}>
      <header className="search-panel-header">
        {result && result.readAs.length > 0 ? (
          <span>
            <span className="muted">{t('review.search.readAs')}</span> {result.readAs.map((reading) => readingLabel(t, reading)).join(' · ')}
          </span>
        ) : null}
        {loading ? <span className="muted">{t('review.search.searching')}</span> : null}
        <span className="muted search-hint">{t('review.search.hint')}</span>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('app.close')}>
          ×
        </button>
      </header>
      <ErrorNotice error={error} />
      {result && result.readAs.length === 0 ? <p className="muted">{t('review.search.nothingRead')}</p> : null}
      {empty && result.readAs.length > 0 ? <p>{t('review.search.noHits', { query })}</p> : null}
      {result ? (
        <div className="search-groups">
          <Group name="transactions" total={result.transactions.total} shown={result.transactions.items.length}>
            {result.transactions.items.map((hit) => (
              <Hit key={hit.id} href={itemHref({ type: 'txn', id: hit.id })} title={t('review.search.openTxn')} onOpen={onClose}>
                <span className="num search-time">{time(hit.utcMs, hit.timeText)}</span>
                <bdi className="search-code">{hit.account}</bdi>
                {hit.holder ? <bdi>{hit.holder}</bdi> : null}
                <span className={`num search-amount${hit.amountMinor < 0 ? ' amount-out' : ''}`}>{formatMoney(hit.amountMinor, hit.currency)}</span>
                {hit.cpName || hit.cpAccount ? (
                  <bdi>
                    → {hit.cpName ?? ''} {hit.cpAccount ?? ''}
                  </bdi>
                ) : null}
                {hit.summary ? <bdi className="muted">{hit.summary}</bdi> : null}
                <Matched fields={hit.matched} />
              </Hit>
            ))}
          </Group>
          <Group name="messages" total={result.messages.total} shown={result.messages.items.length}>
            {result.messages.items.map((hit) => (
              <Hit key={hit.id} href={itemHref({ type: 'message', id: hit.id })} title={t('review.search.openMessage')} onOpen={onClose}>
                <span className="num search-time">{time(hit.utcMs, hit.timeText)}</span>
                <bdi className="muted">{hit.conversationTitle}</bdi>
                <bdi className="search-sender">{hit.sender ?? ''}</bdi>
                <bdi className="search-snippet">{hit.snippet}</bdi>
                <Matched fields={hit.matched} />
              </Hit>
            ))}
          </Group>
          <Group name="identifiers" total={result.identifiers.total} shown={result.identifiers.items.length}>
            {result.identifiers.items.map((hit) => (
              <Hit
                key={hit.id}
                href={hit.accountId === null ? null : itemHref({ type: 'account', id: hit.accountId })}
                title={t('review.search.openAccount')}
                onOpen={onClose}
              >
                <span className="badge">{roleLabel(t, hit.role)}</span>
                <span>{identifierTypeLabel(t, hit.type)}</span>
                <bdi className="search-code">{hit.value}</bdi>
                {hit.account ? <bdi className="search-code">{hit.account}</bdi> : null}
                {hit.holder ? <bdi>{hit.holder}</bdi> : null}
                {hit.observedUtc !== null || hit.observedText ? <span className="num muted">{time(hit.observedUtc, hit.observedText)}</span> : null}
                <bdi className="muted path">
                  {hit.file} · {t('review.search.line', { line: hit.line })}
                </bdi>
              </Hit>
            ))}
          </Group>
          <Group name="accounts" total={result.accounts.total} shown={result.accounts.items.length}>
            {result.accounts.items.map((hit) => (
              <Hit key={hit.id} href={itemHref({ type: 'account', id: hit.id })} title={t('review.search.openAccount')} onOpen={onClose}>
                <bdi className="search-code">
                  {hit.number}
                  {hit.subAccount ? `_${hit.subAccount}` : ''}
                </bdi>
                {hit.holderName ? <bdi>{hit.holderName}</bdi> : null}
                {hit.holderId ? <bdi className="search-code">{hit.holderId}</bdi> : null}
                {hit.bankName ? <bdi className="muted">{hit.bankName}</bdi> : null}
                <span className="num muted">{t('review.search.txns', { n: formatCount(hit.txns) })}</span>
                <Matched fields={hit.matched} />
              </Hit>
            ))}
          </Group>
          <Group name="persons" total={result.persons.total} shown={result.persons.items.length}>
            {result.persons.items.map((hit) => (
              <Hit key={hit.id} href={null} title="" onOpen={onClose}>
                <bdi>{hit.name}</bdi>
                {hit.idType ? <bdi className="muted">{hit.idType}</bdi> : null}
                {hit.idNumber ? <bdi className="search-code">{hit.idNumber}</bdi> : null}
                <bdi className="muted path">
                  {hit.file} · {t('review.search.line', { line: hit.line })}
                </bdi>
                <Matched fields={hit.matched} />
              </Hit>
            ))}
          </Group>
          <Group name="sources" total={result.sources.total} shown={result.sources.items.length}>
            {result.sources.items.map((hit) => (
              <Hit key={hit.id} href="#/import/sources" title={t('review.search.openSources')} onOpen={onClose}>
                <bdi className="path">{hit.relPath}</bdi>
                <span className="search-code muted">SHA-256 {hit.sha256.slice(0, 16)}…</span>
                <Matched fields={hit.matched} />
              </Hit>
            ))}
          </Group>
        </div>
      ) : null}
    </section>
  );
}
