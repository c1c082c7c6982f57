import { z } from 'zod';
import { CriteriaDecision, SetKey } from './criteria-set';

/**
 * Phụ lục I of 26/2026/QĐ-TTg: 6 ngành (I–VI) → 17 nhóm → 26 leaves (a phân nhóm, or the nhóm
 * itself where it has none), each with its managing ministry ("Cơ quan chủ trì quản lý") and the
 * criteria set of Phụ lục II that scores it (mapped one-to-one, in order). A product's
 * classification picks its set: see `setForClassification`.
 */

export const ClassificationLeaf = z
  .object({
    /** null where the nhóm has no phân nhóm (the leaf is the nhóm itself). */
    phanNhom: z.string().nullable(),
    setKey: SetKey,
    setNo: z.int(),
    setName: z.string(),
    ministries: z.array(z.string()).min(1),
  })
  .strict();
export type ClassificationLeaf = z.infer<typeof ClassificationLeaf>;

export const ClassificationNhom = z.object({ name: z.string(), leaves: z.array(ClassificationLeaf).min(1) }).strict();
export type ClassificationNhom = z.infer<typeof ClassificationNhom>;

export const ClassificationNganh = z
  .object({
    /** Roman numeral of Phụ lục I: "I" … "VI". */
    no: z.string(),
    name: z.string(),
    nhom: z.array(ClassificationNhom).min(1),
  })
  .strict();
export type ClassificationNganh = z.infer<typeof ClassificationNganh>;

export const ProductClassificationTree = z
  .object({
    decision: CriteriaDecision,
    annex: z.string(),
    /** How the leaves were matched to the sets (by order) — stated so nobody mistakes it for text of the decision. */
    mappingNote: z.string(),
    nganh: z.array(ClassificationNganh),
  })
  .strict();
export type ProductClassificationTree = z.infer<typeof ProductClassificationTree>;

export interface ClassificationPick {
  nganh: string;
  nhom: string;
  phanNhom?: string | null;
}

/** The leaf (and so the set) for a product's ngành/nhóm/phân nhóm; undefined when it is not in Phụ lục I. */
export function setForClassification(tree: ProductClassificationTree, pick: ClassificationPick): ClassificationLeaf | undefined {
  const nhom = tree.nganh.find((n) => n.name === pick.nganh)?.nhom.find((m) => m.name === pick.nhom);
  if (!nhom) return undefined;
  return nhom.leaves.find((l) => l.phanNhom === (pick.phanNhom ?? null));
}

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;
