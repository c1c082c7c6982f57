import type { CriteriaImportError, CriteriaFileFormat } from '../../../shared/api/channels/criteria';
import { extractRules } from '../../../shared/ocop/criteria-notes';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { checkCriteriaSet, type CriteriaIssue } from '../../../shared/ocop/criteria-set-check';
import { nfcDeep } from '../../../shared/text/normalize';
import { CoreError } from '../errors';
import { readCriteriaXlsx, type CellLocation } from './xlsx/criteria-xlsx-read';

/**
 * Turns an imported file (JSON text or XLSX bytes) into a validated set, or throws
 * IMPORT_INVALID listing every problem with its place (criterion code, JSON path, or sheet/row/
 * column) and how to fix it. Touches no database: the caller writes only a valid set.
 */
export async function parseCriteriaFile(format: CriteriaFileFormat, content: string): Promise<CriteriaSet> {
  if (format === 'json') return parseJson(content);
  return parseXlsx(content);
}

/** More errors than this are one mistake repeated (a wrong column, a shifted sheet): the list stops there. */
const MAX_ERRORS = 100;

function invalid(all: CriteriaImportError[]): CoreError {
  const errors =
    all.length > MAX_ERRORS
      ? [
          ...all.slice(0, MAX_ERRORS),
          {
            code: 'TOO_MANY_ERRORS',
            message: `… and ${all.length - MAX_ERRORS} more errors. Correct the ones above first; many are probably the same mistake.`,
          },
        ]
      : all;
  const first = errors[0]?.message ?? '';
  return new CoreError(
    'IMPORT_INVALID',
    `The criteria set file has ${all.length} error${all.length === 1 ? '' : 's'}; nothing was imported. ${first}${all.length > 1 ? ' (see the list for the others)' : ''}`,
    { errors },
  );
}

const pathText = (path: readonly (string | number)[]): string =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');

function toImportError(i: CriteriaIssue, where?: CellLocation): CriteriaImportError {
  const prefix = where ? `Sheet "${where.sheet}", row ${where.row}${where.column ? `, column "${where.column}"` : ''}: ` : '';
  return {
    ...(where ? { sheet: where.sheet, row: where.row, ...(where.column ? { column: where.column } : {}) } : {}),
    code: i.code,
    message: prefix + i.message,
    ...(i.criterionCode ? { criterionCode: i.criterionCode } : {}),
    path: pathText(i.path),
    params: i.params,
  };
}

function parseJson(content: string): CriteriaSet {
  let raw: unknown;
  try {
    raw = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw invalid([
      {
        code: 'BAD_JSON_FILE',
        message: `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}). Export a set from the app to see a valid file, or check the file was saved as UTF-8 text.`,
      },
    ]);
  }
  raw = nfcDeep(raw);
  // "$schema" lets editors check the file against docs/formats/criteria-set.schema.json; it is not content.
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && '$schema' in raw) {
    const { $schema: _, ...rest } = raw as Record<string, unknown>;
    raw = rest;
  }
  const checked = checkCriteriaSet(raw);
  if (!checked.ok) throw invalid(checked.issues.map((i) => toImportError(i)));
  return checked.set;
}

async function parseXlsx(base64: string): Promise<CriteriaSet> {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw invalid([
      {
        code: 'BAD_BASE64',
        message:
          'The XLSX content must be sent as base64; the text received is not base64. (The app does this itself; this error means the file was not read correctly.)',
      },
    ]);
  }
  const read = await readCriteriaXlsx(Buffer.from(compact, 'base64'));
  if (read.errors.length > 0 || !read.input) throw invalid(read.errors);
  let checked = checkCriteriaSet(read.input);
  if (checked.ok && read.rulesFromNotes) {
    // No "Quy tắc" sheet: read the rules from the notes with the same patterns as the built-in sets.
    checked = checkCriteriaSet({ ...read.input, rules: extractRules(checked.set).rules });
  }
  if (!checked.ok) throw invalid(checked.issues.map((i) => toImportError(i, read.locate(i.path))));
  return checked.set;
}
