import type { Generated } from 'kysely';

/** Digital signatures (migrations 0012, 0012b): trust store, signature and seal images, the PKCS #11 module per computer. */

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

/** One signing step of a session document (migration 0012b). */
export interface SessionSignatureTable {
  id: Generated<number>;
  session_id: number;
  finalization_id: number;
  /** 'minutes' */
  kind: string;
  /** 'secretary' | 'chair' | 'scan' */
  role: string;
  sha256: string;
  input_sha256: string | null;
  original_sha256: string | null;
  bytes: number;
  signer_name: string;
  signer_fingerprint: string | null;
  signer_subject: string | null;
  signer_issuer: string | null;
  /** 'p12' | 'pkcs11' | null (scan) */
  key_source: string | null;
  signed_at: string;
  recorded_by: string;
}

export interface SignaturesTables {
  session_signature: SessionSignatureTable;
  trusted_certificate: TrustedCertificateTable;
  signature_image: SignatureImageTable;
  pkcs11_module: Pkcs11ModuleTable;
}
