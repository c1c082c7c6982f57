import type { BackupKind } from './manifest';

/**
 * Which automatic backups to delete. The rule (docs/guide/backup.md):
 * - daily: the newest 14; of older ones the first of each calendar month, for 12 months;
 * - before an import or a restore: the newest 10 of each;
 * - before a finalization, before a migration, and every backup the user made: kept, always.
 * Pure: the caller lists the folder and deletes what this returns.
 */
export const RETENTION = { daily: 14, monthly: 12, import: 10, restore: 10 } as const;

export interface BackupEntry {
  name: string;
  kind: BackupKind;
  /** ISO time the backup was taken. */
  createdAt: string;
}

export function backupsToDelete(entries: BackupEntry[]): string[] {
  const out: string[] = [];
  const newestFirst = (kind: BackupKind) =>
    entries.filter((e) => e.kind === kind).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));

  const daily = newestFirst('daily');
  const older = daily.slice(RETENTION.daily);
  // Oldest first, so the first backup of a month is the one kept.
  const keptMonths = new Set<string>();
  for (const e of [...older].reverse()) {
    const month = e.createdAt.slice(0, 7);
    if (!keptMonths.has(month)) keptMonths.add(month);
    else out.push(e.name);
  }
  const months = [...keptMonths].sort().reverse();
  const tooOld = new Set(months.slice(RETENTION.monthly));
  for (const e of older) if (tooOld.has(e.createdAt.slice(0, 7)) && !out.includes(e.name)) out.push(e.name);

  for (const kind of ['import', 'restore'] as const) for (const e of newestFirst(kind).slice(RETENTION[kind])) out.push(e.name);
  return out;
}
