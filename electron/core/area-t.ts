import i18next, { type i18n } from 'i18next';
import { resources, type Lang } from '../../shared/i18n/resources';

/**
 * The core's translators for the texts it prints into files (documents, registry exports, the
 * statistics report): one i18next instance per language over those namespaces, typed keys, and a
 * missing text is an error rather than the key printed into a legal document.
 */

/** A plural pair `x_one`/`x_other` is asked for as `x` with a `count`. */
type PluralBase<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
/** The dotted keys of a namespace's texts, e.g. 'minutes.closing'. */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${PluralBase<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A translator over one namespace, with typed keys, and the language it writes. */
export interface AreaT<K extends string> {
  (key: K, vars?: Record<string, string | number>): string;
  readonly lang: Lang;
}

type CoreNamespace = 'documents' | 'registry' | 'stats';

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
      ns: ['documents', 'registry', 'stats'] satisfies CoreNamespace[],
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    instances.set(lang, inst);
  }
  return inst;
}

export function areaT<K extends string>(ns: CoreNamespace, lang: Lang): AreaT<K> {
  const inst = instanceFor(lang);
  const t = ((key: K, vars?: Record<string, string | number>) => {
    const out = (inst.t as unknown as (k: string, o: object) => string)(key, { ...vars, ns });
    if (out === key) throw new Error(`${ns}T: no "${lang}" text for ${ns}:${key}`);
    return out;
  }) as AreaT<K>;
  Object.defineProperty(t, 'lang', { value: lang });
  return t;
}
