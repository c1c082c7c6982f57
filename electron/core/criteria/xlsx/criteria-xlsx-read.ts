import ExcelJS from 'exceljs';
import type { CriteriaImportError } from '../../../../shared/api/channels/criteria';
import { foldForSearch, nfc } from '../../../../shared/text/normalize';
import {
  ANOMALY_COLUMNS,
  ANOMALY_TARGETS,
  CRITERIA_COLUMNS,
  FLAGS,
  FORM_COLUMNS,
  FORM_KINDS,
  INFO_COLUMNS,
  INFO_ROWS,
  ROW_KINDS,
  RULE_COLUMNS,
  RULE_KINDS,
  SHEET,
  SKIP_LABELS,
  STRUCTURE_COLUMNS,
  STRUCTURE_KINDS,
  type ColumnDef,
} from './criteria-xlsx-layout';

/**
 * Reads the XLSX template into the JSON shape of a criteria set (not yet validated) and records,
 * for every JSON path it fills, the sheet/row/column it came from, so that the validator's issues
 * can name the cell. Problems that only exist in a spreadsheet (unknown row kind, text in a
 * number column, a level before any criterion) are reported here with their cell.
 */

export interface CellLocation {
  sheet: string;
  row: number;
  column?: string;
}

export interface XlsxReadResult {
  /** The set in JSON shape, or null when the workbook could not be read at all. */
  input: Record<string, unknown> | null;
  errors: CriteriaImportError[];
  /** The cell a JSON path came from (the longest recorded prefix). */
  locate: (path: readonly (string | number)[]) => CellLocation | undefined;
  /** True when the file has no "Quy tắc" sheet: the rules are then read from the notes. */
  rulesFromNotes: boolean;
}

type Raw = string | number | null;

/** A cell as plain text or number: rich text joined, formulas by their result, blanks as null. */
function plain(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : nfc(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return plain(v.richText.map((t) => t.text).join(''));
    if ('result' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return plain((v as { text: string }).text);
    if ('error' in v) return null;
  }
  return nfc(String(v));
}

const key = (s: string): string => foldForSearch(s);

interface Row {
  n: number;
  cells: Record<string, Raw>;
}

interface Table {
  name: string;
  rows: Row[];
  header: Map<string, string>;
}

const MAX_ROWS = 5000;

export async function readCriteriaXlsx(content: Buffer): Promise<XlsxReadResult> {
  const errors: CriteriaImportError[] = [];
  const locs = new Map<string, CellLocation>();
  const locate = (path: readonly (string | number)[]): CellLocation | undefined => {
    for (let i = path.length; i >= 0; i--) {
      const l = locs.get(JSON.stringify(path.slice(0, i)));
      if (l) return i === path.length ? l : { sheet: l.sheet, row: l.row };
    }
    return undefined;
  };
  const fail = (r: Partial<XlsxReadResult> = {}): XlsxReadResult => ({
    input: null,
    errors,
    locate,
    rulesFromNotes: false,
    ...r,
  });

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    errors.push({
      code: 'BAD_XLSX_FILE',
      message: `The file is not an Excel workbook (.xlsx): ${e instanceof Error ? e.message : String(e)}. Save it as .xlsx (Excel Workbook) and import it again.`,
    });
    return fail();
  }

  const err = (
    sheet: string,
    row: number | undefined,
    column: string | undefined,
    code: string,
    message: string,
    extra: Partial<CriteriaImportError> = {},
  ) =>
    errors.push({
      sheet,
      ...(row !== undefined ? { row } : {}),
      ...(column !== undefined ? { column } : {}),
      code,
      message: `Sheet "${sheet}"${row !== undefined ? `, row ${row}` : ''}${column ? `, column "${column}"` : ''}: ${message}`,
      ...extra,
    });

  function table(name: string, columns: readonly ColumnDef[], required: boolean): Table | null {
    const ws = wb.getWorksheet(name) ?? wb.worksheets.find((w) => key(w.name) === key(name));
    if (!ws) {
      if (required)
        err(
          name,
          undefined,
          undefined,
          'XLSX_MISSING_SHEET',
          `the sheet is missing. Start from an exported set or the template and keep its sheets.`,
        );
      return null;
    }
    const byHeader = new Map(columns.map((c) => [key(c.header), c]));
    const at = new Map<number, ColumnDef>();
    ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
      const h = plain(cell.value);
      const c = h === null ? undefined : byHeader.get(key(String(h)));
      if (c) at.set(col, c);
    });
    const found = new Set([...at.values()].map((c) => c.field));
    let ok = true;
    for (const c of columns)
      if (c.required && !found.has(c.field)) {
        ok = false;
        err(
          name,
          1,
          c.header,
          'XLSX_MISSING_COLUMN',
          `the column "${c.header}" is missing from the header row. Copy the header row back from the template.`,
        );
      }
    if (!ok) return null;
    const rows: Row[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1 || rows.length > MAX_ROWS) return;
      const cells: Record<string, Raw> = {};
      let any = false;
      for (const [col, c] of at) {
        const v = plain(row.getCell(col).value);
        cells[c.field] = v;
        if (v !== null) any = true;
      }
      if (any) rows.push({ n, cells });
    });
    if (rows.length > MAX_ROWS)
      err(
        name,
        undefined,
        undefined,
        'XLSX_TOO_MANY_ROWS',
        `more than ${MAX_ROWS} rows; a criteria set is far smaller — check that the right file was chosen.`,
      );
    return { name, rows, header: new Map(columns.map((c) => [c.field, c.header])) };
  }

  const info = table(SHEET.info, INFO_COLUMNS, true);
  const form = table(SHEET.form, FORM_COLUMNS, false);
  const structure = table(SHEET.structure, STRUCTURE_COLUMNS, true);
  const criteria = table(SHEET.criteria, CRITERIA_COLUMNS, true);
  const rulesSheet = table(SHEET.rules, RULE_COLUMNS, false);
  const anomaliesSheet = table(SHEET.anomalies, ANOMALY_COLUMNS, false);
  if (!info || !structure || !criteria) return fail();
  const rulesFromNotes = !(wb.getWorksheet(SHEET.rules) ?? wb.worksheets.find((w) => key(w.name) === key(SHEET.rules)));

  const text = (v: Raw): string | null => (v === null ? null : String(v));
  /** A whole number from a cell, or an error naming the cell; `undefined` when the cell is blank. */
  const int = (t: Table, r: Row, field: string): number | null | 'bad' => {
    const v = r.cells[field] ?? null;
    if (v === null) return null;
    const n = typeof v === 'number' ? v : /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isInteger(n)) {
      err(
        t.name,
        r.n,
        t.header.get(field),
        'XLSX_NOT_A_NUMBER',
        `"${v}" is not a whole number. Type the points as a number, e.g. 3.`,
      );
      return 'bad';
    }
    return n;
  };
  const at = (path: (string | number)[], t: Table, r: Row, field?: string) =>
    locs.set(JSON.stringify(path), { sheet: t.name, row: r.n, ...(field ? { column: t.header.get(field)! } : {}) });
  const kindOf = <K extends string>(labels: Record<K, string>, v: Raw): K | undefined => {
    if (v === null) return undefined;
    const k = key(String(v));
    return (Object.keys(labels) as K[]).find((x) => key(labels[x]) === k || key(x) === k);
  };

  // ── Thông tin ──
  const values = new Map<string, { v: Raw; r: Row }>();
  const known = new Set<string>(INFO_ROWS.map((r) => r.key));
  for (const r of info.rows) {
    const k = text(r.cells.key ?? null);
    if (k === null) continue;
    if (!known.has(k)) {
      err(
        info.name,
        r.n,
        'Khóa',
        'XLSX_UNKNOWN_KEY',
        `"${k}" is not a field of a criteria set. Keep the keys of the template (${INFO_ROWS.map((x) => x.key).join(', ')}).`,
      );
      continue;
    }
    values.set(k, { v: r.cells.value ?? null, r });
  }
  const infoText = (k: string, path: (string | number)[]): string | null => {
    const e = values.get(k);
    if (e) at(path, info, e.r, 'value');
    return e ? text(e.v) : null;
  };
  const infoInt = (k: string, path: (string | number)[]): number | string | null => {
    const e = values.get(k);
    if (!e) return null;
    at(path, info, e.r, 'value');
    const n = int(info, e.r, 'value');
    return n === 'bad' ? String(e.v) : n;
  };

  const input: Record<string, unknown> = {
    format: infoText('format', ['format']),
    formatVersion: infoInt('formatVersion', ['formatVersion']),
    setKey: infoText('setKey', ['setKey']),
    decision: infoText('decision', ['decision']),
    setNo: infoInt('setNo', ['setNo']),
    name: infoText('name', ['name']),
    heading: infoText('heading', ['heading']),
    classificationLine: infoText('classificationLine', ['classificationLine']),
    classification: null,
    formHeaderFields: [],
    formFooterFields: [],
    disqualifiers: [],
    parts: [],
    total: infoInt('total', ['total']),
    starRule: infoText('starRule', ['starRule']),
    rules: [],
    anomalies: [],
    source: null,
  };
  const nganh = infoText('classification.nganh', ['classification', 'nganh']);
  const nhom = infoText('classification.nhom', ['classification', 'nhom']);
  const phanNhom = infoText('classification.phanNhom', ['classification', 'phanNhom']);
  const ministries = infoText('classification.ministries', ['classification', 'ministries']);
  if (nganh !== null || nhom !== null || phanNhom !== null || ministries !== null) {
    input.classification = {
      nganh,
      nhom,
      phanNhom,
      ministries: ministries === null ? [] : ministries.split(/\s*;\s*/u).filter((m) => m !== ''),
    };
  }
  const doc = infoText('source.document', ['source', 'document']);
  const url = infoText('source.officialUrl', ['source', 'officialUrl']);
  const transcript = infoText('source.transcript', ['source', 'transcript']);
  const method = infoText('source.method', ['source', 'method']);
  if (doc !== null || url !== null || transcript !== null || method !== null)
    input.source = { document: doc, officialUrl: url, transcript, method };

  // ── Phiếu ──
  if (form) {
    const lists = {
      header: input.formHeaderFields as string[],
      footer: input.formFooterFields as string[],
      disqualifier: input.disqualifiers as string[],
    };
    const fieldOf = { header: 'formHeaderFields', footer: 'formFooterFields', disqualifier: 'disqualifiers' } as const;
    for (const r of form.rows) {
      const k = kindOf(FORM_KINDS, r.cells.kind ?? null);
      if (!k) {
        err(
          form.name,
          r.n,
          'Loại',
          'XLSX_UNKNOWN_ROW_KIND',
          `"${r.cells.kind ?? ''}" is not a row kind here; use ${Object.values(FORM_KINDS)
            .map((x) => `"${x}"`)
            .join(', ')}.`,
        );
        continue;
      }
      at([fieldOf[k], lists[k].length], form, r, 'text');
      lists[k].push(text(r.cells.text ?? null) ?? '');
    }
  }

  // ── Phần - Nhóm ──
  type G = { code: unknown; title: unknown; max: unknown; criteria: Record<string, unknown>[] };
  type P = { code: unknown; title: unknown; max: unknown; groups: G[] };
  const parts = input.parts as P[];
  const groupIndex = new Map<string, { g: G; path: (string | number)[] }>();
  for (const r of structure.rows) {
    const k = kindOf(STRUCTURE_KINDS, r.cells.kind ?? null);
    const max = int(structure, r, 'max');
    const code = text(r.cells.code ?? null);
    if (k === 'part') {
      const path = ['parts', parts.length];
      at(path, structure, r);
      at([...path, 'code'], structure, r, 'code');
      at([...path, 'title'], structure, r, 'title');
      at([...path, 'max'], structure, r, 'max');
      parts.push({ code, title: text(r.cells.title ?? null), max: max === 'bad' ? null : max, groups: [] });
    } else if (k === 'group') {
      const p = parts.at(-1);
      if (!p) {
        err(
          structure.name,
          r.n,
          'Loại',
          'XLSX_GROUP_BEFORE_PART',
          `a group comes before any part. Put the "${STRUCTURE_KINDS.part}" row (A, B or C) above its groups.`,
        );
        continue;
      }
      const path = ['parts', parts.length - 1, 'groups', p.groups.length];
      at(path, structure, r);
      at([...path, 'code'], structure, r, 'code');
      at([...path, 'title'], structure, r, 'title');
      at([...path, 'max'], structure, r, 'max');
      const g: G = { code, title: text(r.cells.title ?? null), max: max === 'bad' ? null : max, criteria: [] };
      p.groups.push(g);
      if (code !== null) groupIndex.set(code, { g, path });
    } else {
      err(
        structure.name,
        r.n,
        'Loại',
        'XLSX_UNKNOWN_ROW_KIND',
        `"${r.cells.kind ?? ''}" is not a row kind here; use "${STRUCTURE_KINDS.part}" or "${STRUCTURE_KINDS.group}".`,
      );
    }
  }

  // ── Tiêu chí ──
  type L = Record<string, unknown> & { note?: unknown };
  let current: { c: C; path: (string | number)[] } | null = null;
  const criterionByCode = new Map<string, Record<string, unknown>>();
  type C = Record<string, unknown> & { levels: L[]; notes: unknown[]; cases?: string[] };
  /** Levels naming a case number; resolved after the sheet is read (the "Trường hợp" rows may follow). */
  const pendingCase: { level: L; n: number; row: Row; crit: C }[] = [];
  for (const r of criteria.rows) {
    const k = kindOf(ROW_KINDS, r.cells.kind ?? null);
    const code = text(r.cells.code ?? null);
    if (!k) {
      err(
        criteria.name,
        r.n,
        'Loại dòng',
        'XLSX_UNKNOWN_ROW_KIND',
        `"${r.cells.kind ?? ''}" is not a row kind; use ${Object.values(ROW_KINDS)
          .map((x) => `"${x}"`)
          .join(', ')}.`,
      );
      continue;
    }
    if (k === 'criterion') {
      const groupCode = text(r.cells.group ?? null);
      const g = groupCode === null ? undefined : groupIndex.get(groupCode);
      if (!g) {
        err(
          criteria.name,
          r.n,
          'Nhóm',
          'XLSX_UNKNOWN_GROUP',
          groupCode === null
            ? `the criterion has no group. Write its group number (from sheet "${SHEET.structure}").`
            : `group "${groupCode}" is not listed in sheet "${SHEET.structure}". Add the group there or correct the number.`,
          code ? { criterionCode: code } : {},
        );
        current = null;
        continue;
      }
      const max = int(criteria, r, 'points');
      const c: C = { code, title: text(r.cells.text ?? null), max: max === 'bad' ? null : max, notes: [], levels: [] };
      const path = [...g.path, 'criteria', g.g.criteria.length];
      at(path, criteria, r);
      at([...path, 'code'], criteria, r, 'code');
      at([...path, 'title'], criteria, r, 'text');
      at([...path, 'max'], criteria, r, 'points');
      const pc = text(r.cells.parentCode ?? null);
      if (pc !== null || r.cells.parentTitle != null || r.cells.parentMax != null) {
        const pm = int(criteria, r, 'parentMax');
        c.parent = { code: pc, title: text(r.cells.parentTitle ?? null), max: pm === 'bad' ? null : pm };
        at([...path, 'parent'], criteria, r, 'parentCode');
        at([...path, 'parent', 'max'], criteria, r, 'parentMax');
      }
      for (const f of flagsOf(r, 'criterion')) c[f] = true;
      g.g.criteria.push(c);
      if (code !== null) criterionByCode.set(code, c);
      current = { c, path };
      continue;
    }
    if (!current) {
      err(
        criteria.name,
        r.n,
        'Loại dòng',
        'XLSX_ROW_BEFORE_CRITERION',
        `a "${ROW_KINDS[k]}" row comes before any criterion. Put it under its "${ROW_KINDS.criterion}" row.`,
      );
      continue;
    }
    if (code !== null && code !== current.c.code) {
      err(
        criteria.name,
        r.n,
        'Mã',
        'XLSX_CODE_MISMATCH',
        `this row says criterion ${code} but sits under criterion ${String(current.c.code)}. Move the row under its criterion or correct the code.`,
        { criterionCode: code },
      );
      continue;
    }
    if (k === 'note') {
      at([...current.path, 'notes', current.c.notes.length], criteria, r, 'text');
      current.c.notes.push(text(r.cells.text ?? null));
    } else if (k === 'case') {
      current.c.cases ??= [];
      at([...current.path, 'cases', current.c.cases.length], criteria, r, 'text');
      current.c.cases.push(text(r.cells.text ?? null) ?? '');
    } else if (k === 'level') {
      const li = current.c.levels.length;
      const lpath = [...current.path, 'levels', li];
      at(lpath, criteria, r);
      at([...lpath, 'text'], criteria, r, 'text');
      at([...lpath, 'points'], criteria, r, 'points');
      at([...lpath, 'minForStars'], criteria, r, 'stars');
      at([...lpath, 'case'], criteria, r, 'case');
      at([...lpath, 'sourcePoints'], criteria, r, 'sourcePoints');
      const points = int(criteria, r, 'points');
      const level: L = { text: text(r.cells.text ?? null), points: points === 'bad' ? null : points };
      const s = r.cells.stars ?? null;
      if (s !== null)
        level.minForStars = /^\*+$/.test(String(s).replace(/\s/g, ''))
          ? String(s).replace(/\s/g, '').length
          : /^\d+$/.test(String(s).trim())
            ? Number(String(s).trim())
            : String(s);
      const caseNo = int(criteria, r, 'case');
      if (typeof caseNo === 'number') pendingCase.push({ level, n: caseNo, row: r, crit: current.c });
      const sp = int(criteria, r, 'sourcePoints');
      if (typeof sp === 'number') level.sourcePoints = sp;
      for (const f of flagsOf(r, 'level')) level[f] = true;
      current.c.levels.push(level);
    } else if (k === 'levelNote') {
      const last = current.c.levels.at(-1);
      if (!last) {
        err(
          criteria.name,
          r.n,
          'Loại dòng',
          'XLSX_ROW_BEFORE_CRITERION',
          `a "${ROW_KINDS.levelNote}" row must follow the "${ROW_KINDS.level}" row it belongs to.`,
          { criterionCode: String(current.c.code) },
        );
        continue;
      }
      at([...current.path, 'levels', current.c.levels.length - 1, 'note'], criteria, r, 'text');
      last.note = text(r.cells.text ?? null);
    }
  }
  for (const p of pendingCase) {
    const k = p.crit.cases?.[p.n - 1];
    if (k === undefined)
      err(
        criteria.name,
        p.row.n,
        'Trường hợp số',
        'XLSX_BAD_CASE_NUMBER',
        `case number ${p.n} does not exist for criterion ${String(p.crit.code)}: it lists ${p.crit.cases?.length ?? 0} "${ROW_KINDS.case}" row(s). Use 1 or 2.`,
        { criterionCode: String(p.crit.code) },
      );
    else p.level.case = k;
  }

  function flagsOf(r: Row, on: 'criterion' | 'level'): string[] {
    const v = text(r.cells.flags ?? null);
    if (v === null) return [];
    const allowed = on === 'criterion' ? (['possibleTypo', 'levelsImplied'] as const) : (['pointsBlankInSource'] as const);
    const out: string[] = [];
    for (const part of v.split(/\s*;\s*/u).filter(Boolean)) {
      const f = allowed.find((a) => key(FLAGS[a]) === key(part) || key(a) === key(part));
      if (f) out.push(f);
      else
        err(
          SHEET.criteria,
          r.n,
          'Ghi nhận khi đối chiếu',
          'XLSX_UNKNOWN_FLAG',
          `"${part}" is not a known note for a ${on === 'criterion' ? 'criterion' : 'level'}; use ${allowed.map((a) => `"${FLAGS[a]}"`).join(' or ')}, or leave the cell empty.`,
        );
    }
    return out;
  }

  // ── Quy tắc ──
  if (rulesSheet) {
    const rules = input.rules as Record<string, unknown>[];
    for (const r of rulesSheet.rows) {
      const k = kindOf(RULE_KINDS, r.cells.kind ?? null);
      const path = ['rules', rules.length];
      if (!k) {
        err(
          rulesSheet.name,
          r.n,
          'Loại',
          'XLSX_UNKNOWN_ROW_KIND',
          `"${r.cells.kind ?? ''}" is not a rule kind; use ${Object.values(RULE_KINDS)
            .map((x) => `"${x}"`)
            .join(', ')}.`,
        );
        continue;
      }
      at(path, rulesSheet, r);
      at([...path, 'id'], rulesSheet, r, 'id');
      at([...path, 'criterionCode'], rulesSheet, r, 'criterion');
      at([...path, 'condition'], rulesSheet, r, 'condition');
      at([...path, 'trigger'], rulesSheet, r, 'condition');
      at([...path, 'skip'], rulesSheet, r, 'skip');
      at([...path, 'pattern'], rulesSheet, r, 'pattern');
      at([...path, 'sourceText'], rulesSheet, r, 'sourceText');
      const criterionCode = text(r.cells.criterion ?? null);
      const base = {
        kind: k,
        id: text(r.cells.id ?? null),
        sourceText: text(r.cells.sourceText ?? null),
        pattern: text(r.cells.pattern ?? null) ?? 'manual',
        criterionCode,
      };
      const condition = text(r.cells.condition ?? null);
      if (k === 'disqualify') rules.push({ ...base, condition });
      else if (k === 'conditional') rules.push({ ...base, condition, whenNotMet: 'skip' });
      else if (k === 'caseChoice') {
        const c = criterionCode === null ? undefined : criterionByCode.get(criterionCode);
        if (!c) {
          err(
            rulesSheet.name,
            r.n,
            'Mã tiêu chí',
            'RULE_TARGET',
            `rule ${String(base.id)} refers to criterion ${criterionCode ?? '(none)'}, which is not in sheet "${SHEET.criteria}". Correct the code or remove the rule.`,
          );
          continue;
        }
        rules.push({ ...base, cases: [...((c.cases as string[] | undefined) ?? [])] });
      } else {
        const skipLabel = r.cells.skip ?? null;
        const skip = kindOf(SKIP_LABELS, skipLabel);
        if (!skip)
          err(
            rulesSheet.name,
            r.n,
            'Bỏ qua',
            'XLSX_UNKNOWN_SKIP',
            `"${skipLabel ?? ''}" does not say what is skipped; use "${SKIP_LABELS.following}" or "${SKIP_LABELS.others}".`,
          );
        const levelsText = text(r.cells.levels ?? null);
        let trigger: unknown;
        if (levelsText !== null) {
          const refs = levelsText
            .split(/\s*;\s*/u)
            .filter(Boolean)
            .map((s) => s.match(/^(\d+(?:\.\d+){0,2})\s*:\s*(\d+)$/u));
          if (refs.some((m) => !m)) {
            err(
              rulesSheet.name,
              r.n,
              'Phương án kích hoạt',
              'XLSX_BAD_LEVEL_LIST',
              `"${levelsText}" is not a list of levels; write criterion:level pairs separated by "; ", e.g. "6.1:1; 6.2:1".`,
            );
            continue;
          }
          trigger = { type: 'levels', levels: refs.map((m) => ({ criterionCode: m![1], levelIndex: Number(m![2]) - 1 })) };
        } else trigger = { type: 'condition', condition };
        rules.push({ ...base, trigger, skip: skip ?? 'following' });
      }
    }
  }

  // ── Bất thường ──
  if (anomaliesSheet) {
    const list = input.anomalies as unknown[];
    for (const r of anomaliesSheet.rows) {
      const k = kindOf(ANOMALY_TARGETS, r.cells.target ?? null);
      if (!k) {
        err(
          anomaliesSheet.name,
          r.n,
          'Đối tượng',
          'XLSX_UNKNOWN_ROW_KIND',
          `"${r.cells.target ?? ''}" is not what an anomaly can be about; use ${Object.values(ANOMALY_TARGETS)
            .map((x) => `"${x}"`)
            .join(', ')}.`,
        );
        continue;
      }
      at(['anomalies', list.length], anomaliesSheet, r);
      at(['anomalies', list.length, 'text'], anomaliesSheet, r, 'text');
      at(['anomalies', list.length, 'target'], anomaliesSheet, r, 'code');
      list.push({
        target: k === 'set' ? { kind: 'set' } : { kind: k, code: text(r.cells.code ?? null) },
        text: text(r.cells.text ?? null),
      });
    }
  }

  return { input, errors, locate, rulesFromNotes };
}
