/**
 * The app's trust store: certificates the user imported (national root CA, government-service
 * CA, a provider's CA). Nothing is shipped in it: "trusted" always means "the user said so".
 */
import type { Kysely, Transaction } from 'kysely';
import type { TrustedCertificate } from '../../../shared/api/channels/signatures';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import type { Write } from '../handlers';
import { certificatesFromFile, readCertificate, type CertificateInfo } from './certificate';
import { isoWithOffset } from './pdf/pdf-syntax';

type Row = DB['trusted_certificate'];

const toTrusted = (r: Row): TrustedCertificate => {
  const c = readCertificate(new Uint8Array(r.der));
  return {
    commonName: c.commonName,
    subject: r.subject,
    issuer: r.issuer,
    organization: c.organization,
    serialHex: r.serial_hex,
    fingerprint: r.fingerprint,
    notBefore: r.not_before,
    notAfter: r.not_after,
    isCa: r.is_ca === 1,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
  };
};

export async function listTrusted(db: Kysely<DB> | Transaction<DB>): Promise<TrustedCertificate[]> {
  const rows = await db.selectFrom('trusted_certificate').selectAll().orderBy('subject').execute();
  return rows.map(toTrusted);
}

/** The trust anchors, parsed, for verification. */
export async function trustAnchors(db: Kysely<DB> | Transaction<DB>): Promise<CertificateInfo[]> {
  const rows = await db.selectFrom('trusted_certificate').select('der').execute();
  return rows.map((r) => readCertificate(new Uint8Array(r.der)));
}

/** Imports the certificates of a .cer/.crt/.pem file (a bundle may hold several); those known already are named. */
export async function importTrusted(
  w: Write,
  input: { certificateBase64: string },
): Promise<{ imported: TrustedCertificate[]; alreadyTrusted: string[] }> {
  const { trx, at, actor } = w;
  let certs: CertificateInfo[];
  try {
    const ders = certificatesFromFile(new Uint8Array(Buffer.from(input.certificateBase64, 'base64')));
    if (ders.length === 0) throw new Error('no certificate found');
    certs = ders.map((d) => readCertificate(d));
  } catch (e) {
    throw new CoreError(
      'VALIDATION',
      `certificateBase64: not an X.509 certificate file (DER .cer/.crt or PEM): ${(e as Error).message}; export the CA's certificate as .cer or .pem`,
    );
  }
  const imported: TrustedCertificate[] = [];
  const already: string[] = [];
  for (const c of certs) {
    const known = await trx
      .selectFrom('trusted_certificate')
      .select('fingerprint')
      .where('fingerprint', '=', c.fingerprint)
      .executeTakeFirst();
    if (known) {
      already.push(c.subject);
      continue;
    }
    const row: Row = {
      fingerprint: c.fingerprint,
      der: c.der,
      subject: c.subject,
      issuer: c.issuer,
      serial_hex: c.serialHex,
      not_before: isoWithOffset(c.notBefore),
      not_after: isoWithOffset(c.notAfter),
      is_ca: c.isCa ? 1 : 0,
      imported_at: at.toISOString(),
      imported_by: actor,
    };
    await trx.insertInto('trusted_certificate').values(row).execute();
    await w.audit({
      action: 'signatures.trustImport',
      entity: 'trusted_certificate',
      entityId: c.fingerprint,
      after: { subject: c.subject, issuer: c.issuer, serial: c.serialHex, notAfter: row.not_after },
    });
    imported.push(toTrusted(row));
  }
  return { imported, alreadyTrusted: already };
}

export async function removeTrusted(w: Write, input: { fingerprint: string }): Promise<{ removed: TrustedCertificate }> {
  const { trx } = w;
  const { fingerprint } = input;
  const row = await trx.selectFrom('trusted_certificate').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();
  if (!row)
    throw new CoreError(
      'NOT_FOUND',
      `fingerprint: no certificate ${fingerprint} in the trust store; see "trust list" for the fingerprints`,
      {
        what: 'trusted_certificate',
        id: fingerprint,
      },
    );
  await trx.deleteFrom('trusted_certificate').where('fingerprint', '=', fingerprint).execute();
  await w.audit({
    action: 'signatures.trustRemove',
    entity: 'trusted_certificate',
    entityId: fingerprint,
    before: { subject: row.subject, issuer: row.issuer },
  });
  return { removed: toTrusted(row) };
}
