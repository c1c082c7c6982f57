import type { SelfAssessmentAnswer } from '../../../shared/api/channels/dossiers-fields';
import type { CriteriaSet } from '../../../shared/ocop/criteria-set';
import { findCriterion } from '../../../shared/ocop/criteria-set-walk';
import { isFrozenStatus, type RegistrationStatus } from '../../../shared/ocop/dossier-model';
import type { CoreContext } from '../context';
import { CoreError, notFound } from '../errors';
import type { Write } from '../handlers';
import { setVersionContent, setVersionRef } from './criteria-pin';
import { fieldError, withTriggerErrors } from './dossier-common';
import { getRegistrationRecord } from './registration-repo';
import { deleteAnswer, listAnswers, upsertAnswer } from './self-assessment-repo';

export interface AnswerChange {
  criterionCode: string;
  /** null clears the answer. */
  levelIndex: number | null;
  evidenceNote: string;
}

/** Checks each answer against the pinned set and returns the level's points (never the caller's). */
export function resolveAnswers(
  set: CriteriaSet,
  changes: AnswerChange[],
): { criterionCode: string; levelIndex: number | null; points: number; evidenceNote: string }[] {
  const seen = new Set<string>();
  return changes.map((c, i) => {
    if (seen.has(c.criterionCode))
      throw fieldError(`answers.${i}.criterionCode`, `criterion ${c.criterionCode} is answered twice in one save; send it once`);
    seen.add(c.criterionCode);
    const placed = findCriterion(set, c.criterionCode);
    if (!placed)
      throw fieldError(`answers.${i}.criterionCode`, `criterion ${c.criterionCode} is not in criteria set ${set.setKey}`);
    if (c.levelIndex === null) return { ...c, points: 0 };
    const level = placed.criterion.levels[c.levelIndex];
    if (!level) {
      throw fieldError(
        `answers.${i}.levelIndex`,
        `criterion ${c.criterionCode} has ${placed.criterion.levels.length} levels (0–${placed.criterion.levels.length - 1}); ${c.levelIndex} is not one of them`,
      );
    }
    return { ...c, points: level.points };
  });
}

export async function selfAssessmentOf(ctx: CoreContext, registrationId: number) {
  const r = await getRegistrationRecord(ctx.db, registrationId);
  if (!r) throw notFound('registration', registrationId);
  const ref = (await setVersionRef(ctx.db, r.criteria_set_version_id))!;
  return {
    criteriaSet: {
      id: ref.id,
      setKey: ref.setKey,
      decision: ref.decision,
      setNo: ref.setNo,
      name: ref.name,
      version: ref.version,
    },
    content: await setVersionContent(ctx.db, r.criteria_set_version_id),
    answers: await listAnswers(ctx.db, registrationId),
    frozen: isFrozenStatus(r.status as RegistrationStatus),
  };
}

/** Saves part of the Mẫu 02 self-assessment; the pinned set becomes locked (trigger in 0003). */
export async function saveSelfAssessment(
  { trx, at: now, actor, audit }: Write,
  { registrationId, answers: changes }: { registrationId: number; answers: AnswerChange[] },
): Promise<SelfAssessmentAnswer[]> {
  return withTriggerErrors(async () => {
    const r = await getRegistrationRecord(trx, registrationId);
    if (!r) throw notFound('registration', registrationId);
    if (isFrozenStatus(r.status as RegistrationStatus)) {
      throw new CoreError(
        'IMMUTABLE',
        `registration #${registrationId} has been evaluated; its self-assessment can no longer change`,
      );
    }
    const resolved = resolveAnswers(await setVersionContent(trx, r.criteria_set_version_id), changes);
    const before = await listAnswers(trx, registrationId);
    const at = now.toISOString();
    for (const a of resolved) {
      if (a.levelIndex === null) await deleteAnswer(trx, registrationId, a.criterionCode);
      else
        await upsertAnswer(
          trx,
          registrationId,
          { criterionCode: a.criterionCode, levelIndex: a.levelIndex, points: a.points, evidenceNote: a.evidenceNote },
          at,
          actor,
        );
    }
    const after = await listAnswers(trx, registrationId);
    const touched = new Set(resolved.map((a) => a.criterionCode));
    const pick = (xs: SelfAssessmentAnswer[]) =>
      xs
        .filter((x) => touched.has(x.criterionCode))
        .map(({ criterionCode, levelIndex, points, evidenceNote }) => ({ criterionCode, levelIndex, points, evidenceNote }));
    await audit({
      action: 'registrations.selfAssessment',
      entity: 'registration',
      entityId: registrationId,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}
