import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { resources } from '../../../shared/i18n/resources';
import { defaultNS, namespaces, vi } from '../../../shared/i18n/resources-vi';
import type { Lang } from '../../../shared/i18n/resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['vi'];
  }
}

/**
 * Vietnamese first, bundled with the first screen; English is a separate chunk fetched the first
 * time someone chooses it (the budget for the first screen's code has no room for both).
 */
void i18n.use(initReactI18next).init({
  resources: { vi },
  lng: 'vi',
  fallbackLng: false,
  ns: namespaces,
  defaultNS,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the language, loading English's texts first when they are not here yet. */
export async function setLanguage(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', defaultNS)) {
    const { en } = await import('../../../shared/i18n/resources-en');
    for (const ns of namespaces) i18n.addResourceBundle('en', ns, en[ns], true, true);
  }
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}

export default i18n;
