/**
 * Dự thảo Quyết định công nhận and Giấy chứng nhận of a session's recognised products. The
 * Ủy ban's header, number, signer and citation are unknown to the council: they are printed as a
 * draft (blank number, dotted date) with the usual wording, for the office to complete.
 */
import type { ProductResult } from '../../../../shared/api/channels/results';
import { CoreError } from '../../errors';
import type { CertificateData, DecisionData, IssuerHeader } from '../types';
import { productOf } from './rows';
import { legalBasisCitation, type SessionFacts } from './session-facts';

/** Recognised at the province (3★, 4★): what a provincial decision lists. */
export const decisionProducts = (f: SessionFacts): ProductResult[] =>
  f.results.products.filter((p) => p.status === 'complete' && p.recognised && (p.finalStar === 3 || p.finalStar === 4));

/** "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP" from the council's place name. */
function committeeHeader(f: SessionFacts): IssuerHeader {
  const place = f.council.placeName || f.detail.council.placeName;
  return { parentLines: [], bodyLines: [f.t('defaults.ubnd'), f.t('defaults.province', { place }).toLocaleUpperCase('vi')] };
}

export function decisionFromSession(f: SessionFacts): DecisionData {
  const place = f.council.placeName || '…';
  const province = f.t('defaults.province', { place });
  return {
    setup: {
      issuer: committeeHeader(f),
      number: { number: null, symbol: 'QĐ-UBND' },
      placeDate: { place, date: null },
      showPlaceDate: true,
      recipients: ['Như Điều 3', f.t('defaults.recipientsArchive')],
    },
    subject: f.t('defaults.subject', { province, year: f.detail.round.year, round: f.detail.round.name }),
    authority: f.t('defaults.authority', { place: province.toLocaleUpperCase('vi') }),
    legalBases: [f.t('defaults.basisLocalGov'), legalBasisCitation(f)],
    proposal: f.t('defaults.proposal', { council: f.council.name }),
    provinceName: province,
    year: f.detail.round.year,
    legalBasis: f.legalBasis,
    presentingUnit: f.t('defaults.presentingUnit'),
    executors: [f.t('defaults.executorOffice'), f.t('defaults.executorDept'), f.t('defaults.executorProducers')],
    products: decisionProducts(f).map((p) => ({
      product: productOf(p),
      mean: p.mean ? { sumCenti: p.mean.sumCenti, count: p.mean.count } : null,
      star: p.finalStar as 3 | 4,
    })),
    showScores: true,
    signer: { authority: f.t('defaults.decisionAuthority'), title: f.t('defaults.decisionTitle'), name: '' },
    draft: true,
    ...(f.integrity ? { integrity: f.integrity } : {}),
  };
}

/** The certificate of one recognised product (3★–5★) of the session. */
export function certificateFromSession(f: SessionFacts, registrationId: number): CertificateData {
  const p = f.results.products.find((x) => x.registrationId === registrationId);
  if (!p)
    throw new CoreError(
      'NOT_FOUND',
      `registrationId: product registration ${registrationId} is not on the agenda of session ${f.results.session.id}`,
    );
  const star = p.finalStar;
  if (p.status !== 'complete' || !p.recognised || (star !== 3 && star !== 4 && star !== 5)) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `registrationId: ${p.productCode} ${p.productName} has no recognised star (3★ to 5★) in session ${f.results.session.id}; a certificate is printed only for recognised products`,
    );
  }
  const place = f.council.placeName || '…';
  return {
    issuer: committeeHeader(f),
    certificateNo: '',
    product: productOf(p),
    star,
    legalBasis: f.legalBasis,
    decisionCitation: f.t('defaults.decisionCitation', { province: f.t('defaults.province', { place }) }),
    issuedOn: f.detail.session.date,
    placeDate: { place, date: null },
    signer: { authority: f.t('defaults.certificateAuthority'), title: f.t('defaults.certificateTitle'), name: '' },
    ...(f.integrity ? { integrity: f.integrity } : {}),
  };
}
