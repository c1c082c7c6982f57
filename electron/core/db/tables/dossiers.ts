import type { Generated } from 'kysely';

/**
 * Dossiers (migration 0003): evaluation rounds, producers (chủ thể OCOP), their products, the
 * registrations of a product in a round (Mẫu 01), the producer's self-assessment (Mẫu 02 part
 * III), the commune report (Mẫu 03) and evidence files. Dates are ISO 'YYYY-MM-DD'; timestamps
 * are ISO instants. `*_folded` columns hold `foldForSearch` of the text for accent-insensitive search.
 */

/** Đợt đánh giá (Điều 5). The councils area builds rounds services and screens on this table. */
export interface EvaluationRoundTable {
  id: Generated<number>;
  year: number;
  /** Đợt number within the year (1, 2, …). */
  number: number;
  /** '26/2026/QĐ-TTg' | '148/QĐ-TTg' | '1048/QĐ-TTg' */
  legal_basis: string;
  name: string;
  start_date: string | null;
  end_date: string | null;
  /** Last day the province takes the communes' proposals for this round (30/4, 30/10 by default). */
  deadline_date: string | null;
  created_at: string;
}

export interface ProducerTable {
  id: Generated<number>;
  /** ProducerKind: 'cooperative' | 'cooperative_group' | 'enterprise' | 'farm' | 'production_household' | 'household_business' | tourism kinds. */
  kind: string;
  name: string;
  /** foldForSearch(name): duplicate checks and sorting. */
  name_folded: string;
  /** foldForSearch of name, tax code, representative, commune and province: what search looks in. */
  search_folded: string;
  /** Canonical tax number (10, 10-3 or 12 digits); unique when present. */
  tax_code: string | null;
  /** Business/cooperative registration number when it differs from the tax number. */
  registration_no: string | null;
  representative_name: string;
  representative_position: string;
  /** 'female' | 'male' | null (not stated). Criterion 3.2 counts a woman legal representative. */
  representative_gender: string | null;
  /** Dân tộc as written (e.g. "Tày"); free text. */
  representative_ethnicity: string;
  representative_ethnic_minority: number;
  representative_disability: number;
  /** Street, village (thôn/ấp) — the part of the address below the commune. */
  address: string;
  /**
   * Codes per QĐ 19/2025/QĐ-TTg and the names as written when entered: after the 2025 merger
   * old names stay readable on old records while the codes say which unit is meant.
   */
  commune_code: string;
  commune_name: string;
  province_code: string;
  province_name: string;
  phone: string | null;
  email: string | null;
  founded_on: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface ProductTable {
  id: Generated<number>;
  producer_id: number;
  name: string;
  name_folded: string;
  /**
   * The criteria set the product is judged by (criteria_set_version.set_key), e.g. 'qd26-2026/07'.
   * For built-in sets this is also its Phụ lục I classification (leaves map one-to-one to sets).
   */
  set_key: string;
  /** Quy cách (size, weight, volume). */
  specification: string;
  /** Bao bì, đóng gói. */
  packaging: string;
  /** (T)-(X)-(STT)-(năm); unique; editable. The four columns below are parsed from it. */
  product_code: string;
  code_province: string;
  code_commune: string;
  code_seq: number;
  code_year: number;
  note: string;
  created_at: string;
  updated_at: string;
}

/** One product in one round (Mẫu 01 Phiếu đăng ký). */
export interface RegistrationTable {
  id: Generated<number>;
  product_id: number;
  round_id: number;
  /** 'first' | 'upgrade' | 'reevaluation' */
  kind: string;
  /** Star rank on the current certificate (upgrade, re-evaluation). */
  current_stars: number | null;
  certificate_no: string | null;
  certificate_issued_on: string | null;
  certificate_expires_on: string | null;
  /** Phiếu số "…/PĐK-(T)-(X)-(Năm)"; unique. The four columns below are parsed from it. */
  registration_no: string;
  reg_province: string;
  reg_commune: string;
  reg_year: number;
  /** Running number when the serial is a plain number (app-written), else null. */
  reg_seq: number | null;
  /** Ngày UBND cấp xã nhận hồ sơ / ngày cơ quan OCOP cấp tỉnh nhận hồ sơ. */
  received_commune_on: string | null;
  received_province_on: string | null;
  receiver_name: string;
  sample_count: number | null;
  /** The criteria set version the dossier is judged under; fixed once self-assessment exists. */
  criteria_set_version_id: number;
  /** RegistrationStatus: received → commune_report → advisory_review → on_agenda → evaluated → result. */
  status: string;
  status_at: string;
  note: string;
  created_at: string;
  updated_at: string;
  /** Maintained by triggers from product/producer (search and filters without joins). */
  search_folded: Generated<string>;
  product_sort: Generated<string>;
  producer_sort: Generated<string>;
  commune_code: Generated<string>;
  set_key: Generated<string>;
  /**
   * Migration 0008: the product/producer names, product code and producer address as they were
   * when the registration became 'evaluated' (copied by a trigger, then frozen); null before.
   * Results and documents print these, so a later rename does not rewrite a decision.
   */
  snapshot_product_name: string | null;
  snapshot_product_code: string | null;
  snapshot_producer_name: string | null;
  snapshot_producer_address: string | null;
  snapshot_at: string | null;
  /**
   * Migration 0013: the outcome recorded when the session that evaluated it was finalized
   * (registration-outcome.ts); all null before, and again after that session is reopened.
   */
  outcome_stars: number | null;
  /** 'complete' | 'disqualified' */
  outcome_status: string | null;
  outcome_recognised: number | null;
  outcome_proposed_central: number | null;
  outcome_finalization_id: number | null;
  outcome_at: string | null;
}

/** Append-only history of status changes (who, when, why). */
export interface RegistrationStatusEventTable {
  id: Generated<number>;
  registration_id: number;
  from_status: string | null;
  to_status: string;
  at: string;
  actor: string;
  note: string;
}

/** Mẫu 02 part III: the producer's own level per criterion of the pinned set. */
export interface SelfAssessmentAnswerTable {
  registration_id: number;
  criterion_code: string;
  /** Index into the criterion's `levels` (form order). */
  level_index: number;
  /** Points of that level, copied from the pinned set when saved. */
  points: number;
  /** Minh chứng: what the producer cites as evidence. */
  evidence_note: string;
  updated_at: string;
  updated_by: string;
}

/** Mẫu 03: the commune's report on some contents of the dossier and its proposal. */
export interface CommuneReportTable {
  registration_id: number;
  report_no: string;
  report_date: string | null;
  local_materials: string;
  local_labour: string;
  idea_origin: string;
  local_identity: string;
  /** 'propose' (đề nghị đánh giá) | 'not_propose' | null (not decided yet). */
  recommendation: string | null;
  proposal: string;
  signer_name: string;
  signer_position: string;
  updated_at: string;
  updated_by: string;
}

/** Evidence file; content at <dataDir>/attachments/<sha256[0..2]>/<sha256>, never under its name. */
export interface AttachmentTable {
  id: Generated<number>;
  registration_id: number;
  /** The criterion the evidence supports, or null for the dossier as a whole. */
  criterion_code: string | null;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  note: string;
  created_at: string;
  created_by: string;
}

export interface DossiersTables {
  evaluation_round: EvaluationRoundTable;
  producer: ProducerTable;
  product: ProductTable;
  registration: RegistrationTable;
  registration_status_event: RegistrationStatusEventTable;
  self_assessment_answer: SelfAssessmentAnswerTable;
  commune_report: CommuneReportTable;
  attachment: AttachmentTable;
}
