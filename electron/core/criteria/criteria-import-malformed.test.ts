import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaImportError } from '../../../shared/api/channels/criteria';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { invoke } from '../api';
import type { Core } from '../context';
import { memoryCore } from '../test/fixtures';
import { builtInSets } from './built-in-sets';
import { criteriaSetToXlsx } from './xlsx/criteria-xlsx-write';

/**
 * Every kind of malformed file is refused with IMPORT_INVALID, an error of its own kind whose
 * message names the criterion (or sheet and row) and says what to fix, and the database is left
 * exactly as it was.
 */

let core: Core;
beforeAll(async () => {
  core = await memoryCore();
});
afterAll(() => core.close());

const base = (setNo: number): CriteriaSet => ({ ...structuredClone(builtInSets()[setNo - 1]!.set), setKey: `test/bo-${setNo}` });
type Mut = (s: CriteriaSet & Record<string, unknown>) => unknown;
const json = (setNo: number, mutate: Mut): string => {
  const s = base(setNo) as CriteriaSet & Record<string, unknown>;
  const r = mutate(s);
  return JSON.stringify(r === undefined ? s : r);
};
const crit = (s: CriteriaSet, code: string) =>
  s.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria)).find((c) => c.code === code)!;

function snapshot() {
  const q = (t: string) =>
    core.ctx.sqlite.prepare(`SELECT COUNT(*) AS n, COALESCE(MAX(rowid), 0) AS m FROM ${t}`).get() as { n: number; m: number };
  return { versions: q('criteria_set_version'), search: q('criteria_search'), audit: q('audit_log') };
}

async function expectRefused(
  format: 'json' | 'xlsx',
  content: string,
  code: string,
  mention: RegExp | string,
): Promise<CriteriaImportError[]> {
  const before = snapshot();
  const r = await invoke(core.ctx, 'criteria:import', { format, content });
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  expect(r.error.code).toBe('IMPORT_INVALID');
  expect(r.error.message).toMatch(/nothing was imported/);
  const errors = (r.error.details as { errors: CriteriaImportError[] }).errors;
  const hit = errors.find((e) => e.code === code);
  expect(hit, `expected an error ${code}, got ${errors.map((e) => `${e.code}: ${e.message}`).join(' | ')}`).toBeDefined();
  expect(hit!.message).toMatch(mention);
  expect(snapshot()).toEqual(before);
  return errors;
}

describe('importing a malformed JSON set', () => {
  it.each<[string, string, string, RegExp | string]>([
    ['not JSON at all', '{"format": "ocop-criteria-set",', 'BAD_JSON_FILE', /not valid JSON/],
    [
      'a JSON file of something else',
      JSON.stringify({ name: 'Danh sách' }),
      'NOT_A_CRITERIA_SET',
      /"format" must be "ocop-criteria-set"/,
    ],
    [
      'a newer format version',
      json(7, (s) => void (s.formatVersion = 2 as 1)),
      'UNSUPPORTED_FORMAT_VERSION',
      /formatVersion 2 is not supported/,
    ],
    [
      'an unknown legal basis',
      json(7, (s) => void (s.decision = '99/2030/QĐ-TTg' as never)),
      'UNKNOWN_DECISION',
      /26\/2026\/QĐ-TTg, 148\/QĐ-TTg, 1048\/QĐ-TTg/,
    ],
    ['a missing field', json(7, (s) => void delete (s as Partial<CriteriaSet>).name), 'MISSING_FIELD', /"name" is missing/],
    [
      'an unknown field on a criterion',
      json(7, (s) => void Object.assign(crit(s, '1.1'), { weight: 2 })),
      'UNKNOWN_FIELD',
      /criterion 1\.1.*unknown field "weight"/,
    ],
    [
      'a criterion without levels',
      json(7, (s) => void (crit(s, '1.2').levels = [])),
      'NO_LEVELS',
      /criterion 1\.2 .*has no answer levels/,
    ],
    [
      'a star mark other than 3, 4, 5',
      json(7, (s) => void (crit(s, '1.5').levels[3]!.minForStars = 6 as 5)),
      'INVALID_STAR_MARK',
      /criterion 1\.5, level 4: the star mark must be 3, 4 or 5/,
    ],
    [
      'negative points',
      json(7, (s) => void (crit(s, '1.3').levels[0]!.points = -1)),
      'INVALID_VALUE',
      /criterion 1\.3, level 1: "points"/,
    ],
    ['a set key with spaces', json(7, (s) => void (s.setKey = 'Bộ 7 mới')), 'INVALID_VALUE', /"setKey".*lower-case/],
    ['two parts only', json(7, (s) => void s.parts.pop()), 'PART_COUNT', /exactly three parts A, B and C; this file has 2/],
    ['parts out of order', json(7, (s) => void s.parts.reverse()), 'PART_ORDER', /Part 1 is "C"; the parts must be A, B, C/],
    [
      'part maxima of another legal basis',
      json(7, (s) => void (s.decision = '1048/QĐ-TTg')),
      'PART_MAX_LEGAL',
      /Part A has maximum 40, but 1048\/QĐ-TTg sets Part A at 35/,
    ],
    [
      'a part maximum that is not the sum of its groups',
      json(7, (s) => void (s.parts[1]!.max = 26)),
      'PART_MAX_SUM',
      /Part B has maximum 26, but its groups add up to 25/,
    ],
    [
      'a total other than 100',
      json(7, (s) => void (s.total = 90)),
      'TOTAL_NOT_100',
      /total is 90; every OCOP criteria set totals 100/,
    ],
    [
      'a group maximum that is not the sum of its criteria',
      json(7, (s) => void (s.parts[0]!.groups[1]!.max = 11)),
      'GROUP_MAX_SUM',
      /Group 2 "PHÁT TRIỂN SẢN PHẨM" has maximum 11, but its criteria add up to 10/,
    ],
    [
      'a criterion maximum that is not its highest level',
      json(7, (s) => void (crit(s, '1.3').levels[2]!.points = 2)),
      'CRITERION_MAX_LEVEL',
      /Criterion 1\.3 has maximum 3, but its highest level gives 2 points/,
    ],
    [
      'a duplicate criterion code',
      json(7, (s) => void (crit(s, '1.4').code = '1.3')),
      'DUPLICATE_CRITERION_CODE',
      /Criterion code 1\.3 appears more than once/,
    ],
    [
      'a criterion in the wrong group',
      json(7, (s) => void (crit(s, '1.4').code = '2.9')),
      'CRITERION_CODE_GROUP',
      /Criterion 2\.9 is in group 1; its code must be 1 or start with "1\."/,
    ],
    [
      'a star marker left in a level text',
      json(7, (s) => void (crit(s, '1.1').levels[0]!.text += ' ***')),
      'STAR_IN_TEXT',
      /Criterion 1\.1, level 1: the text still contains "\*"/,
    ],
    [
      'two levels marked for the same star',
      json(7, (s) => void (crit(s, '1.5').levels[3]!.minForStars = 4)),
      'STAR_MARK_DUPLICATE',
      /Criterion 1\.5: two levels are marked as the minimum for 4 stars/,
    ],
    [
      'a higher star asking for fewer points',
      json(7, (s) => void ((crit(s, '1.5').levels[2]!.minForStars = 5), (crit(s, '1.5').levels[3]!.minForStars = 4))),
      'STAR_MARK_ORDER',
      /Criterion 1\.5: the minimum for 4 stars \(3 points\) is higher than the minimum for 5 stars \(2 points\)/,
    ],
    [
      'a rule about a criterion that does not exist',
      json(7, (s) => void (s.rules[1]!.criterionCode = '9.9')),
      'RULE_TARGET',
      /refers to criterion 9\.9, which is not in the set/,
    ],
    [
      'a stop rule on a level that does not exist',
      json(
        16,
        (s) =>
          void s.rules.forEach((r) => r.kind === 'stop' && r.trigger.type === 'levels' && (r.trigger.levels[0]!.levelIndex = 7)),
      ),
      'RULE_LEVEL_REF',
      /level 8 of criterion 6\.1, which does not exist/,
    ],
    [
      'a level of an undeclared case (set 26)',
      json(26, (s) => void (crit(s, '8').levels[0]!.case = 'Trường hợp 3')),
      'CASE_UNKNOWN',
      /Criterion 8, level 1: case "Trường hợp 3" is not one of the criterion's cases/,
    ],
    [
      "a three-level heading whose maximum is not its children's sum (set 11)",
      json(
        11,
        (s) => void s.parts[2]!.groups[0]!.criteria.filter((c) => c.parent?.code === '6.1').forEach((c) => (c.parent!.max = 5)),
      ),
      'PARENT_MAX_SUM',
      /Heading 6\.1 "Ngoại hình" has maximum 5, but its criteria add up to 4/,
    ],
    [
      'an anomaly about a criterion that does not exist',
      json(7, (s) => void s.anomalies.push({ target: { kind: 'criterion', code: '4.9' }, text: 'x' })),
      'ANOMALY_TARGET',
      /about criterion 4\.9, which is not in the set/,
    ],
  ])('%s', async (_name, content, code, mention) => {
    const errors = await expectRefused('json', content, code, mention);
    // Errors about one criterion carry its code for the UI to link to.
    for (const e of errors) if (/^[Cc]riterion \d/.test(e.message)) expect(e.criterionCode).toBeDefined();
  });
});

/** The exported workbook of set 7 under a test key, changed by `edit`. */
async function xlsx(edit: (wb: ExcelJS.Workbook) => void, setNo = 7): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await criteriaSetToXlsx(base(setNo))) as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;
/** Row number of a criterion's "Tiêu chí" row, or of its n-th level row. */
function rowOf(ws: ExcelJS.Worksheet, code: string, level?: number): number {
  let found = -1;
  let seen = 0;
  ws.eachRow((row, n) => {
    if (found > 0 || row.getCell(3).value !== code) return;
    if (level === undefined && row.getCell(1).value === 'Tiêu chí') found = n;
    if (level !== undefined && row.getCell(1).value === 'Phương án' && ++seen === level) found = n;
  });
  return found;
}

describe('importing a malformed XLSX set names the sheet and row', () => {
  it('refuses a file that is not a workbook, and text that is not base64', async () => {
    await expectRefused('xlsx', Buffer.from('PK not really a zip').toString('base64'), 'BAD_XLSX_FILE', /not an Excel workbook/);
    await expectRefused('xlsx', 'this is not base64!', 'BAD_BASE64', /base64/);
  });

  it.each<[string, (wb: ExcelJS.Workbook) => void, string, RegExp]>([
    [
      'a missing sheet',
      (wb) => wb.removeWorksheet(sheet(wb, 'Tiêu chí').id),
      'XLSX_MISSING_SHEET',
      /Sheet "Tiêu chí": the sheet is missing/,
    ],
    [
      'a missing column',
      (wb) => void (sheet(wb, 'Tiêu chí').getCell('E1').value = 'Điểm số'),
      'XLSX_MISSING_COLUMN',
      /Sheet "Tiêu chí", row 1, column "Điểm": the column "Điểm" is missing/,
    ],
    [
      'text in a points cell',
      (wb) => void (sheet(wb, 'Tiêu chí').getCell(`E${rowOf(sheet(wb, 'Tiêu chí'), '1.3', 2)}`).value = 'hai'),
      'XLSX_NOT_A_NUMBER',
      /Sheet "Tiêu chí", row \d+, column "Điểm": "hai" is not a whole number/,
    ],
    [
      'an unknown row kind',
      (wb) => void (sheet(wb, 'Tiêu chí').getCell(`A${rowOf(sheet(wb, 'Tiêu chí'), '1.3', 1)}`).value = 'Lựa chọn'),
      'XLSX_UNKNOWN_ROW_KIND',
      /Sheet "Tiêu chí", row \d+, column "Loại dòng": "Lựa chọn" is not a row kind/,
    ],
    [
      'a level row under the wrong criterion',
      (wb) => void (sheet(wb, 'Tiêu chí').getCell(`C${rowOf(sheet(wb, 'Tiêu chí'), '1.3', 1)}`).value = '1.4'),
      'XLSX_CODE_MISMATCH',
      /row \d+, column "Mã": this row says criterion 1\.4 but sits under criterion 1\.3/,
    ],
    [
      'a criterion of a group that is not listed',
      (wb) => void (sheet(wb, 'Tiêu chí').getCell(`B${rowOf(sheet(wb, 'Tiêu chí'), '2.1')}`).value = '20'),
      'XLSX_UNKNOWN_GROUP',
      /column "Nhóm": group "20" is not listed in sheet "Phần - Nhóm"/,
    ],
    [
      'a group before any part',
      (wb) => sheet(wb, 'Phần - Nhóm').spliceRows(2, 1),
      'XLSX_GROUP_BEFORE_PART',
      /Sheet "Phần - Nhóm", row 2, column "Loại": a group comes before any part/,
    ],
    [
      'a level case number that does not exist (set 26)',
      (wb) => void (sheet(wb, 'Tiêu chí').getCell(`G${rowOf(sheet(wb, 'Tiêu chí'), '8', 1)}`).value = 3),
      'XLSX_BAD_CASE_NUMBER',
      /column "Trường hợp số": case number 3 does not exist for criterion 8/,
    ],
  ])('%s', async (name, edit, code, mention) => {
    await expectRefused('xlsx', await xlsx(edit, name.includes('set 26') ? 26 : 7), code, mention);
  });

  it('locates the arithmetic errors in their cells', async () => {
    const maxErr = await expectRefused(
      'xlsx',
      await xlsx((wb) => void (sheet(wb, 'Tiêu chí').getCell(`E${rowOf(sheet(wb, 'Tiêu chí'), '1.3', 3)}`).value = 2)),
      'CRITERION_MAX_LEVEL',
      /^Sheet "Tiêu chí", row \d+, column "Điểm": Criterion 1\.3 has maximum 3, but its highest level gives 2 points/,
    );
    expect(maxErr.find((e) => e.code === 'CRITERION_MAX_LEVEL')).toMatchObject({
      sheet: 'Tiêu chí',
      column: 'Điểm',
      criterionCode: '1.3',
    });
    await expectRefused(
      'xlsx',
      await xlsx((wb) => void (sheet(wb, 'Tiêu chí').getCell(`F${rowOf(sheet(wb, 'Tiêu chí'), '1.5', 3)}`).value = '**')),
      'INVALID_STAR_MARK',
      /^Sheet "Tiêu chí", row \d+, column "Dấu sao": part A, group 1, criterion 1\.5, level 3: the star mark must be 3, 4 or 5/,
    );
    await expectRefused(
      'xlsx',
      await xlsx((wb) => void (sheet(wb, 'Phần - Nhóm').getCell('D2').value = 41)),
      'PART_MAX_SUM',
      /^Sheet "Phần - Nhóm", row 2, column "Điểm tối đa": Part A has maximum 41, but its groups add up to 40/,
    );
    await expectRefused(
      'xlsx',
      await xlsx((wb) => void (sheet(wb, 'Thông tin').getCell('B14').value = 99)),
      'TOTAL_NOT_100',
      /^Sheet "Thông tin", row 14, column "Giá trị": The set's total is 99/,
    );
  });
});
