import type { Shape } from '../shape';
import type vi from '../vi/backup';

export default {
  title: 'Backup, restore and verify',
  intro:
    'A backup is a complete snapshot of the database, checked for integrity when it is made, with a manifest beside it (versions, counts, SHA-256, the audit-log head). The app backs up by itself every day it is used and before every upgrade, import, finalization and restore. Save an extra copy to a USB stick after each session.',
  note: 'Note for the backup (optional)',
  notePlaceholder: 'For example: Before session, round 1',
  create: 'Back up now',
  created: 'Backup {{name}} created and checked: intact.',
  saveCopy: 'Save a copy to…',
  saveCopyHelp: 'Makes a new backup and saves it where you choose (a USB stick, another disk), with its manifest.',
  download: 'Download',
  savedTo: 'Copy saved to {{path}}.',
  folder: 'Backups folder',
  list: 'Backups',
  empty: 'No backups yet.',
  name: 'File name',
  size: 'Size',
  createdAt: 'Made at',
  kind: 'Kind',
  auditHead: 'Log up to',
  auditHeadValue: 'event {{seq}}',
  actions: 'Actions',
  kinds: {
    manual: 'Made by a user',
    daily: 'Automatic, daily',
    migration: 'Before an upgrade',
    import: 'Before an import',
    finalize: 'Before finalizing',
    restore: 'Before a restore',
    other: 'Other',
  },
  retention:
    'Kept: the 14 newest daily backups and the first of each month for 12 months; the 10 newest before imports and before restores; backups made by a user, before upgrades and before finalizing are kept for good.',
  restore: 'Restore',
  restoreFromFile: 'Restore from a file…',
  restoreTitle: 'Restore backup {{name}}?',
  restoreSteps:
    'The app will: check the backup (integrity, version, audit chain), save the current database as a “Before a restore” backup, put the chosen one in its place, reopen it and verify all the data. Changes made after the backup was taken will no longer be in the working data (they stay in the “Before a restore” backup).',
  restoreConfirm: 'Restore',
  cancel: 'Cancel',
  restored: 'Restored {{name}}. The previous database was saved as {{saved}}.',
  verify: 'Verify the data',
  verifyHelp:
    'Compares all the data with the audit log: the hash chain, every scoring answer, every total, the dossiers, attendance, recusals, session status and finalized results. Data changed outside the app is found.',
  verifyNow: 'Verify now',
  verifyOk: 'The data matches the audit log: {{events}} events, {{rows}} items compared.',
  verifyBad: 'The data does NOT match the audit log: {{count}} difference(s). The first:',
  verifyTable: 'Table',
  verifyKey: 'Row',
  verifyExpected: 'Should be',
  verifyFound: 'Found',
  verifyWhat:
    'The data may have been changed outside the app. Change nothing more; keep the computer as it is, tell the provincial OCOP office and compare with an older backup (command line: audit verify --against <backup file>).',
  archive: 'Whole archive',
  archiveHelp:
    'One .tar file with the database, every evidence file and issued document, and each file’s SHA-256: to move to another computer or keep for the records. Import it into an empty data folder from the command line: archive import.',
  archiveExport: 'Export the archive…',
  archiveSaved: 'Archive {{path}} exported ({{files}} files).',
  dialogs: { saveCopy: 'Save a copy of the backup', restore: 'Choose a backup to restore', archive: 'Export the whole archive' },
  guideHint: 'Details: Guide → Backup and restore.',
} satisfies Shape<typeof vi>;
