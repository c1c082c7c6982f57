import type { Kysely } from 'kysely';
import type { CommuneReport, CommuneReportData } from '../../../shared/api/channels/dossiers-fields';
import type { DB } from '../db/schema';

export async function getCommuneReport(db: Kysely<DB>, registrationId: number): Promise<CommuneReport | null> {
  const r = await db.selectFrom('commune_report').selectAll().where('registration_id', '=', registrationId).executeTakeFirst();
  if (!r) return null;
  return {
    registrationId: r.registration_id,
    reportNo: r.report_no,
    reportDate: r.report_date,
    localMaterials: r.local_materials,
    localLabour: r.local_labour,
    ideaOrigin: r.idea_origin,
    localIdentity: r.local_identity,
    recommendation: r.recommendation as CommuneReport['recommendation'],
    proposal: r.proposal,
    signerName: r.signer_name,
    signerPosition: r.signer_position,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export async function upsertCommuneReport(db: Kysely<DB>, d: CommuneReportData, at: string, by: string): Promise<void> {
  const values = {
    report_no: d.reportNo,
    report_date: d.reportDate,
    local_materials: d.localMaterials,
    local_labour: d.localLabour,
    idea_origin: d.ideaOrigin,
    local_identity: d.localIdentity,
    recommendation: d.recommendation,
    proposal: d.proposal,
    signer_name: d.signerName,
    signer_position: d.signerPosition,
    updated_at: at,
    updated_by: by,
  };
  await db
    .insertInto('commune_report')
    .values({ registration_id: d.registrationId, ...values })
    .onConflict((oc) => oc.column('registration_id').doUpdateSet(values))
    .execute();
}
