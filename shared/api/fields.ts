import { z } from 'zod';
import { cleanLine } from '../text/normalize';

/**
 * Field schemas that several areas' channels share (dossiers, scoring). One definition each, so
 * an id, a line of text or an import problem is validated and reported the same way everywhere.
 * Area-specific fields (codes, dates, enums) stay in the area's own file.
 */

/** A row id: a positive whole number. */
export const Id = z.number().int().positive();

/** One line of text (names, positions): white space collapsed, NFC. */
export const Line = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform(cleanLine)
    .pipe(z.string().max(max, `at most ${max} characters`));
export const RequiredLine = (max: number, what: string) =>
  z
    .string()
    .max(max * 2)
    .transform(cleanLine)
    .pipe(z.string().min(1, `${what} is required`).max(max, `at most ${max} characters`));
/** Multi-line text (reports, notes): only trimmed. */
export const Paragraphs = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .transform((s) => s.trim());

/** 0-based index of a criterion's level in the set's printed order (the number on paper − 1). */
export const LevelIndex = z.number().int().min(0);

/**
 * One problem of an import file, as every importer reports it (inside `IMPORT_INVALID` details or
 * a preview): where it is and a stable code the UI words from i18n with `params`.
 */
export const ImportRowError = z.object({
  /** Workbook sheet (XLSX imports) or part of a JSON file ("sheets", "rounds"). */
  sheet: z.string().optional(),
  /** 1-based row of the workbook sheet, or position in the JSON list. */
  row: z.number().int().optional(),
  /** Column title, or the JSON path inside the item. */
  column: z.string().optional(),
  /** Stable reason ('required', 'MEMBER_UNKNOWN', …): the UI words it from i18n. */
  code: z.string().optional(),
  /** Developer-facing English text, also what the CLI prints. */
  message: z.string(),
  /** Values for the translated message, e.g. { value: "01012" }. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;
