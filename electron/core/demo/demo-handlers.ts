import { demoChannels } from '../../../shared/api/channels/demo';
import type { AreaHandlers } from '../handlers';
import { createDemo, TRAINING_META_KEY } from './create-demo';

export const demoHandlers: AreaHandlers<typeof demoChannels> = {
  'demo:create': (input, ctx) => createDemo(ctx, input.seed),
  'demo:status': async (_input, ctx) => {
    const row = await ctx.db.selectFrom('app_meta').select('value').where('key', '=', TRAINING_META_KEY).executeTakeFirst();
    if (!row) return { training: false, seed: null };
    const seed = (JSON.parse(row.value) as { seed?: unknown }).seed;
    return { training: true, seed: typeof seed === 'number' ? seed : null };
  },
};
