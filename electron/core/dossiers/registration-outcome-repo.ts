import type { Kysely } from 'kysely';
import type { RegistrationOutcome } from '../../../shared/api/channels/dossiers-fields';
import type { DB } from '../db/schema';

/** Reading a registration's outcome columns (migration 0013; written by registration-outcome.ts). */

/** The session (id and number) each finalization belongs to, for links from a registration to its results. */
export async function finalizationSessions(
  db: Kysely<DB>,
  finalizationIds: readonly number[],
): Promise<Map<number, { session_id: number; session_number: number }>> {
  if (finalizationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('session_finalization as f')
    .innerJoin('session as s', 's.id', 'f.session_id')
    .select(['f.id', 'f.session_id', 's.number as session_number'])
    .where('f.id', 'in', [...new Set(finalizationIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, { session_id: r.session_id, session_number: r.session_number }]));
}

/** Outcome of each row, with its session looked up once for all rows. */
export async function outcomesOf<R extends OutcomeColumns>(
  db: Kysely<DB>,
  rows: readonly R[],
): Promise<(RegistrationOutcome | null)[]> {
  const sessions = await finalizationSessions(
    db,
    rows.map((r) => r.outcome_finalization_id).filter((id): id is number => id !== null),
  );
  return rows.map((r) =>
    outcomeOf({ ...r, ...(r.outcome_finalization_id !== null ? sessions.get(r.outcome_finalization_id) : {}) }),
  );
}

interface OutcomeColumns {
  outcome_stars: number | null;
  outcome_status: string | null;
  outcome_recognised: number | null;
  outcome_proposed_central: number | null;
  outcome_finalization_id: number | null;
  outcome_at: string | null;
}

/** The contract's view of the outcome columns (null while there is none). */
export function outcomeOf(
  r: OutcomeColumns & { session_id?: number | null; session_number?: number | null },
): RegistrationOutcome | null {
  if (r.outcome_finalization_id === null || r.outcome_at === null) return null;
  return {
    status: r.outcome_status === 'disqualified' ? 'disqualified' : 'complete',
    stars: r.outcome_stars,
    recognised: r.outcome_recognised === 1,
    proposedToCentral: r.outcome_proposed_central === 1,
    finalizationId: r.outcome_finalization_id,
    sessionId: r.session_id ?? null,
    sessionNumber: r.session_number ?? null,
    at: r.outcome_at,
  };
}
