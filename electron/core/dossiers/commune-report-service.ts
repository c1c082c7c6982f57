import type { CommuneReport, CommuneReportData } from '../../../shared/api/channels/dossiers-fields';
import { isFrozenStatus, type RegistrationStatus } from '../../../shared/ocop/dossier-model';
import { CoreError, notFound } from '../errors';
import type { Write } from '../handlers';
import { getCommuneReport, upsertCommuneReport } from './commune-report-repo';
import { withTriggerErrors } from './dossier-common';
import { getRegistrationRecord } from './registration-repo';
import { changeRegistrationStatus } from './registration-service';

/**
 * Saves the commune's Mẫu 03 report. A dossier still at "received" moves on to
 * "commune_report": the report is what that stage waits for (Đ7.2).
 */
export async function saveCommuneReport({ trx, ctx, at, actor, audit }: Write, d: CommuneReportData): Promise<CommuneReport> {
  return withTriggerErrors(async () => {
    const r = await getRegistrationRecord(trx, d.registrationId);
    if (!r) throw notFound('registration', d.registrationId);
    if (isFrozenStatus(r.status as RegistrationStatus)) {
      throw new CoreError(
        'IMMUTABLE',
        `registration #${d.registrationId} has been evaluated; its commune report can no longer change`,
      );
    }
    const before = await getCommuneReport(trx, d.registrationId);
    await upsertCommuneReport(trx, d, at.toISOString(), actor);
    const after = (await getCommuneReport(trx, d.registrationId))!;
    await audit({ action: 'registrations.communeReport', entity: 'registration', entityId: d.registrationId, before, after });
    if (r.status === 'received')
      await changeRegistrationStatus(trx, ctx, { actor, registrationId: d.registrationId, to: 'commune_report', note: 'Mẫu 03' });
    return after;
  });
}
