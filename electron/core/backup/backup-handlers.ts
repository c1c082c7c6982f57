import type { backupChannels } from '../../../shared/api/channels/backup';
import { actorOf, type AreaHandlers } from '../handlers';
import { createBackup, listBackups } from './backup-service';

export const backupHandlers: AreaHandlers<typeof backupChannels> = {
  'backup:create': (input, ctx, meta) => createBackup(ctx, input.note, actorOf(ctx, meta)),
  'backup:list': (_input, ctx) => listBackups(ctx),
};
