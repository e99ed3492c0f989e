import { useTranslation } from 'react-i18next';
import type { RuleInfo } from '@shared/domain';
import { formatParam, paramLabel } from './rule-labels';

export type ParamDraft = Record<string, string | boolean>;

/** The parameters of one rule, editable before a run; a changed value is bold, the default is shown beside it. */
export function RuleParams({ rule, draft, onChange, disabled }: { rule: RuleInfo; draft: ParamDraft; onChange: (next: ParamDraft) => void; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const changed = rule.params.some((p) => draft[p.key] !== undefined && String(draft[p.key]) !== String(p.default));
  return (
    <div className="rule-params" role="group" aria-label={t('findings.paramsOf', { rule: language.startsWith('zh') ? rule.name.zh : rule.name.en })}>
      {rule.params.map((param) => {
        const id = `param-${rule.id}-${param.key}`;
        const value = draft[param.key] ?? (typeof param.default === 'boolean' ? param.default : String(param.default));
        const isChanged = String(value) !== String(param.default);
        const hint = t('findings.defaultIs', { value: formatParam(param.default, param.unit, t) });
        return (
          <div key={param.key} className="rule-param">
            <label htmlFor={id} className={isChanged ? 'param-changed' : undefined} title={`${param.key} — ${hint}`}>
              {paramLabel(param, language)}
            </label>
            {param.type === 'boolean' ? (
              <input id={id} type="checkbox" checked={value === true} disabled={disabled} onChange={(e) => onChange({ ...draft, [param.key]: e.target.checked })} />
            ) : (
              <input
                id={id}
                type={param.type === 'text' ? 'text' : 'number'}
                step={param.type === 'integer' ? 1 : 'any'}
                value={String(value)}
                title={hint}
                disabled={disabled}
                onChange={(e) => onChange({ ...draft, [param.key]: e.target.value })}
              />
            )}
          </div>
        );
      })}
      <div className="rule-params-actions">
        <button type="button" className="small" disabled={disabled || !changed} onClick={() => onChange({})}>
          {t('findings.resetParams')}
        </button>
      </div>
    </div>
  );
}
