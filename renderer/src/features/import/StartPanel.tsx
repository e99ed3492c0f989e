import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseInfo } from '@shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TimeZoneField } from '../../components/TimeZoneField';
import { formatCount, isValidTimeZone } from '../../components/format';
import { describeError } from '../../i18n/errors';
import { planImport, type Blocker } from './import-plan';
import { useImportSession } from './import-session';
import { useTemplateCatalog } from './template-catalog';

function BlockerText({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation();
  switch (blocker.kind) {
    case 'inspectFailed':
      return (
        <>
          <span className="path">{blocker.item.label}</span>
          {t('import.colon')}
          {describeError(blocker.item.inspection.status === 'failed' ? blocker.item.inspection.error : null, t).title}
          {' '}
          {t('import.blocker.inspectFailed')}
        </>
      );
    case 'unreadable':
      return (
        <>
          <span className="path">{blocker.file.file}</span>
          {t('import.colon')}
          {t('import.blocker.unreadable', { problem: blocker.file.problem ?? '' })}
        </>
      );
    case 'unrecognisedExplicit':
      return (
        <>
          <span className="path">{blocker.file.file}</span>
          {t('import.colon')}
          {t('import.blocker.unrecognised')}
        </>
      );
  }
}

/** Time zone, optional format, and 开始导入 — with what would stop the job said before it starts. */
export function StartPanel({ caseInfo }: { caseInfo: CaseInfo }) {
  const { t, i18n } = useTranslation();
  const session = useImportSession();
  const [zone, setZone] = useState(caseInfo.meta.timeZone);
  const [formatId, setFormatId] = useState('');
  const formatSelect = useId();
  const { formats, formatsError } = useTemplateCatalog();
  const builtIn = (formats ?? []).filter((format) => format.builtIn);
  const saved = (formats ?? []).filter((format) => !format.builtIn);
  const label = (name: { zh: string; en: string }) => (zh ? name.zh : name.en);
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  const plan = planImport(session.items, formatId);
  const zoneValid = isValidTimeZone(zone);
  const busy = session.run !== null || session.upload !== null;
  const canStart =
    !busy && !caseInfo.readOnly && plan.inspected && plan.blockers.length === 0 && plan.importable > 0 && zoneValid && session.items.length > 0;

  const start = () =>
    void session.start({
      formatId: plan.overrideAllowed && formatId ? formatId : undefined,
      timeZone: zone,
    });

  return (
    <section className="panel import-start" aria-label={t('import.startTitle')}>
      <div className="import-start-row">
        <TimeZoneField
          label={t('import.timeZone')}
          value={zone}
          onChange={setZone}
          hint={t('import.timeZoneHint', { zone: caseInfo.meta.timeZone })}
          invalid={zoneValid ? null : t('cases.timeZoneInvalid')}
        />
        <div className="field">
          <label htmlFor={formatSelect}>{t('import.formatOverride')}</label>
          <select id={formatSelect} value={plan.overrideAllowed ? formatId : ''} disabled={!plan.overrideAllowed} onChange={(event) => setFormatId(event.target.value)}>
            <option value="">{t('import.formatAuto')}</option>
            <optgroup label={t('import.formatBuiltIn')}>
              {builtIn.map((format) => (
                <option key={format.id} value={format.id}>
                  {label(format.name)}
                </option>
              ))}
            </optgroup>
            {saved.length > 0 ? (
              <optgroup label={t('import.formatTemplates')}>
                {saved.map((format) => (
                  <option key={format.id} value={format.id}>
                    {label(format.name)}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          <ErrorNotice error={formatsError} />
          <div className="field-hint">{plan.overrideAllowed ? t('import.formatOverrideHint') : t('import.formatOverrideOnlyOne')}</div>
        </div>
        <div className="import-start-action">
          <button type="button" className="primary" disabled={!canStart} onClick={start}>
            {t('import.start')}
          </button>
        </div>
      </div>
      <p className="import-plan" role="status">
        {!plan.inspected
          ? t('import.planInspecting')
          : t('import.plan', { n: formatCount(plan.importable), total: formatCount(plan.files.length) })}
        {plan.skippedInFolders > 0 ? ` ${t('import.planSkipped', { n: formatCount(plan.skippedInFolders) })}` : ''}
        {` ${t('import.planAtomic')}`}
      </p>
      {caseInfo.readOnly ? <p className="danger-text">{t('import.readOnly')}</p> : null}
      {plan.blockers.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <strong>{t('import.blockersTitle')}</strong>
          <ul className="plain-list">
            {plan.blockers.map((blocker, index) => (
              <li key={index}>
                <BlockerText blocker={blocker} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorNotice error={session.startError} />
    </section>
  );
}
