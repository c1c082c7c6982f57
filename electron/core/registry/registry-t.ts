import i18next, { type i18n } from 'i18next';
import { resources, type Lang } from '../../../shared/i18n/resources';
import type viRegistry from '../../../shared/i18n/vi/registry';
import type viStats from '../../../shared/i18n/vi/stats';

/** A plural pair `x_one`/`x_other` is asked for as `x` with a `count`. */
type PluralBase<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${PluralBase<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A translator over one namespace, with typed keys; it throws on a missing text rather than printing the key. */
export interface AreaT<K extends string> {
  (key: K, vars?: Record<string, string | number>): string;
  readonly lang: Lang;
}

const instances = new Map<Lang, i18n>();

function instanceFor(lang: Lang): i18n {
  let inst = instances.get(lang);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({
      resources,
      lng: lang,
      fallbackLng: false,
      ns: ['registry', 'stats'],
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    instances.set(lang, inst);
  }
  return inst;
}

function areaT<K extends string>(ns: 'registry' | 'stats', lang: Lang): AreaT<K> {
  const inst = instanceFor(lang);
  const t = ((key: K, vars?: Record<string, string | number>) => {
    const out = (inst.t as unknown as (k: string, o: object) => string)(key, { ...vars, ns });
    if (out === key) throw new Error(`${ns}T: no "${lang}" text for ${ns}:${key}`);
    return out;
  }) as AreaT<K>;
  Object.defineProperty(t, 'lang', { value: lang });
  return t;
}

export type RegistryKey = Leaves<typeof viRegistry>;
export type StatsKey = Leaves<typeof viStats>;
/** Texts of the registry's files (XLSX headers, the re-evaluation list PDF). */
export const registryT = (lang: Lang = 'vi') => areaT<RegistryKey>('registry', lang);
/** Texts of the statistics report (PDF, XLSX). */
export const statsT = (lang: Lang = 'vi') => areaT<StatsKey>('stats', lang);
