import type { z } from 'zod';
import type { ImportRowError } from '../../../../shared/api/channels/dossiers-fields';
import { setKeyFromCell } from '../../../../shared/ocop/dossier-classification';
import { foldForSearch } from '../../../../shared/text/normalize';
import { classificationTree } from '../classification-tree';
import { cellCode, cellDate, cellInt, cellTaxCode, cellText, isBlank, type RawCell } from './cell-values';
import {
  GENDER_LABELS,
  LEGACY_PRODUCER_KIND_LABELS,
  PRODUCER_KIND_LABELS,
  REGISTRATION_KIND_LABELS,
  type ColumnDef,
  type ListName,
} from './xlsx-columns';
import type { RawRow } from './xlsx-read';

const byLabel = <K extends string>(labels: Record<K, string>): Map<string, K> => {
  const m = new Map<string, K>();
  for (const [k, label] of Object.entries(labels) as [K, string][]) {
    m.set(foldForSearch(label), k);
    m.set(foldForSearch(label.replace(/\s*\(.*\)$/, '')), k); // "Hội (du lịch)" also as "Hội"
    m.set(k, k);
  }
  return m;
};
const PRODUCER_KINDS_BY_LABEL = new Map([
  ...byLabel(LEGACY_PRODUCER_KIND_LABELS as Record<string, string>),
  ...byLabel(PRODUCER_KIND_LABELS),
]) as Map<string, keyof typeof PRODUCER_KIND_LABELS>;
const REGISTRATION_KINDS_BY_LABEL = byLabel(REGISTRATION_KIND_LABELS);
const GENDERS_BY_LABEL = byLabel(GENDER_LABELS);
const YES = new Set(['co', 'x', 'yes', 'true', '1', 'y']);
const NO = new Set(['khong', 'no', 'false', '0', 'n']);

function choice(list: ListName, text: string): unknown {
  const f = foldForSearch(text);
  switch (list) {
    case 'producerKinds':
      return PRODUCER_KINDS_BY_LABEL.get(f);
    case 'registrationKinds':
      return REGISTRATION_KINDS_BY_LABEL.get(f);
    case 'genders':
      return GENDERS_BY_LABEL.get(f);
    case 'yesNo':
      return YES.has(f) ? true : NO.has(f) ? false : undefined;
    case 'sets':
      return setKeyFromCell(classificationTree, text) ?? undefined;
  }
}

export interface RowInput {
  input: Record<string, unknown>;
  /** Cell text per field, for messages ("value" of an error). */
  texts: Record<string, string>;
  errors: ImportRowError[];
}

/** Turns one row's cells into the object the channel schema parses, by the kind of each column. */
export function rowInput(sheet: string, columns: readonly ColumnDef[], row: RawRow): RowInput {
  const input: Record<string, unknown> = {};
  const texts: Record<string, string> = {};
  const errors: ImportRowError[] = [];
  for (const c of columns) {
    const v: RawCell = row.cells[c.field] ?? null;
    if (isBlank(v)) continue;
    texts[c.field] = cellText(v);
    switch (c.kind) {
      case 'text':
        input[c.field] = cellText(v);
        break;
      case 'code2':
        input[c.field] = cellCode(v, 2);
        break;
      case 'code5':
        input[c.field] = cellCode(v, 5);
        break;
      case 'digits':
        input[c.field] = c.field === 'taxCode' ? cellTaxCode(v) : cellText(v);
        break;
      case 'date':
        input[c.field] = cellDate(v);
        break;
      case 'int':
        input[c.field] = cellInt(v);
        break;
      case 'choice': {
        const value = choice(c.list!, cellText(v));
        if (value === undefined) {
          errors.push({
            sheet,
            row: row.row,
            column: c.header,
            code: 'invalid_choice',
            message: `"${cellText(v)}" is not one of the choices of column "${c.header}"; pick a value from the drop-down list (sheet "Danh mục").`,
            params: { value: cellText(v) },
          });
        } else input[c.field] = value;
        break;
      }
    }
  }
  return { input, texts, errors };
}

/** Stable error codes for field formats, so the UI can say in Vietnamese what to write. */
const FORMAT_CODES: Record<string, string> = {
  taxCode: 'invalid_tax_code',
  phone: 'invalid_phone',
  email: 'invalid_email',
  communeCode: 'invalid_commune_code',
  provinceCode: 'invalid_province_code',
  productCode: 'invalid_product_code',
  registrationNo: 'invalid_registration_no',
  foundedOn: 'invalid_date',
  certificateIssuedOn: 'invalid_date',
  certificateExpiresOn: 'invalid_date',
  receivedCommuneOn: 'invalid_date',
  receivedProvinceOn: 'invalid_date',
};

/** Maps zod issues of a row to errors naming sheet, row and column. */
export function issuesToErrors(
  sheet: string,
  columns: readonly ColumnDef[],
  row: number,
  r: RowInput,
  issues: z.core.$ZodIssue[],
): ImportRowError[] {
  // A cell already reported (a value not in its list) is not reported again as "required".
  const reported = new Set(r.errors.map((e) => e.column));
  return issues.flatMap((i) => {
    const field = String(i.path[0] ?? '');
    const col = columns.find((c) => c.field === field);
    if (col && reported.has(col.header)) return [];
    const value = r.texts[field] ?? '';
    let code = FORMAT_CODES[field] ?? 'invalid_value';
    if (r.input[field] === undefined || ((i.code === 'too_small' || i.code === 'invalid_type') && value === ''))
      code = 'required';
    else if (i.code === 'too_big' && i.origin === 'string') code = 'too_long';
    else if (i.code === 'too_small' || i.code === 'too_big') code = 'out_of_range';
    else if (i.code === 'invalid_type' && i.expected === 'number') code = 'invalid_number';
    return {
      sheet,
      row,
      column: col?.header ?? field,
      code,
      message:
        code === 'required'
          ? `Column "${col?.header ?? field}" is required; fill it in.`
          : `${col?.header ?? field}: ${i.message}`,
      params: { value },
    };
  });
}
