import type { SheetContext } from '../../../shared/api/channels/scoring';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { criteriaSetOf } from './criteria-cache';
import { getSheet } from './sheet-repo';

/**
 * What a member reads beside the criteria while scoring: the pinned criteria set, the dossier
 * summary, the producer's self-assessment, the commune's report and the evidence files. Read
 * only, from the dossiers tables by name.
 */
export async function sheetContext(ctx: CoreContext, input: ChannelParsedInput<'scoring:context'>): Promise<SheetContext> {
  const { db } = ctx;
  const { sheetId } = input;
  const sheet = await getSheet(db, sheetId);
  const set = await criteriaSetOf(db, sheet.criteriaSetVersionId);
  const r = await db
    .selectFrom('registration as r')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .select([
      'r.id',
      'r.registration_no',
      'r.kind',
      'r.current_stars',
      'p.name as product_name',
      'p.product_code',
      'p.specification',
      'p.packaging',
      'pr.name as producer_name',
      'pr.kind as producer_kind',
      'pr.address',
      'pr.commune_name',
      'pr.province_name',
      'pr.phone',
    ])
    .where('r.id', '=', sheet.registrationId)
    .executeTakeFirst();
  if (!r) throw notFound('Registration', sheet.registrationId);
  const selfAssessment = await db
    .selectFrom('self_assessment_answer')
    .select(['criterion_code', 'level_index', 'points', 'evidence_note'])
    .where('registration_id', '=', sheet.registrationId)
    .execute();
  const report = await db
    .selectFrom('commune_report')
    .selectAll()
    .where('registration_id', '=', sheet.registrationId)
    .executeTakeFirst();
  const attachments = await db
    .selectFrom('attachment')
    .select(['id', 'criterion_code', 'original_name', 'mime', 'size', 'note'])
    .where('registration_id', '=', sheet.registrationId)
    .orderBy('id')
    .execute();
  return {
    sheetId,
    criteriaSetVersionId: sheet.criteriaSetVersionId,
    criteriaSet: set,
    dossier: {
      registrationId: r.id,
      registrationNo: r.registration_no,
      registrationKind: r.kind,
      currentStars: r.current_stars,
      productName: r.product_name,
      productCode: r.product_code,
      specification: r.specification,
      packaging: r.packaging,
      producerName: r.producer_name,
      producerKind: r.producer_kind,
      address: r.address,
      communeName: r.commune_name,
      provinceName: r.province_name,
      phone: r.phone,
    },
    selfAssessment: selfAssessment.map((a) => ({
      criterionCode: a.criterion_code,
      levelIndex: a.level_index,
      points: a.points,
      evidenceNote: a.evidence_note,
    })),
    communeReport: report
      ? {
          reportNo: report.report_no,
          reportDate: report.report_date,
          localMaterials: report.local_materials,
          localLabour: report.local_labour,
          ideaOrigin: report.idea_origin,
          localIdentity: report.local_identity,
          recommendation: report.recommendation,
          proposal: report.proposal,
        }
      : null,
    attachments: attachments.map((a) => ({
      id: a.id,
      criterionCode: a.criterion_code,
      originalName: a.original_name,
      mime: a.mime,
      size: a.size,
      note: a.note,
    })),
  };
}
