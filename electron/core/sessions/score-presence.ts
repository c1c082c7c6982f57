import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Whether members have already scored in a session. The scoring area owns `score_sheet`
 * (migration 0005); this module only reads it, by name, so councils can refuse changes that
 * would orphan a sheet (removing a scored product, recusing a member who already scored it)
 * without depending on scoring's code. Before 0005 exists there are no sheets.
 */
async function scoreSheetTableExists(db: Kysely<DB>): Promise<boolean> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'score_sheet'`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

export interface ScoreFilter {
  sessionId: number;
  registrationId?: number;
  memberId?: number;
}

/** Number of live (not superseded) sheets matching the filter. */
export async function countScoreSheets(db: Kysely<DB>, f: ScoreFilter): Promise<number> {
  if (!(await scoreSheetTableExists(db))) return 0;
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM score_sheet
    WHERE session_id = ${f.sessionId}
      AND (${f.registrationId ?? null} IS NULL OR registration_id = ${f.registrationId ?? null})
      AND (${f.memberId ?? null} IS NULL OR member_id = ${f.memberId ?? null})
      AND status <> 'superseded'`.execute(db);
  return r.rows[0]?.n ?? 0;
}
