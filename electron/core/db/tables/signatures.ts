/** Digital signatures (migration 0012): trust store, signature and seal images, the PKCS #11 module per computer. */

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

export interface SignaturesTables {
  trusted_certificate: TrustedCertificateTable;
  signature_image: SignatureImageTable;
  pkcs11_module: Pkcs11ModuleTable;
}
