import type { backupChannels } from '../../../shared/api/channels/backup';
import { read, task, type AreaHandlers } from '../handlers';
import { createBackup, listBackups, saveBackupCopy } from './backup-service';
import { exportArchive } from './archive';
import { previewRestore } from './preview';
import { restoreBackup } from './restore';

export const backupHandlers: AreaHandlers<typeof backupChannels> = {
  'backup:create': task(createBackup),
  'backup:list': read(listBackups),
  'backup:saveCopy': task(saveBackupCopy),
  'backup:restore': task(restoreBackup),
  'backup:preview': read(previewRestore),
  'archive:export': task(exportArchive),
};
