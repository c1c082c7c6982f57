import type { DemoResult } from '../../../shared/api/channels/demo';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { runWrite, type Call } from '../handlers';
import { demoRun, type Invoke } from './call';
import { councilsDemo } from './councils-demo';
import { dossiersDemo } from './dossiers-demo';
import { seededRng } from './random';
import { scoringDemo } from './scoring-demo';
import { sessionsDemo } from './sessions-demo';
import { firstNonEmptyTable, markTraining, trainingStatus } from './training-repo';

/**
 * Builds the training dataset ("dữ liệu tập huấn") of a fictional province, area by area, through
 * the public channels (`invoke`, passed in: see call.ts). The same seed gives the same data. Each
 * area adds its part as one function here.
 */
export async function createDemo(call: Call, input: ChannelParsedInput<'demo:create'>, invoke: Invoke): Promise<DemoResult> {
  const { seed } = input;
  const table = await firstNonEmptyTable(call.ctx.db);
  if (table) {
    throw new CoreError(
      'CONFLICT',
      `The database already holds data (table ${table} is not empty); the training dataset only goes into an empty database. Use a new data folder (--data-dir).`,
      { table },
    );
  }
  const demo = demoRun(call.ctx, invoke);
  const dossiers = await dossiersDemo(demo, seededRng(seed));
  const councils = await councilsDemo(demo, seededRng(seed + 1));
  const sessions = await sessionsDemo(demo, seededRng(seed + 2), councils, dossiers);
  await scoringDemo(demo, seededRng(seed + 3), sessions);
  await runWrite(call, (w) => markTraining(w.trx, seed));
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

/** demo:status */
export const demoStatus = (ctx: CoreContext) => trainingStatus(ctx.db);
