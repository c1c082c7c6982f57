import path from 'node:path';
import type { BackupFile, RestorePreview, RestoreReport } from '../../../shared/api/channels/backup';
import { invoke } from '../../core/api';
import { dataPaths } from '../../core/app/paths';
import { importArchive } from '../../core/backup/archive';
import { checkBackupFile, copyFilesAside, replaceDatabaseFile } from '../../core/backup/restore';
import { CoreError } from '../../core/errors';
import type { CliCommand } from '../command';
import { unwrap } from '../unwrap';
import { count } from '../../../shared/text/plural';

const head = (h: { seq: number; hash: string } | null) => (h ? `event ${h.seq} ${h.hash.slice(0, 16)}…` : 'empty log');

/** `restore --preview` in words: how the histories relate, then the totals and the sessions that differ. */
function previewText(p: RestorePreview): string {
  const relation = {
    same: 'The backup is identical to the current data.',
    older: `The backup is older: ${count(p.eventsLost, 'later event')} would be removed (kept in the before-restore backup).`,
    newer: `The backup is newer: ${count(p.eventsGained, 'event')} would be added.`,
    diverged: `The histories part after event ${p.commonSeq}: ${count(p.eventsLost, 'current event')} removed, ${p.eventsGained} of the backup added.`,
  }[p.relation];
  const row = (k: keyof RestorePreview['current']['totals']) =>
    `  ${k.padEnd(18)} ${String(p.current.totals[k]).padStart(6)} -> ${p.backup.totals[k]}`;
  const state = (s: RestorePreview['sessions'][number]['current']) =>
    s ? `${s.status}, ${s.submittedSheets} submitted` : 'absent';
  return [
    `${p.file}: ${relation}`,
    '  (current -> after the restore)',
    ...(['rounds', 'sessions', 'dossiers', 'submittedSheets', 'finalizedSessions'] as const).map(row),
    ...p.sessions.map((s) => `  session ${s.sessionId} (${s.date} ${s.title}): ${state(s.current)} -> ${state(s.backup)}`),
  ].join('\n');
}

export const backupCommands: CliCommand[] = [
  {
    name: 'backup',
    usage: 'backup [--out FILE] [--note TEXT] [--data-dir DIR] [--json]',
    summary:
      'Back the database up (consistent while the app runs, integrity-checked, with a manifest: versions, audit head, counts, SHA-256): into the backups folder, or to FILE (a USB stick)',
    options: { out: { type: 'string' }, note: { type: 'string' } },
    run: async (r) => {
      const core = await r.core();
      const out = typeof r.values.out === 'string' ? r.values.out : null;
      if (out !== null) {
        const v = unwrap(await invoke(core.ctx, 'backup:saveCopy', { to: path.resolve(out) }));
        r.io.result(v, (x: typeof v) => `Backup written to ${x.file}\nManifest: ${x.manifestFile}\nSHA-256: ${x.sha256}`);
        return 0;
      }
      const note = typeof r.values.note === 'string' ? r.values.note : undefined;
      const b = unwrap(await invoke(core.ctx, 'backup:create', note ? { note } : {}));
      r.io.result(b, (x: BackupFile) => `Backup written to ${x.path} (integrity ok, ${head(x.manifest?.auditHead ?? null)})`);
      return 0;
    },
  },
  {
    name: 'backup list',
    usage: 'backup list [--data-dir DIR] [--json]',
    summary: 'The backups of the data folder, newest first, with their kind and audit head',
    run: async (r) => {
      const core = await r.core();
      const list = unwrap(await invoke(core.ctx, 'backup:list', {}));
      r.io.result(list, (xs: BackupFile[]) =>
        xs.length === 0
          ? 'No backups yet.'
          : xs.map((b) => `${b.createdAt}  ${b.kind.padEnd(9)}  ${b.name}  (${head(b.manifest?.auditHead ?? null)})`).join('\n'),
      );
      return 0;
    },
  },
  {
    name: 'restore',
    usage: 'restore FILE [--preview] [--data-dir DIR] [--json]',
    summary:
      'Replace the database with a backup: check it (integrity, version, its own audit chain, its manifest), save the current database first, replace the file and its -wal/-shm, reopen, verify, report. --preview: only say what it would change',
    options: { preview: { type: 'boolean' } },
    run: async (r) => {
      const file = r.positionals[0];
      if (!file) {
        r.io.error('restore: give the backup file, e.g. restore backups/manual-2026-06-01.sqlite');
        return 2;
      }
      const source = path.resolve(file);
      if (r.values.preview === true) {
        const core = await r.core();
        const p = unwrap(await invoke(core.ctx, 'backup:preview', { path: source }));
        r.io.result(p, (x: RestorePreview) => previewText(x));
        return 0;
      }
      let core;
      try {
        core = await r.core();
      } catch (e) {
        // The current database cannot even be opened (damaged, foreign, from a newer version):
        // keep its files aside as they are, then put the checked backup in place.
        if (!(e instanceof CoreError) || !['IO', 'DB_NEWER_VERSION', 'INTERNAL'].includes(e.code)) throw e;
        const paths = dataPaths(r.dataDir);
        const checked = checkBackupFile(source);
        const aside = copyFilesAside(paths, new Date());
        replaceDatabaseFile(paths, source, checked.sha256);
        r.io.info(`The current database could not be opened ([${e.code}] ${e.message}); its files were kept in ${aside}.`);
        core = await r.core();
      }
      const report = unwrap(await invoke(core.ctx, 'backup:restore', { path: source }));
      r.io.result(report, (x: RestoreReport) =>
        [
          `Restored ${x.restored.file} (${head(x.restored.auditHead)}, schema ${x.restored.schemaVersion}).`,
          `The database it replaced was saved as ${x.previousSavedAs}.`,
          ...(x.migrated.length > 0 ? [`Brought up to date: ${x.migrated.join(', ')}.`] : []),
          x.verify.ok
            ? `audit verify: the restored database matches its history (${count(x.verify.audit.count, 'event')}).`
            : `audit verify: ${count(x.verify.differenceCount, 'difference')}; first: ${x.verify.differences[0]?.table} ${x.verify.differences[0]?.key} (run audit verify).`,
        ].join('\n'),
      );
      return report.verify.ok ? 0 : 1;
    },
  },
  {
    name: 'archive export',
    usage: 'archive export --out FILE.tar [--data-dir DIR] [--json]',
    summary:
      'One file with the whole data (database, evidence, issued documents, manifest with SHA-256) to move to another computer or keep',
    options: { out: { type: 'string' } },
    run: async (r) => {
      const out = r.values.out;
      if (typeof out !== 'string' || out === '') {
        r.io.error('archive export: --out FILE.tar is required');
        return 2;
      }
      const core = await r.core();
      const v = unwrap(await invoke(core.ctx, 'archive:export', { out: path.resolve(out) }));
      r.io.result(
        v,
        (x: typeof v) => `Archive written to ${x.file}: ${count(x.files, 'file')}, ${x.sizeBytes} bytes, SHA-256 ${x.sha256}`,
      );
      return 0;
    },
  },
  {
    name: 'archive import',
    usage: 'archive import FILE.tar --data-dir NEW_EMPTY_DIR [--json]',
    summary: 'Unpack an archive into an empty data folder, all or nothing: every file checked against its SHA-256 first',
    run: async (r) => {
      const file = r.positionals[0];
      if (!file) {
        r.io.error('archive import: give the archive file, e.g. archive import hoi-dong-2026.tar --data-dir D:\\OCOP');
        return 2;
      }
      const v = importArchive(path.resolve(file), r.dataDir);
      const core = await r.core();
      const verify = unwrap(await invoke(core.ctx, 'integrity:verify', {}));
      const result = {
        ...v,
        verify: { ok: verify.ok, differenceCount: verify.differenceCount, first: verify.differences[0] ?? null },
      };
      r.io.result(result, (x: typeof result) =>
        [
          `Imported ${count(x.files, 'file')} into ${x.dataDir} (${head(x.auditHead)}).`,
          x.verify.ok
            ? 'audit verify: the data matches its history.'
            : `audit verify: ${count(x.verify.differenceCount, 'difference')} (run audit verify).`,
        ].join('\n'),
      );
      return verify.ok ? 0 : 1;
    },
  },
];
