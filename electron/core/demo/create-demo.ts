import { sql } from 'kysely';
import type { DemoResult } from '../../../shared/api/channels/demo';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { councilsDemo } from './councils-demo';
import { dossiersDemo } from './dossiers-demo';
import { seededRng } from './random';
import { scoringDemo } from './scoring-demo';
import { sessionsDemo } from './sessions-demo';

/** app_meta key recording that this database holds the training dataset (and its seed). */
export const TRAINING_META_KEY = 'training_dataset';

/** Tables that must be empty: the training dataset never mixes with real records. */
const MUST_BE_EMPTY = ['council', 'evaluation_round', 'producer'] as const;

/**
 * Builds the training dataset ("dữ liệu tập huấn") of a fictional province, area by area, through
 * the public channels. The same seed gives the same data. Each area adds its part as one
 * function here (scoring and results extend it with sheets later).
 */
export async function createDemo(ctx: CoreContext, seed: number): Promise<DemoResult> {
  for (const table of MUST_BE_EMPTY) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(ctx.db);
    if ((r.rows[0]?.n ?? 0) > 0) {
      throw new CoreError(
        'CONFLICT',
        `The database already holds data (table ${table} is not empty); the training dataset only goes into an empty database. Use a new data folder (--data-dir).`,
        { table },
      );
    }
  }
  const dossiers = await dossiersDemo(ctx, seededRng(seed));
  const councils = await councilsDemo(ctx, seededRng(seed + 1));
  const sessions = await sessionsDemo(ctx, seededRng(seed + 2), councils, dossiers);
  await scoringDemo(ctx, seededRng(seed + 3), sessions);
  await ctx.db
    .insertInto('app_meta')
    .values({ key: TRAINING_META_KEY, value: JSON.stringify({ seed }) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ seed }) }))
    .execute();
  return {
    seed,
    councilId: councils.council.council.id,
    advisoryGroupId: councils.advisoryGroup.council.id,
    roundIds: dossiers.roundIds,
    meetingSessionId: sessions.meeting.session.id,
    writtenOpinionSessionId: sessions.writtenOpinion.session.id,
    counts: {
      producers: dossiers.producerCount,
      products: dossiers.productCount,
      registrations: dossiers.registrations.length,
      criteriaSets: new Set(dossiers.registrations.map((r) => r.setKey)).size,
      councilMembers: councils.council.members.length,
    },
  };
}
