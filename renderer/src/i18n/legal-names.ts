import { useMemo } from 'react';
import rawTree from '../../../resources/criteria/classification.json';
import type { ProductClassificationTree } from '../../../shared/ocop/criteria-classification';
import vi from '../../../shared/i18n/vi/classification';
import { useT } from './useT';

const tree = rawTree as ProductClassificationTree;
const groupKey = new Map(tree.nganh.flatMap((n) => n.nhom).map((m, i) => [m.name, `g${i + 1}` as const]));
const setKey = new Map(Object.entries(vi.sets).map(([k, name]) => [name as string, k]));
const ministryKey = new Map(Object.entries(vi.ministries).map(([k, name]) => [name as string, k]));

export interface LegalNames {
  sector: (no: string, name: string) => string;
  group: (name: string) => string;
  /** A criteria set's name: the decision's 26 in the screen's language; a set someone imported as written. */
  set: (name: string) => string;
  ministry: (name: string) => string;
  /** The screen's language is not Vietnamese: names left as written are Vietnamese text (lang="vi"). */
  translated: boolean;
}

/**
 * Names from Annex I of Decision 26/2026 (sectors, groups, sets, ministries) in the screen's
 * language. They are looked up by their exact Vietnamese words, so a set of another decision or an
 * imported one that happens to share a number is never mislabelled.
 */
export function useLegalNames(): LegalNames {
  const { t, i18n } = useT();
  const en = i18n.language === 'en';
  return useMemo(() => {
    const k = (map: Map<string, string>, ns: 'groups' | 'sets' | 'ministries', name: string) => {
      const key = en ? map.get(name.normalize('NFC')) : undefined;
      return key ? t(`classification:${ns}.${key}` as 'classification:sets.s01') : name;
    };
    return {
      sector: (no, name) =>
        en && no in vi.sectors && vi.sectors[no as keyof typeof vi.sectors] === name
          ? t(`classification:sectors.${no as keyof typeof vi.sectors}`)
          : name,
      group: (name) => k(groupKey, 'groups', name),
      set: (name) => k(setKey, 'sets', name),
      ministry: (name) => k(ministryKey, 'ministries', name),
      translated: en,
    };
  }, [en, t]);
}
