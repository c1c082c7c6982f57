import type { backupChannels } from '../../../shared/api/channels/backup';
import { read, task, type AreaHandlers } from '../handlers';
import { createBackup, listBackups } from './backup-service';

export const backupHandlers: AreaHandlers<typeof backupChannels> = {
  'backup:create': task(createBackup),
  'backup:list': read(listBackups),
};
