import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { allCriteria, partMaxima, starMarkedLevelCount } from '../../../shared/ocop/criteria-set-walk';
import { foldForSearch } from '../../../shared/text/normalize';

/**
 * Row values derived from a set's content, computed once at insert so that lists and search never
 * parse the content JSON. Pure: used by the import service and by the built-in seed.
 */

export interface VersionSummaryColumns {
  decision: string;
  set_no: number | null;
  name: string;
  criterion_count: number;
  star_marked_levels: number;
  part_a_max: number;
  part_b_max: number;
  part_c_max: number;
  total: number;
  classification_json: string | null;
}

export function summaryColumns(set: CriteriaSet): VersionSummaryColumns {
  const m = partMaxima(set);
  return {
    decision: set.decision,
    set_no: set.setNo,
    name: set.name,
    criterion_count: allCriteria(set).length,
    star_marked_levels: starMarkedLevelCount(set),
    part_a_max: m.A,
    part_b_max: m.B,
    part_c_max: m.C,
    total: set.total,
    classification_json: set.classification ? JSON.stringify(set.classification) : null,
  };
}

export interface SearchRow {
  criterion_code: string;
  field: 'title' | 'level' | 'note' | 'parent';
  level_index: number | null;
  text: string;
  folded: string;
}

/** Every searchable text of a set: criterion titles, parent headings, level texts and notes. */
export function searchRows(set: CriteriaSet): SearchRow[] {
  const rows: SearchRow[] = [];
  const push = (criterion_code: string, field: SearchRow['field'], level_index: number | null, text: string) =>
    rows.push({ criterion_code, field, level_index, text, folded: foldForSearch(text) });
  for (const { criterion: c } of allCriteria(set)) {
    push(c.code, 'title', null, c.title);
    if (c.parent) push(c.code, 'parent', null, `${c.parent.code} ${c.parent.title}`);
    c.levels.forEach((l, i) => {
      push(c.code, 'level', i, l.text);
      if (l.note) push(c.code, 'note', i, l.note);
    });
    for (const n of c.notes) push(c.code, 'note', null, n);
  }
  return rows;
}
