import { formatDateLongVi } from '../../../shared/ocop/format-vi';
import type { CoreContext } from '../context';
import { buildCertificate } from '../documents/builders/certificate';
import { documentT } from '../documents/doc-t';
import { documentFontOptions } from '../documents/document-font';
import { docRefOf } from '../documents/integrity/doc-ref';
import { readIssued } from '../documents/register/issued-store';
import { latestIssue } from '../documents/register/register-repo';
import { renderPdf } from '../documents/render';
import { CertificateData } from '../documents/types';
import { CoreError, notFound } from '../errors';
import { basisOf, getEntryRow } from './entry-repo';
import { registryT } from './registry-t';
import { readRegistrySettings } from './settings-service';

/**
 * Reprints the certificate of a recognised entry from what the registry recorded: the decision's
 * number, date and signer, validity 36 months from the decision (Đ4.3), the issuing authority by
 * level (UBND tỉnh; Bộ NN&MT for 5★; UBND huyện for 3★ under 148 before 1489). Entries without a
 * decision have no certificate to reprint. A certificate issued from the session's documents
 * (register of issued documents) is served as it was issued.
 */
export async function reprintCertificate(
  ctx: CoreContext,
  input: { id: number },
): Promise<{ fileName: string; contentBase64: string }> {
  const row = await getEntryRow(ctx.db, input.id);
  if (!row) throw notFound('Registry entry', input.id);
  if (!row.decision_date || !row.decision_no || row.star === null || row.star < 3) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Registry entry ${row.id} (${row.product_name}) is ${row.state}: ${row.state === 'proposed' ? 'record the decision first; ' : ''}only a recognised product has a certificate`,
      { id: row.id, state: row.state },
    );
  }
  // A certificate the session's documents issued is served as issued (the register's kept file):
  // a correction made here since does not change it; a corrected version is issued from the session.
  if (row.session_id !== null && row.registration_id !== null) {
    const issued = await latestIssue(ctx.db, row.session_id, docRefOf.certificate(row.registration_id));
    if (issued)
      return { fileName: issued.fileName, contentBase64: readIssued(ctx.paths.issuedDir, issued.sha256).toString('base64') };
  }
  const t = registryT('vi');
  const settings = await readRegistrySettings(ctx.db);
  const place = settings.reportPlace || row.province_name || '…';
  const authority = row.authority ?? 'province';
  const issuerBody =
    authority === 'central'
      ? [t('certificate.ministry')]
      : authority === 'district'
        ? [t('certificate.ubnd'), t('certificate.district', { place: row.district_text || '…' }).toLocaleUpperCase('vi')]
        : [t('certificate.ubnd'), t('certificate.province', { place }).toLocaleUpperCase('vi')];
  const signer =
    authority === 'central'
      ? { authority: t('certificate.ministerAuthority'), title: t('certificate.ministerTitle'), name: row.decision_signer }
      : { authority: t('certificate.ubndAuthority'), title: t('certificate.chairTitle'), name: row.decision_signer };
  const data = CertificateData.parse({
    issuer: { parentLines: [], bodyLines: issuerBody },
    certificateNo: row.certificate_no ?? '',
    product: {
      registrationId: row.registration_id ?? `so-${row.id}`,
      code: row.product_code,
      name: row.product_name,
      producerName: row.producer_name,
      producerAddress: [row.address_text, row.commune_name || row.commune_text, row.district_text, row.province_name]
        .filter((s) => s.trim() !== '')
        .join(', ')
        .slice(0, 300),
      setName: '',
      kind: row.kind,
    },
    star: row.star,
    legalBasis: basisOf(row),
    decisionCitation: t('certificate.citation', {
      no: row.decision_no,
      date: formatDateLongVi(row.decision_date),
      by:
        authority === 'central'
          ? t('certificate.byMinister')
          : authority === 'district'
            ? t('certificate.byDistrict', { place: row.district_text || '…' })
            : t('certificate.byProvince', { place }),
    }),
    issuedOn: row.decision_date,
    placeDate: { place: authority === 'central' ? t('certificate.hanoi') : place, date: row.decision_date },
    signer,
  });
  const pdf = await renderPdf(buildCertificate(data, documentT('vi')), {
    ...(await documentFontOptions(ctx)),
    createdAt: new Date(`${row.decision_date}T00:00:00Z`),
  });
  return { fileName: `giay-chung-nhan-${row.id}.pdf`, contentBase64: pdf.toString('base64') };
}
