import type { EvaluationRound } from '../../../shared/api/channels/dossiers-fields';
import type { RoundDetail } from '../../../shared/api/channels/rounds';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import { getLegalBasis, type LegalBasisId } from '../../../shared/ocop/legal-basis';
import { fieldError } from '../dossiers/dossier-common';
import { CoreError, notFound } from '../errors';
import type { Write } from '../handlers';
import { findRoundId, getRound, insertRound, roundDetail, updateRoundRow, type RoundValues } from './round-repo';

type RoundDates = Pick<RoundValues, 'startDate' | 'endDate' | 'deadlineDate'>;

/**
 * The one date-order rule of a round, for creating and editing alike: start ≤ end, and the
 * proposals deadline ≤ end. A VALIDATION error naming the field to fix.
 */
export function checkRoundDates(d: RoundDates): void {
  if (d.startDate && d.endDate && d.startDate > d.endDate)
    throw fieldError('endDate', `the round ends (${d.endDate}) before it starts (${d.startDate}); a round ends after it starts`);
  if (d.deadlineDate && d.endDate && d.deadlineDate > d.endDate)
    throw fieldError(
      'deadlineDate',
      `the deadline for proposals (${d.deadlineDate}) is after the end of the round (${d.endDate}); proposals must arrive before the round ends`,
    );
}

/** A decision cannot govern a round of a year before it was signed. */
function checkBasisFitsYear(legalBasis: LegalBasisId, year: number): void {
  const signed = getLegalBasis(legalBasis).signed;
  if (year < Number(signed.slice(0, 4)))
    throw fieldError(
      'legalBasis',
      `${legalBasis} was signed on ${signed}; a round of ${year} cannot be judged under it. Choose the legal basis in force that year.`,
    );
}

export async function createRound(w: Write, input: ChannelParsedInput<'rounds:create'>): Promise<EvaluationRound> {
  checkRoundDates(input);
  const existing = await findRoundId(w.trx, input.year, input.number);
  if (existing !== undefined)
    throw new CoreError('CONFLICT', `number: round ${input.number}/${input.year} already exists (#${existing})`, {
      field: 'number',
      existingId: existing,
    });
  const id = await insertRound(w.trx, input, w.at.toISOString());
  const after = (await getRound(w.trx, id))!;
  await w.audit({ action: 'rounds.create', entity: 'evaluation_round', entityId: id, after });
  return after;
}

export async function updateRound(w: Write, input: ChannelParsedInput<'rounds:update'>): Promise<RoundDetail> {
  const before = await getRound(w.trx, input.id);
  if (!before) throw notFound('Evaluation round', input.id);
  if (input.legalBasis !== undefined && input.legalBasis !== before.legalBasis) {
    if (before.registrationCount > 0)
      throw new CoreError(
        'IMMUTABLE',
        `Round "${before.name}" already holds ${before.registrationCount} registration(s) judged under ${before.legalBasis}; its legal basis cannot change. Create a new round instead.`,
        { field: 'legalBasis' },
      );
    checkBasisFitsYear(input.legalBasis, before.year);
  }
  const next = {
    name: input.name ?? before.name,
    legalBasis: input.legalBasis ?? before.legalBasis,
    startDate: input.startDate === undefined ? before.startDate : input.startDate,
    endDate: input.endDate === undefined ? before.endDate : input.endDate,
    deadlineDate: input.deadlineDate === undefined ? before.deadlineDate : input.deadlineDate,
  };
  checkRoundDates(next);
  await updateRoundRow(w.trx, before.id, next);
  const detail = await roundDetail(w.trx, before.id);
  await w.audit({ action: 'round.update', entity: 'evaluation_round', entityId: before.id, before, after: detail.round });
  return detail;
}
