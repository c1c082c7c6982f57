import { PROVINCES_2008, PROVINCES_2025, provinceShortName } from '../../../shared/ocop/admin-units';
import { foldForSearch } from '../../../shared/text/normalize';
import type { Grid } from './commune-file';

/**
 * Turns the statistics office's "Danh mục đơn vị hành chính" export into communes. The site's
 * exports name their columns in Vietnamese and have changed over the years: the three-tier list
 * ("Tỉnh / Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp") and the
 * per-level lists ("Mã", "Tên", "Cấp", "Mã TP", "Tỉnh / Thành Phố"). The header row is found by
 * its words (accents, case and spacing ignored) in the first rows of any sheet, so a title line
 * above it or a reordered column does not matter. Rows of provinces or districts in the same
 * file are skipped; every commune row is checked, and every problem is reported with its row.
 */

export interface Commune {
  code: string;
  name: string;
  /** "Xã", "Phường", "Đặc khu", "Thị trấn" (before 7/2025) as the file writes it; '' when absent. */
  level: string;
  provinceCode: string;
  provinceName: string;
  /** The former district (three-tier lists only); '' otherwise. */
  districtName: string;
}

export interface ListProblem {
  sheet: string;
  row?: number;
  column?: string;
  code: 'no_header' | 'bad_code' | 'no_name' | 'bad_province' | 'duplicate_code' | 'no_communes';
  message: string;
  value?: string;
}

type Field = 'communeCode' | 'communeName' | 'level' | 'provinceCode' | 'provinceName' | 'districtName';

/** Folded header words of each field (first match wins; "mã" alone means the commune's own code). */
const ALIASES: Record<Field, readonly string[]> = {
  communeCode: ['ma px', 'ma phuong xa', 'ma xa', 'ma xa phuong', 'ma dvhc', 'ma don vi', 'ma'],
  communeName: ['phuong xa', 'ten phuong xa', 'xa phuong', 'ten xa', 'ten don vi', 'ten'],
  level: ['cap'],
  provinceCode: ['ma tp', 'ma tinh', 'ma tinh tp', 'ma tinh thanh pho'],
  provinceName: ['tinh thanh pho', 'tinh tp', 'ten tinh', 'ten tinh thanh pho', 'tinh'],
  districtName: ['quan huyen', 'ten quan huyen'],
};

const key = (s: string): string =>
  foldForSearch(s)
    .replace(/[^a-z0-9 ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/** Column index of each field in a candidate header row, or null when the row is not a header. */
function headerOf(row: readonly string[]): Partial<Record<Field, number>> | null {
  const keys = row.map(key);
  const at: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    for (const alias of ALIASES[field]) {
      const i = keys.findIndex((k, idx) => k === alias && !Object.values(at).includes(idx));
      if (i >= 0) {
        at[field] = i;
        break;
      }
    }
  }
  return at.communeCode !== undefined &&
    at.communeName !== undefined &&
    (at.provinceCode !== undefined || at.provinceName !== undefined)
    ? at
    : null;
}

/** Levels that are not communes (the per-level exports list provinces and districts too). */
const NOT_COMMUNE = new Set([
  'tinh',
  'thanh pho trung uong',
  'thanh pho truc thuoc trung uong',
  'quan',
  'huyen',
  'thi xa',
  'thanh pho thuoc tinh',
]);

const PROVINCE_BY_NAME = new Map<string, { code: string; name: string }>([
  ...PROVINCES_2008.map((p) => [key(provinceShortName(p.name)), p] as const),
  ...PROVINCES_2025.map((p) => [key(provinceShortName(p.name)), p] as const),
]);
const KNOWN_CODES = new Set([...PROVINCES_2025, ...PROVINCES_2008].map((p) => p.code));

const digits = (s: string, width: number): string | null => {
  const t = s.replace(/\s+/gu, '');
  return /^\d+$/u.test(t) && t.length <= width ? t.padStart(width, '0') : null;
};

export function parseCommuneList(grid: Grid): { communes: Commune[]; problems: ListProblem[] } {
  for (const sheet of grid.sheets) {
    const headerRow = sheet.rows.slice(0, 30).findIndex((r) => headerOf(r) !== null);
    if (headerRow < 0) continue;
    const at = headerOf(sheet.rows[headerRow]!)!;
    const columnName = (f: Field) => sheet.rows[headerRow]![at[f]!] ?? '';
    const communes: Commune[] = [];
    const problems: ListProblem[] = [];
    const seen = new Map<string, { row: number; name: string }>();
    sheet.rows.slice(headerRow + 1).forEach((cells, i) => {
      const row = headerRow + i + 2; // 1-based, as a spreadsheet shows it
      const get = (f: Field) => (at[f] === undefined ? '' : (cells[at[f]] ?? '').trim());
      const level = get('level');
      if (NOT_COMMUNE.has(key(level))) return;
      const rawCode = get('communeCode');
      const name = get('communeName');
      if (rawCode === '' && name === '') return; // a blank or footer line
      const problem = (p: Omit<ListProblem, 'sheet' | 'row'>) => problems.push({ sheet: sheet.name, row, ...p });
      const code = digits(rawCode, 5);
      if (code === null) {
        problem({
          column: columnName('communeCode'),
          code: 'bad_code',
          value: rawCode,
          message: `the commune code "${rawCode}" is not a code of up to 5 digits`,
        });
        return;
      }
      if (name === '') {
        problem({ column: columnName('communeName'), code: 'no_name', value: rawCode, message: `commune ${code} has no name` });
        return;
      }
      let provinceCode = digits(get('provinceCode'), 2);
      const provinceText = get('provinceName');
      if (provinceCode === null && provinceText !== '')
        provinceCode = PROVINCE_BY_NAME.get(key(provinceShortName(provinceText)))?.code ?? null;
      if (provinceCode === null || !KNOWN_CODES.has(provinceCode)) {
        const value = get('provinceCode') || provinceText;
        problem({
          column: columnName(at.provinceCode !== undefined ? 'provinceCode' : 'provinceName'),
          code: 'bad_province',
          value,
          message: `commune ${code} ${name}: "${value}" is not a province code or name of Vietnam`,
        });
        return;
      }
      const before = seen.get(code);
      if (before) {
        if (before.name !== name)
          problem({
            column: columnName('communeCode'),
            code: 'duplicate_code',
            value: code,
            message: `code ${code} is given to "${before.name}" (row ${before.row}) and to "${name}"`,
          });
        return;
      }
      seen.set(code, { row, name });
      const province = [...PROVINCES_2025, ...PROVINCES_2008].find((p) => p.code === provinceCode)!;
      communes.push({
        code,
        name,
        level,
        provinceCode,
        provinceName: provinceText || province.name,
        districtName: get('districtName'),
      });
    });
    if (communes.length === 0 && problems.length === 0)
      problems.push({ sheet: sheet.name, code: 'no_communes', message: 'the list has a header but no commune rows' });
    return { communes, problems };
  }
  return {
    communes: [],
    problems: [
      {
        sheet: grid.sheets[0]?.name ?? '',
        code: 'no_header',
        message:
          'no header row with the commune code, the commune name and the province was found (for example "Mã", "Tên", "Cấp", "Mã TP", "Tỉnh / Thành Phố"); export the list again from the statistics office site',
      },
    ],
  };
}
