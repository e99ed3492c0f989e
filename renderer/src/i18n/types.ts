import type { zhCN } from './zh-CN';

// Typed translation keys: `t('nav.audit')` is checked at compile time against the default language.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    returnNull: false;
  }
}
