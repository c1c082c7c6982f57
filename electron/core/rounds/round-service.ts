import type { Kysely } from 'kysely';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { RoundDetail } from '../../../shared/api/channels/rounds';
import { getLegalBasis } from '../../../shared/ocop/legal-basis';
import { appendAudit } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { actorOf, type CallMeta } from '../handlers';
import { roundDetail } from './round-repo';

interface RoundDates {
  startDate: string | null;
  endDate: string | null;
  deadlineDate: string | null;
}

/** Dates must come in order: start ≤ proposals deadline ≤ end of the round. */
function assertDateOrder(d: RoundDates): void {
  if (d.startDate && d.endDate && d.startDate > d.endDate) {
    throw new CoreError('VALIDATION', `startDate ${d.startDate} is after endDate ${d.endDate}; a round ends after it starts`, {
      field: 'startDate',
    });
  }
  if (d.deadlineDate && d.endDate && d.deadlineDate > d.endDate) {
    throw new CoreError(
      'VALIDATION',
      `deadlineDate ${d.deadlineDate} (last day for proposals) is after endDate ${d.endDate}; proposals must arrive before the round ends`,
      { field: 'deadlineDate' },
    );
  }
}

function assertBasisFitsYear(legalBasis: Parameters<typeof getLegalBasis>[0], year: number): void {
  const signedYear = Number(getLegalBasis(legalBasis).signed.slice(0, 4));
  if (year < signedYear) {
    throw new CoreError(
      'VALIDATION',
      `${legalBasis} was signed on ${getLegalBasis(legalBasis).signed}; a round of ${year} cannot be judged under it. Choose the legal basis in force that year.`,
      { field: 'legalBasis' },
    );
  }
}

async function registrationCount(db: Kysely<DB>, roundId: number): Promise<number> {
  const r = await db
    .selectFrom('registration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function updateRound(
  ctx: CoreContext,
  meta: CallMeta,
  input: ChannelParsedInput<'rounds:update'>,
): Promise<RoundDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await trx.selectFrom('evaluation_round').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound('Evaluation round', input.id);
    const before = (await roundDetail(trx, row.id)).round;
    if (input.legalBasis !== undefined && input.legalBasis !== before.legalBasis) {
      const n = await registrationCount(trx, row.id);
      if (n > 0) {
        throw new CoreError(
          'IMMUTABLE',
          `Round "${row.name}" already holds ${n} registration(s) judged under ${before.legalBasis}; its legal basis cannot change. Create a new round instead.`,
          { field: 'legalBasis' },
        );
      }
      assertBasisFitsYear(input.legalBasis, row.year);
    }
    const dates: RoundDates = {
      startDate: input.startDate === undefined ? row.start_date : input.startDate,
      endDate: input.endDate === undefined ? row.end_date : input.endDate,
      deadlineDate: input.deadlineDate === undefined ? row.deadline_date : input.deadlineDate,
    };
    assertDateOrder(dates);
    await trx
      .updateTable('evaluation_round')
      .set({
        name: input.name ?? row.name,
        legal_basis: input.legalBasis ?? row.legal_basis,
        start_date: dates.startDate,
        end_date: dates.endDate,
        deadline_date: dates.deadlineDate,
      })
      .where('id', '=', row.id)
      .execute();
    const detail = await roundDetail(trx, row.id);
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'round.update',
      entity: 'evaluation_round',
      entityId: row.id,
      before,
      after: detail.round,
    });
    return detail;
  });
}
