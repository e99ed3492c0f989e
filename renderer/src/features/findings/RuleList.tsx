import { useTranslation } from 'react-i18next';
import type { RuleFindingCount, RuleInfo } from '@shared/domain';
import { formatCount } from '../../components/format';
import { RuleParams, type ParamDraft } from './RuleParams';

const CATEGORIES = ['typology', 'flow', 'link', 'pattern'] as const;

/**
 * Every rule by category: a checkbox choosing it for the next run, its name, version and number of findings;
 * opening a rule shows its findings and its parameters (editable before a run).
 */
export function RuleList({
  rules,
  counts,
  chosen,
  onChoose,
  selected,
  onSelect,
  drafts,
  onDraft,
  disabled,
}: {
  rules: readonly RuleInfo[];
  counts: readonly RuleFindingCount[];
  chosen: ReadonlySet<string>;
  onChoose: (id: string, on: boolean) => void;
  selected: string | null;
  onSelect: (id: string) => void;
  drafts: Readonly<Record<string, ParamDraft>>;
  onDraft: (id: string, draft: ParamDraft) => void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <nav aria-label={t('findings.rules')}>
      {CATEGORIES.map((category) => {
        const inCategory = rules.filter((r) => r.category === category);
        if (inCategory.length === 0) return null;
        return (
          <section key={category}>
            <h2>{t(`findings.categories.${category}`)}</h2>
            <ul>
              {inCategory.map((rule) => {
                const name = language.startsWith('zh') ? rule.name.zh : rule.name.en;
                const count = counts.find((c) => c.rule === rule.id);
                const open = selected === rule.id;
                return (
                  <li key={rule.id}>
                    <div className="rule-entry" aria-current={open ? 'true' : undefined}>
                      <input type="checkbox" aria-label={t('findings.runThis', { rule: name })} checked={chosen.has(rule.id)} disabled={disabled} onChange={(e) => onChoose(rule.id, e.target.checked)} />
                      <button type="button" className="rule-open" title={language.startsWith('zh') ? rule.description.zh : rule.description.en} onClick={() => onSelect(rule.id)}>
                        <span>{name}</span>
                        <span className="rule-meta">
                          {rule.id} · v{rule.version}
                          {count && count.version !== rule.version ? ` · ${t('findings.storedVersion', { version: count.version })}` : ''}
                        </span>
                      </button>
                      <span className="rule-count num" title={t('findings.countTitle')}>
                        {count ? formatCount(count.count) : '—'}
                      </span>
                    </div>
                    {open ? <RuleParams rule={rule} draft={drafts[rule.id] ?? {}} onChange={(draft) => onDraft(rule.id, draft)} disabled={disabled} /> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
