import { appChannels } from '../../../shared/api/channels/app';
import { appendAudit, auditTail, verifyAudit } from '../audit/audit-repo';
import { currentSchemaVersion } from '../context';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { actorOf, read, type AreaHandlers } from '../handlers';
import { operatorActor, readSettings, writeSettings } from '../settings/settings-repo';
import { APP_NAME, APP_VERSION } from './version';

export const appHandlers: AreaHandlers<typeof appChannels> = {
  'app:info': (_input, ctx) => ({
    name: APP_NAME,
    version: APP_VERSION,
    dataDir: ctx.paths.dataDir,
    databasePath: ctx.paths.databasePath,
    schemaVersion: currentSchemaVersion(ctx),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    nodeVersion: process.versions.node,
    host: ctx.host,
  }),
  'app:ping': (input, ctx) => ({ echo: input.echo, at: ctx.now().toISOString() }),
  'settings:get': (_input, ctx) => readSettings(ctx.db),
  'settings:set': async (input, ctx, meta) =>
    ctx.db
      .transaction()
      .execute(async (trx) => {
        const before = await readSettings(trx);
        await writeSettings(trx, input, ctx.now());
        const after = await readSettings(trx);
        await appendAudit(trx, ctx.now(), {
          actor: actorOf(ctx, meta),
          action: 'settings.set',
          entity: 'settings',
          before,
          after,
        });
        return after;
      })
      .then((after) => {
        // From now on, calls that do not name their actor are recorded under the new name.
        ctx.defaultActor = operatorActor(after.operatorName);
        return after;
      }),
  'audit:tail': read((ctx, input) => auditTail(ctx.db, input.limit)),
  'audit:verify': read((ctx) => verifyAudit(ctx.db)),
};
