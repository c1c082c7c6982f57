/** Digital signatures (migrations 0012, 0012c): trust store, signature and seal images, the PKCS #11 module per computer. */

export interface TrustedCertificateTable {
  fingerprint: string;
  der: Uint8Array;
  subject: string;
  issuer: string;
  serial_hex: string;
  not_before: string;
  not_after: string;
  is_ca: number;
  imported_at: string;
  imported_by: string;
}

export interface SignatureImageTable {
  /** 'member' | 'council' */
  owner_kind: string;
  owner_id: number;
  /** 'signature' | 'seal' */
  image_kind: string;
  png: Uint8Array;
  sha256: string;
  width_px: number;
  height_px: number;
  width_mm: number;
  updated_at: string;
  updated_by: string;
}

export interface Pkcs11ModuleTable {
  computer: string;
  module_path: string;
  updated_at: string;
}

/**
 * One signed copy in the register (migration 0012c): the signing step (or hand-signed scan) that
 * produced the register row `issue_id`; the file and who recorded it are the register row's.
 */
export interface DocumentSignatureTable {
  issue_id: number;
  /** The register row that was signed (original or previous step); null for a scan. */
  input_id: number | null;
  /** 'secretary' | 'chair' | 'member' | 'organisation' | 'scan' */
  role: string;
  signer_name: string;
  signer_fingerprint: string | null;
  signer_subject: string | null;
  signer_issuer: string | null;
  signer_serial: string | null;
  /** 'p12' | 'pkcs11' | null (scan) */
  key_source: string | null;
  /** ISO 8601 with +07:00. */
  signed_at: string;
}

/** The organisation the office signs a council's documents for, with its seal certificate (0012c). */
export interface CouncilOrganisationSignerTable {
  council_id: number;
  name: string;
  updated_at: string;
  updated_by: string;
}

export interface SignaturesTables {
  document_signature: DocumentSignatureTable;
  council_organisation_signer: CouncilOrganisationSignerTable;
  trusted_certificate: TrustedCertificateTable;
  signature_image: SignatureImageTable;
  pkcs11_module: Pkcs11ModuleTable;
}
