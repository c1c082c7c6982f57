import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultNS, namespaces, resources } from '../../../shared/i18n/resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['vi'];
  }
}

/** Vietnamese first; the saved language setting switches it after the first settings read. */
void i18n.use(initReactI18next).init({
  resources,
  lng: 'vi',
  fallbackLng: false,
  ns: namespaces,
  defaultNS,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
