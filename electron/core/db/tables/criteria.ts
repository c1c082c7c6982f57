import type { Generated } from 'kysely';

/**
 * Criteria sets (migration 0002). One row per version of a set; the content is the JSON of
 * shared/ocop/criteria-set.ts. A version never changes its content (triggers), and once a scoring
 * sheet or self-assessment uses it (`locked = 1`) it can no longer be deleted or unlocked.
 * The summary columns are derived from the content at insert, so lists need not parse it.
 */
export interface CriteriaSetVersionTable {
  id: Generated<number>;
  /** 'qd26-2026/07' for built-in sets, or a custom id. */
  set_key: string;
  /** Legal basis id, e.g. '26/2026/QĐ-TTg'. */
  decision: string;
  set_no: number | null;
  name: string;
  /** 1, 2, … per set_key. */
  version: number;
  /** SHA-256 of the canonical JSON of the content. */
  content_hash: string;
  content_json: string;
  built_in: number;
  locked: Generated<number>;
  created_at: string;
  criterion_count: number;
  star_marked_levels: number;
  part_a_max: number;
  part_b_max: number;
  part_c_max: number;
  total: number;
  /** JSON of the Phụ lục I classification, or null for a custom set without one. */
  classification_json: string | null;
}

/** Folded criterion texts (title, levels, notes) of every version: accent-insensitive search. */
export interface CriteriaSearchTable {
  version_id: number;
  criterion_code: string;
  /** 'title' | 'level' | 'note' | 'parent' */
  field: string;
  level_index: number | null;
  text: string;
  /** foldForSearch(text) */
  folded: string;
}

export interface CriteriaTables {
  criteria_set_version: CriteriaSetVersionTable;
  criteria_search: CriteriaSearchTable;
}
