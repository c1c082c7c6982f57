/** Documents (migration 0007): print settings per session and kind, and document-number series. */
import type { Generated } from 'kysely';

export interface DocumentSettingsTable {
  session_id: number;
  /** 'minutes' | 'summary' | 'decision' | 'certificate' */
  kind: string;
  /** JSON of DocumentSettings (shared/api/channels/document-settings.ts). */
  settings_json: string;
  updated_at: string;
  updated_by: string;
}

/** A council's number format per kind: "{n}/BB-HĐ", "{n}/{year}/QĐ-HĐ". */
export interface DocumentNumberFormatTable {
  council_id: number;
  /** 'minutes' | 'decision' */
  kind: string;
  pattern: string;
  updated_at: string;
}

/** The next number of a council's series for a kind and year (only moves forward). */
export interface DocumentNumberCounterTable {
  council_id: number;
  kind: string;
  year: number;
  next_no: number;
}

/** The ledger of numbers handed out (never updated or deleted). */
export interface DocumentNumberTable {
  id: Generated<number>;
  council_id: number;
  kind: string;
  year: number;
  number: number;
  text: string;
  session_id: number;
  allocated_at: string;
  allocated_by: string;
}

/** The register of issued documents (migration 0010; never updated or deleted). */
export interface DocumentIssueTable {
  id: Generated<number>;
  session_id: number;
  finalization_id: number;
  version: number;
  /** 'minutes' | 'summary' | 'decision' | 'certificate' | 'sheet' | 'sheets' */
  kind: string;
  registration_id: number | null;
  member_id: number | null;
  doc_ref: string;
  doc_number: string | null;
  doc_date: string | null;
  title: string;
  file_name: string;
  search_folded: string;
  sha256: string;
  bytes: number;
  pages: number;
  /** 'original' | 'signed' */
  variant: Generated<string>;
  derived_from: number | null;
  meta_json: string | null;
  issued_at: string;
  issued_by: string;
}

/** A council's default signers per document kind and slot (migration 0010). */
export interface CouncilDocumentSignerTable {
  council_id: number;
  kind: string;
  /** 'main' | 'secretary' */
  slot: string;
  authority: string;
  title: string;
  office_line: string;
  name: string;
  updated_at: string;
}

export interface DocumentsTables {
  document_settings: DocumentSettingsTable;
  document_number_format: DocumentNumberFormatTable;
  document_number_counter: DocumentNumberCounterTable;
  document_number: DocumentNumberTable;
  document_issue: DocumentIssueTable;
  council_document_signer: CouncilDocumentSignerTable;
}
