import { z } from 'zod';
import { CriteriaSet } from '../../shared/ocop/criteria-set';

export const JSON_SCHEMA_FILE = 'docs/formats/criteria-set.schema.json';

/**
 * The JSON Schema of the criteria-set file, generated from the zod model (the model is the single
 * source: docs/formats/criteria-set.md explains it, this schema lets editors check a file). It
 * describes the file as written (`io: 'input'`: fields with defaults may be left out). The
 * arithmetic checks (totals, maxima, codes) cannot be expressed in JSON Schema; the app runs them.
 */
export function criteriaSetJsonSchema(): string {
  const { $schema, properties, ...rest } = z.toJSONSchema(CriteriaSet, { io: 'input', target: 'draft-2020-12' }) as {
    $schema: string;
    properties: Record<string, unknown>;
  };
  const out = {
    $schema,
    $id: 'https://ocop-council.local/schemas/criteria-set.schema.json',
    title: 'OCOP criteria set (Bộ tiêu chí đánh giá sản phẩm OCOP)',
    description:
      'One criteria set, as exported and imported by OCOP Council. See docs/formats/criteria-set.md. A "$schema" property is allowed and ignored on import.',
    ...rest,
    // Editors add "$schema" to point at this file; the importer strips it.
    properties: { $schema: { type: 'string' }, ...properties },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
