import type { ProductClassificationTree } from '../../../../shared/ocop/criteria-classification';
import rawTree from '../../../../resources/criteria/classification.json';

/** Phụ lục I as the criteria area builds it; the same file the core reads. */
export const classificationTree = rawTree as ProductClassificationTree;

/** Ngành I–VI for the "product group" filter, with the set keys each covers. */
export const sectors = classificationTree.nganh.map((n) => ({
  value: n.no,
  label: `${n.no}. ${n.name}`,
  name: n.name,
  setKeys: n.nhom.flatMap((m) => m.leaves.map((l) => l.setKey)),
}));

/** "01. Rau, củ, quả, hạt tươi"; `translate` gives the name in the screen's language (useLegalNames().set). */
export const setName = (setKey: string, translate: (name: string) => string = (n) => n): string => {
  for (const n of classificationTree.nganh)
    for (const m of n.nhom)
      for (const l of m.leaves) if (l.setKey === setKey) return `${String(l.setNo).padStart(2, '0')}. ${translate(l.setName)}`;
  return setKey;
};

/** Formats an ISO date as dd/mm/yyyy for display. */
export const viDate = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—';

export const STATUS_COLOR: Record<string, string> = {
  received: 'gray',
  commune_report: 'blue',
  advisory_review: 'indigo',
  on_agenda: 'orange',
  evaluated: 'teal',
  result: 'green',
};
