/**
 * The app's trust store: certificates the user imported (national root CA, government-service
 * CA, a provider's CA). Nothing is shipped in it: "trusted" always means "the user said so".
 */
import type { Kysely, Transaction } from 'kysely';
import type { TrustedCertificate } from '../../../shared/api/channels/signatures';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { appendAudit } from '../audit/audit-repo';
import { CoreError } from '../errors';
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

export async function importTrusted(
  ctx: CoreContext,
  actor: string,
  file: Uint8Array,
): Promise<{ imported: TrustedCertificate[]; alreadyTrusted: string[] }> {
  let certs: CertificateInfo[];
  try {
    const ders = certificatesFromFile(file);
    if (ders.length === 0) throw new Error('no certificate found');
    certs = ders.map((d) => readCertificate(d));
  } catch (e) {
    throw new CoreError(
      'VALIDATION',
      `certificateBase64: not an X.509 certificate file (DER .cer/.crt or PEM): ${(e as Error).message}; export the CA's certificate as .cer or .pem`,
    );
  }
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
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
      await appendAudit(trx, at, {
        actor,
        action: 'signatures.trustImport',
        entity: 'trusted_certificate',
        entityId: c.fingerprint,
        after: { subject: c.subject, issuer: c.issuer, serial: c.serialHex, notAfter: row.not_after },
      });
      imported.push(toTrusted(row));
    }
    return { imported, alreadyTrusted: already };
  });
}

export async function removeTrusted(
  ctx: CoreContext,
  actor: string,
  fingerprint: string,
): Promise<{ removed: TrustedCertificate }> {
  return ctx.db.transaction().execute(async (trx) => {
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
    await appendAudit(trx, ctx.now(), {
      actor,
      action: 'signatures.trustRemove',
      entity: 'trusted_certificate',
      entityId: fingerprint,
      before: { subject: row.subject, issuer: row.issuer },
    });
    return { removed: toTrusted(row) };
  });
}
