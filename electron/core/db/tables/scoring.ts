import type { Generated } from 'kysely';

/** One member's phiếu đánh giá for one product in one session and re-scoring round (migration 0005). */
export interface ScoreSheetTable {
  id: Generated<number>;
  session_id: number;
  registration_id: number;
  member_id: number;
  criteria_set_version_id: number;
  /** 0 = first scoring; n = the chair's n-th re-scoring round for this product. */
  rescoring_round: Generated<number>;
  /** 'member' | 'paper' */
  source: string;
  entered_by: string | null;
  /** 'draft' | 'submitted' | 'superseded' */
  status: Generated<string>;
  total_points: Generated<number>;
  answered_count: Generated<number>;
  applicable_count: Generated<number>;
  complete: Generated<number>;
  disqualified: Generated<number>;
  disqualify_reason: string | null;
  stopped: Generated<number>;
  opinion: Generated<string>;
  revision_reason: string | null;
  /** Migration 0013b: 1 = a re-scoring sheet submitted as "kept the previous sheet unchanged". */
  kept_previous: Generated<number>;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
}

/** Append-only history of every change to a sheet (triggers forbid UPDATE and DELETE). */
export interface ScoreAnswerEventTable {
  seq: Generated<number>;
  sheet_id: number;
  /** 'level' | 'note' | 'declaration' | 'opinion' */
  kind: string;
  /** Criterion code (level, note), rule id (declaration) or '' (opinion). */
  target: string;
  level_index: number | null;
  points: number | null;
  holds: number | null;
  text: string | null;
  before_json: string | null;
  undoes_seq: number | null;
  at: string;
  actor: string;
}

/** Current level and note per criterion, kept in step with the events in the same transaction. */
export interface ScoreAnswerTable {
  sheet_id: number;
  criterion_code: string;
  level_index: number | null;
  points: number | null;
  note: Generated<string>;
  last_seq: number;
}

/** Current declaration per rule (disqualify / stop condition / conditional). */
export interface ScoreDeclarationTable {
  sheet_id: number;
  rule_id: string;
  holds: number;
  reason: string | null;
  last_seq: number;
}

export interface ScoreRescoringRoundTable {
  id: Generated<number>;
  session_id: number;
  registration_id: number;
  round_no: number;
  opened_by_member_id: number;
  reason: string;
  spread_points: number | null;
  opened_at: string;
  actor: string;
}

export interface PaperEntryTable {
  id: Generated<number>;
  session_id: number;
  registration_id: number;
  member_id: number;
  rescoring_round: Generated<number>;
  entry_no: number;
  entered_by: string;
  written_total: number | null;
  opinion: Generated<string>;
  /** 'open' | 'committed' */
  status: Generated<string>;
  committed_sheet_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface PaperEntryAnswerTable {
  entry_id: number;
  criterion_code: string;
  level_index: number;
}

export interface PaperEntryDeclarationTable {
  entry_id: number;
  rule_id: string;
  holds: number;
  reason: string | null;
}

export interface ScoringTables {
  score_sheet: ScoreSheetTable;
  score_answer_event: ScoreAnswerEventTable;
  score_answer: ScoreAnswerTable;
  score_declaration: ScoreDeclarationTable;
  score_rescoring_round: ScoreRescoringRoundTable;
  paper_entry: PaperEntryTable;
  paper_entry_answer: PaperEntryAnswerTable;
  paper_entry_declaration: PaperEntryDeclarationTable;
}
