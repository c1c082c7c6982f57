import { z } from 'zod';
import { CommuneCode, Id, ProducerKind, ProvinceCode, Window } from './dossiers-fields';

/**
 * The producers list (chủ thể): filters and the row it shows. Search is accent-insensitive over
 * name, tax number, registration number, legal representative, commune and province.
 */
export const ProducerListInput = z
  .object({
    search: z.string().max(200).optional(),
    kind: ProducerKind.optional(),
    provinceCode: ProvinceCode.optional(),
    communeCode: CommuneCode.optional(),
    /** Only producers with at least one product registered in this round. */
    roundId: Id.optional(),
    ...Window,
  })
  .strict();
export type ProducerListInput = z.output<typeof ProducerListInput>;

export const ProducerListRow = z.object({
  id: z.number().int(),
  kind: ProducerKind,
  name: z.string(),
  taxCode: z.string().nullable(),
  representativeName: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  phone: z.string().nullable(),
  productCount: z.number().int(),
});
export type ProducerListRow = z.infer<typeof ProducerListRow>;
