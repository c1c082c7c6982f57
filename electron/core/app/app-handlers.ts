import { appChannels } from '../../../shared/api/channels/app';
import { auditTail, verifyAudit } from '../audit/audit-repo';
import { currentSchemaVersion } from '../context';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { read, task, type AreaHandlers } from '../handlers';
import { readSettings } from '../settings/settings-repo';
import { saveSettings } from '../settings/settings-service';
import { APP_NAME, APP_VERSION } from './version';

export const appHandlers: AreaHandlers<typeof appChannels> = {
  'app:info': read((ctx) => ({
    name: APP_NAME,
    version: APP_VERSION,
    dataDir: ctx.paths.dataDir,
    databasePath: ctx.paths.databasePath,
    schemaVersion: currentSchemaVersion(ctx),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    nodeVersion: process.versions.node,
    host: ctx.host,
    readOnly: ctx.readOnly ?? null,
  })),
  'app:ping': read((ctx, input) => ({ echo: input.echo, at: ctx.now().toISOString() })),
  'settings:get': read((ctx) => readSettings(ctx.db)),
  // A task: the new operator name becomes the default actor only after the change commits.
  'settings:set': task((call, input) => saveSettings(call, input)),
  'audit:tail': read((ctx, input) => auditTail(ctx.db, input.limit)),
  'audit:verify': read((ctx) => verifyAudit(ctx.db)),
};
