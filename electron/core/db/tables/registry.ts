import type { Generated } from 'kysely';

/**
 * Registry of OCOP products (migration 0014): one entry per evaluation outcome the province keeps
 * — recognitions (3★+, with their decision and certificate) and products entered but not
 * recognised — whether it came from a finalized session of this app or from the province's
 * earlier lists (import). Dates are ISO 'YYYY-MM-DD'. Names, addresses and sectors are kept as
 * written; the current commune and the sector classification sit beside them.
 */
export interface RegistryEntryTable {
  id: Generated<number>;
  /** 'session' (a finalized session of this app) | 'import' (an earlier list) | 'manual' */
  origin: string;
  session_id: number | null;
  /** The finalization the proposal came from (a re-finalization replaces it). */
  finalization_id: number | null;
  /** The registration the session evaluated; unique: one entry per evaluated registration. */
  registration_id: number | null;
  /** Links into the dossiers area when known (sessions; imported entries once linked). */
  product_id: number | null;
  producer_id: number | null;
  /** Imported entries: what identifies the row across re-imports (basis, year, decision, product, producer). */
  import_key: string | null;
  import_id: number | null;
  /** Row of the imported sheet (for messages and the product history). */
  source_row: number | null;
  /** EntryKind: 'first' | 'upgrade' | 'reevaluation' */
  kind: string;
  /** The recognition this one follows (upgrade, re-evaluation). */
  follows_id: number | null;
  /** First entry of the product's chain (itself for a first recognition); set by a trigger on insert. */
  root_id: number | null;
  /** EntryState (shared/ocop/registry-status.ts). */
  state: string;
  legal_basis: string;
  /** Year of the evaluation (the year the lists and the statistics count it in). */
  year: number;
  /** Đợt within the year when known. */
  round_no: number | null;
  product_name: string;
  product_code: string;
  producer_name: string;
  /** Who the producer is across entries: 'p:<producer id>' or 'n:<folded name>'. */
  producer_key: string;
  /** ProducerKind, or null when the list did not record it. */
  producer_kind: string | null;
  /** ProducerGroup of the kind (statistics by kind of producer). */
  producer_group: string | null;
  address_text: string;
  /** Before 1/7/2025: the district and commune as the record wrote them (districts no longer exist). */
  district_text: string;
  commune_text: string;
  /** The current commune (QĐ 19/2025/QĐ-TTg code and name) when known. */
  commune_code: string | null;
  commune_name: string;
  province_name: string;
  /** What the statistics group communes by: 'c:<code>' when known, else 'o:<folded district|commune>'. */
  commune_key: string;
  sector_text: string;
  basis_sector: string;
  /** Ngành I–VI of 26/2026 (= the six groups of 148): the axis of the statistics. */
  nganh_no: string | null;
  nhom: string | null;
  set_key: string | null;
  star: number | null;
  /** Mean total in centi-points (7250 = 72,50) when known. */
  score_centi: number | null;
  /** 'district' | 'province' | 'central' */
  authority: string | null;
  decision_no: string | null;
  decision_date: string | null;
  decision_signer: string;
  certificate_no: string | null;
  /** From the decision (Đ4.3); computed by shared/ocop/registry-status.ts validityFromDecision. */
  valid_from: string | null;
  valid_to: string | null;
  window_opens_on: string | null;
  window_closes_on: string | null;
  /** The day the certificate stopped early (revocation, or the successor's decision). */
  ended_on: string | null;
  superseded_by_id: number | null;
  revoked_on: string | null;
  /** One of the six grounds of Điều 8 (RevokeGround). */
  revoke_ground: string | null;
  revoke_decision_no: string | null;
  revoke_note: string;
  /** Legal representative is a woman / from an ethnic minority: 1, 0, or null (not recorded). */
  women_led: number | null;
  ethnic_minority: number | null;
  note: string;
  search_folded: string;
  created_at: string;
  updated_at: string;
}

/** One import of an earlier list (the file's SHA-256 and what it did). */
export interface RegistryImportTable {
  id: Generated<number>;
  file_sha256: string;
  file_name: string;
  imported_at: string;
  actor: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** The office's confirmed classification of a sector text under a basis (asked once, kept). */
export interface RegistrySectorChoiceTable {
  legal_basis: string;
  text_folded: string;
  text: string;
  nganh_no: string;
  nhom: string | null;
  chosen_at: string;
  chosen_by: string;
}

/** A target of the provincial OCOP plan ("≥ 300 products 3★+ by 2030"). */
export interface RegistryTargetTable {
  id: Generated<number>;
  label: string;
  /** TargetMetric: 'products_recognised' | 'products_valid' | 'producers_recognised' */
  metric: string;
  min_star: number;
  from_year: number;
  target_year: number;
  target_count: number;
  note: string;
  created_at: string;
  updated_at: string;
}

/** A correction of the registry made after a document printing it was issued (migration 0010b; a record). */
export interface RegistryCorrectionTable {
  id: Generated<number>;
  entry_id: number;
  session_id: number;
  /** {"decisionNo": {"from": …, "to": …}, …}: only what changed. */
  changes_json: string;
  reason: string;
  /** The issued register rows that printed the old value: [{id, kind, docRef, number}]. */
  issued_json: string;
  corrected_at: string;
  corrected_by: string;
}

export interface RegistryTables {
  registry_entry: RegistryEntryTable;
  registry_correction: RegistryCorrectionTable;
  registry_import: RegistryImportTable;
  registry_sector_choice: RegistrySectorChoiceTable;
  registry_target: RegistryTargetTable;
}
