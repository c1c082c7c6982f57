import type { Kysely } from 'kysely';
import type { RegistrationDetail } from '../../../shared/api/channels/dossiers-fields';
import { isFrozenStatus, nextStatuses, type RegistrationKind, type RegistrationStatus } from '../../../shared/ocop/dossier-model';
import { checkReevaluationTiming } from '../../../shared/ocop/reevaluation-window';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { notFound } from '../errors';
import { listAttachments } from './attachment-repo';
import { getCommuneReport } from './commune-report-repo';
import { setVersionRef } from './criteria-pin';
import { vnToday } from '../../../shared/ocop/vn-time';
import { getProducer } from './producer-repo';
import { getProduct } from './product-repo';
import { getRegistrationRecord, statusHistory, type RegistrationRecord } from './registration-repo';
import { getRound } from '../rounds/round-repo';
import { answerSummary } from './self-assessment-repo';
import { snapshotOf } from './display-names';
import { outcomesOf } from './registration-outcome-repo';

/**
 * Đ7.6a check for a re-evaluation, measured on the day the commune received the dossier (the
 * submission), else the day the province did, else today for a dossier not dated yet.
 */
export function reevaluationOf(
  r: Pick<RegistrationRecord, 'kind' | 'certificate_expires_on' | 'received_commune_on' | 'received_province_on'>,
  today: string,
) {
  if (r.kind !== 'reevaluation' || !r.certificate_expires_on) return null;
  const measuredOn = r.received_commune_on ?? r.received_province_on ?? today;
  const c = checkReevaluationTiming(measuredOn, r.certificate_expires_on);
  return {
    timing: c.timing,
    opensOn: c.window.opensOn,
    closesOn: c.window.closesOn,
    daysBeforeExpiry: c.daysBeforeExpiry,
    measuredOn,
  };
}

function evaluatedAs(r: RegistrationRecord): RegistrationDetail['evaluatedAs'] {
  const s = snapshotOf(r);
  return (
    s && {
      productName: s.productName,
      productCode: s.productCode,
      producerName: s.producerName,
      producerAddress: s.producerAddress,
      at: s.evaluatedAt!,
    }
  );
}

export async function registrationDetail(db: Kysely<DB>, ctx: CoreContext, id: number): Promise<RegistrationDetail> {
  const r = await getRegistrationRecord(db, id);
  if (!r) throw notFound('registration', id);
  const product = (await getProduct(db, r.product_id))!;
  const [producer, round, set, history, communeReport, attachments, summary] = await Promise.all([
    getProducer(db, product.producerId),
    getRound(db, r.round_id),
    setVersionRef(db, r.criteria_set_version_id),
    statusHistory(db, id),
    getCommuneReport(db, id),
    listAttachments(db, id),
    answerSummary(db, id),
  ]);
  const status = r.status as RegistrationStatus;
  return {
    id: r.id,
    registrationNo: r.registration_no,
    kind: r.kind as RegistrationKind,
    currentStars: r.current_stars,
    certificateNo: r.certificate_no,
    certificateIssuedOn: r.certificate_issued_on,
    certificateExpiresOn: r.certificate_expires_on,
    receivedCommuneOn: r.received_commune_on,
    receivedProvinceOn: r.received_province_on,
    receiverName: r.receiver_name,
    sampleCount: r.sample_count,
    status,
    statusAt: r.status_at,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    frozen: isFrozenStatus(status),
    nextStatuses: nextStatuses(status),
    round: round!,
    product,
    producer: producer!,
    criteriaSet: {
      id: set!.id,
      setKey: set!.setKey,
      decision: set!.decision,
      setNo: set!.setNo,
      name: set!.name,
      version: set!.version,
    },
    statusHistory: history,
    communeReport,
    attachments,
    selfAssessment: { ...summary, criteria: set!.criterionCount },
    reevaluation: reevaluationOf(r, vnToday(ctx.now())),
    evaluatedAs: evaluatedAs(r),
    outcome: (await outcomesOf(db, [r]))[0]!,
  };
}
