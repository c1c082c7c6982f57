/**
 * Dự thảo Quyết định công nhận and Giấy chứng nhận of a session's recognised products. The
 * Ủy ban's header, number, signer and citation are unknown to the council: they are printed as a
 * draft (blank number, dotted date) with the usual wording, for the office to complete.
 */
import type { ProductResult } from '../../../../shared/api/channels/results';
import { CoreError } from '../../errors';
import type { CertificateData, DecisionData, IssuerHeader } from '../types';
import { productOf } from './rows';
import { formatDocNumber } from '../../../../shared/ocop/document-number';
import { longDate } from '../layout/format';
import { defaultSigner, type DocumentFacts } from './document-facts';

/** Recognised at the province (3★, 4★): what a provincial decision lists. */
export const decisionProducts = (f: DocumentFacts): ProductResult[] =>
  f.results.products.filter((p) => p.status === 'complete' && p.recognised && (p.finalStar === 3 || p.finalStar === 4));

/** "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP" from the council's place name. */
function committeeHeader(f: DocumentFacts): IssuerHeader {
  const place = f.council.placeName || f.detail.council.placeName;
  return { parentLines: [], bodyLines: [f.t('defaults.ubnd'), f.t('defaults.province', { place }).toLocaleUpperCase('vi')] };
}

/** The minutes the decision rests on (number, symbol and date as the office set them). */
export interface MinutesRef {
  number: number | null;
  symbol: string;
  date: string | null;
}

/**
 * "mùa 'Đợt 1 năm 2026'" → "đợt 1": the subject already names the year, so the round's own name
 * loses it (the "…năm 2026 (Đợt 1 năm 2026)"); lower-case inside a sentence.
 */
export function roundLabel(name: string, year: number): string {
  const bare = name
    .replace(new RegExp(`\\s*(năm\\s+)?${year}\\s*`, 'u'), ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[,;–-]+$/u, '')
    .trim();
  return bare ? bare.charAt(0).toLocaleLowerCase('vi') + bare.slice(1) : '';
}

/**
 * "Căn cứ" lines of the decision (NĐ 30, Mẫu 1.2; DOCUMENTS.md §3.6): the law on local government
 * with its date (the 2025 law from 1/7/2025), the criteria decision the round is judged under,
 * the decision that set up the council, and the council's minutes with number and date.
 */
export function decisionBases(f: DocumentFacts, minutes: MinutesRef | undefined): string[] {
  const t = f.t;
  const province = t('defaults.province', { place: f.council.placeName || '…' });
  const law = f.detail.session.date >= '2025-07-01' ? t('defaults.basisLocalGov2025') : t('defaults.basisLocalGov2015');
  const council = f.council.decisionNo
    ? t('defaults.basisCouncil', {
        number: f.council.decisionNo,
        date: longDate(t, f.council.decisionDate),
        province,
        council: f.council.name,
      })
    : t('defaults.basisCouncilBlank', { province, council: f.council.name, date: longDate(t, null) });
  const minutesLine = t('defaults.basisMinutes', {
    number: formatDocNumber(minutes?.number ?? null, minutes?.symbol || 'BB'),
    date: longDate(t, minutes?.date ?? null),
    council: f.council.name,
  });
  return [law, t(`defaults.basisCriteria.${basisKey(f.legalBasis)}`), council, minutesLine];
}

const basisKey = (id: DocumentFacts['legalBasis']): 'qd26' | 'qd148' | 'qd1048' =>
  id === '26/2026/QĐ-TTg' ? 'qd26' : id === '148/QĐ-TTg' ? 'qd148' : 'qd1048';

export function decisionFromSession(f: DocumentFacts, minutes?: MinutesRef): DecisionData {
  const place = f.council.placeName || '…';
  const province = f.t('defaults.province', { place });
  const round = roundLabel(f.detail.round.name, f.detail.round.year);
  return {
    setup: {
      issuer: committeeHeader(f),
      number: { number: null, symbol: 'QĐ-UBND' },
      placeDate: { place, date: null },
      showPlaceDate: true,
      recipients: ['Như Điều 3', f.t('defaults.recipientsArchive')],
    },
    subject: round
      ? f.t('defaults.subject', { province, year: f.detail.round.year, round })
      : f.t('defaults.subjectNoRound', { province, year: f.detail.round.year }),
    authority: f.t('defaults.authority', { place: province.toLocaleUpperCase('vi') }),
    legalBases: decisionBases(f, minutes),
    proposal: f.t('defaults.proposal', { council: f.council.name }),
    provinceName: province,
    year: f.detail.round.year,
    legalBasis: f.legalBasis,
    presentingUnit: f.t('defaults.presentingUnit'),
    executors: [
      f.t('defaults.executorOffice'),
      f.t('defaults.executorDept'),
      f.t('defaults.executorOthers'),
      f.t('defaults.executorProducers'),
    ],
    products: decisionProducts(f).map((p) => ({
      product: productOf(p),
      mean: p.mean ? { sumCenti: p.mean.sumCenti, count: p.mean.count } : null,
      star: p.finalStar as 3 | 4,
    })),
    showScores: true,
    signer: defaultSigner(f, 'decision:main'),
    draft: true,
    ...(f.integrity ? { integrity: f.integrity } : {}),
  };
}

/** The council's certificate signer if it set one, else the decision's (the same authority signs both). */
export const certificateFromSessionSigner = (f: DocumentFacts) =>
  defaultSigner(f, f.signers.get('certificate:main')?.custom ? 'certificate:main' : 'decision:main');

/** The certificate of one recognised product (3★–5★) of the session. */
export function certificateFromSession(f: DocumentFacts, registrationId: number): CertificateData {
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
    // From the recorded decision (applyToCertificate); unknown to the council's own data.
    issuedOn: null,
    placeDate: { place, date: null },
    signer: certificateFromSessionSigner(f),
    draft: f.integrity === undefined,
    ...(f.integrity ? { integrity: f.integrity } : {}),
  };
}
