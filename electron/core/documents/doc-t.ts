import i18next, { type i18n } from 'i18next';
import { resources, type Lang } from '../../../shared/i18n/resources';
import type viDocuments from '../../../shared/i18n/vi/documents';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the `documents` namespace, e.g. 'minutes.closing'. */
export type DocKey = Leaves<typeof viDocuments>;

/** The translator builders take: typed keys of the `documents` namespace, plus the language. */
export interface DocT {
  (key: DocKey, vars?: Record<string, string | number>): string;
  readonly lang: Lang;
}

const instances = new Map<Lang, i18n>();

function instanceFor(lang: Lang): i18n {
  let inst = instances.get(lang);
  if (!inst) {
    inst = i18next.createInstance();
    // initAsync false: resources are in memory, so t() is usable as soon as init returns.
    void inst.init({
      resources,
      lng: lang,
      fallbackLng: false,
      ns: ['documents'],
      defaultNS: 'documents',
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    instances.set(lang, inst);
  }
  return inst;
}

/** The documents translator for a language; Vietnamese is the language of the legal originals. */
export function documentT(lang: Lang = 'vi'): DocT {
  const inst = instanceFor(lang);
  const t = ((key: DocKey, vars?: Record<string, string | number>) => {
    const out = inst.t(key, { ...vars, ns: 'documents' }) as unknown as string;
    if (out === key) throw new Error(`documentT: no "${lang}" text for documents:${key}`);
    return out;
  }) as DocT;
  Object.defineProperty(t, 'lang', { value: lang });
  return t;
}
