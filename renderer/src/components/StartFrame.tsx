import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the start screens (operator, cases): thin title bar, content in one readable column. */
export function StartFrame({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="start">
      <header className="start-bar">
        <span className="brand">{t('app.name')}</span>
        <span className="start-aside">{aside}</span>
        <LanguageSwitch />
      </header>
      <main className="start-main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
