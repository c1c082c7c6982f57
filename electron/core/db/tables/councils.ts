import type { Generated } from 'kysely';

/** A Hội đồng (or its Tổ tư vấn, `parent_council_id` set) as established by a decision. */
export interface CouncilTable {
  id: Generated<number>;
  name: string;
  name_folded: string;
  /** 'provincial' | 'central' | 'advisory_group' | 'district' (district: records before 7/2025). */
  level: string;
  parent_council_id: number | null;
  /** Tên cơ quan chủ quản in document headers, e.g. "UBND TỈNH ĐỒNG THÁP". */
  issuer_parent: string;
  /** JSON string[]: the council's own name lines in headers ("HỘI ĐỒNG ĐÁNH GIÁ,", "PHÂN HẠNG SẢN PHẨM OCOP"). */
  issuer_name_lines_json: string;
  /** Abbreviation of the council in its own number series ("HĐ" gives "Số: 05/BB-HĐ"). */
  doc_symbol: string;
  /**
   * Unused since migration 0007: numbers come from document_number_counter per council, kind and
   * year. Kept because dropping columns would rebuild the council table.
   */
  doc_next_no: number;
  doc_series_year: number | null;
  /** Địa danh of the header date line, e.g. "Đồng Tháp". */
  place_name: string;
  decision_no: string;
  decision_date: string | null;
  decision_signer: string;
  decision_signer_title: string;
  note: string;
  created_at: string;
  updated_at: string;
}

/**
 * One membership period. A change of role or a departure closes the period (`active_to`,
 * exclusive) and, for a role change, opens a new row linked by `previous_id`; rows that took part
 * in a session are never rewritten (trigger in 0004).
 */
export interface CouncilMemberTable {
  id: Generated<number>;
  council_id: number;
  full_name: string;
  full_name_folded: string;
  office: string;
  position: string;
  /** 'chair' | 'vice_chair' | 'member' | 'member_secretary' | 'secretary' */
  role: string;
  sort_order: number;
  active_from: string;
  active_to: string | null;
  previous_id: number | null;
  end_reason: string | null;
  pin_hash: string | null;
  created_at: string;
}

/** Append-only versions of a council's Quy chế settings; sessions pin the version they use. */
export interface CouncilRulesTable {
  id: Generated<number>;
  council_id: number;
  version: number;
  quorum_numerator: number;
  quorum_denominator: number;
  chair_required: number;
  spread_limit: number;
  spread_limit_allowed: number;
  aggregation: string;
  show_info_aggregates: number;
  minima_rule: string;
  display_decimals: number;
  members_see_others_before_submit: number;
  reason: string | null;
  created_at: string;
  created_by: string;
}

export interface SessionTable {
  id: Generated<number>;
  council_id: number;
  round_id: number;
  /** 'meeting' | 'written_opinion' (Điều 7.6d, lấy ý kiến bằng văn bản). */
  kind: string;
  /** Running number of the session within its council and round (phiên 1, 2…). */
  number: number;
  title: string;
  date: string;
  place: string;
  start_time: string | null;
  end_time: string | null;
  /** Deadline for written opinions (written_opinion sessions only). */
  opinion_deadline: string | null;
  chair_member_id: number | null;
  secretary_member_id: number | null;
  rules_id: number;
  /** 'preparing' | 'in_progress' | 'closed' | 'finalized' */
  status: string;
  opened_at: string | null;
  closed_at: string | null;
  finalized_at: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface SessionAgendaItemTable {
  session_id: number;
  registration_id: number;
  position: number;
  added_at: string;
}

export interface SessionAttendanceTable {
  session_id: number;
  member_id: number;
  /** Order of the member in the session's list, frozen when the session is created. */
  position: number;
  /** NULL = not yet recorded; 1 present (written opinion: answered); 0 absent. */
  present: number | null;
  absence_reason: string | null;
  updated_at: string;
}

export interface SessionConflictTable {
  id: Generated<number>;
  session_id: number;
  member_id: number;
  registration_id: number;
  reason: string;
  declared_at: string;
}

export interface CouncilsTables {
  council: CouncilTable;
  council_member: CouncilMemberTable;
  council_rules: CouncilRulesTable;
  session: SessionTable;
  session_agenda_item: SessionAgendaItemTable;
  session_attendance: SessionAttendanceTable;
  session_conflict: SessionConflictTable;
}
