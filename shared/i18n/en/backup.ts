import type { Shape } from '../shape';
import type vi from '../vi/backup';

export default {
  title: 'Back up data',
  intro:
    'A backup is a complete snapshot of the database, checked for integrity right after it is made. Back up before and after each session, and copy the backups folder to a USB stick or another computer.',
  note: 'Note for the backup (optional)',
  notePlaceholder: 'For example: Before session, round 1',
  create: 'Back up now',
  created: 'Backup {{name}} created and checked: intact.',
  folder: 'Backups folder',
  list: 'Backups',
  empty: 'No backups yet.',
  name: 'File name',
  size: 'Size',
  createdAt: 'Made at',
  kind: 'Kind',
  kinds: { manual: 'Made by a user', migration: 'Automatic, before an upgrade', other: 'Other' },
  restoreHelp: 'To restore: close the app, copy the backup file over ocop.sqlite in the data folder, then open the app again.',
} satisfies Shape<typeof vi>;
