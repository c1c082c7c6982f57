/**
 * A database brought to one migration, for the test of a data-changing migration (as Signal
 * does): migrate to N−1, insert raw rows the way that schema stored them, migrate to N, assert.
 * Raw SQL on purpose: the Kysely table types describe the latest schema, not schema N−1.
 */
import type Database from 'better-sqlite3';
import { migrateToLatest, appliedMigrations } from '../db/migrate';
import { migrationNames, migrations } from '../db/migrations';
import { closeDatabase, openDatabase, type OpenedDatabase } from '../db/open';

export interface MigratingDatabase {
  sqlite: Database.Database;
  opened: OpenedDatabase;
  /** Names of the migrations applied so far. */
  applied(): string[];
  /** Applies the migrations after the current one up to and including `name`. */
  migrateTo(name: string): Promise<void>;
  close(): void;
}

function upTo(name: string) {
  const i = migrationNames.indexOf(name);
  if (i < 0) throw new Error(`No migration named ${JSON.stringify(name)}; known: ${migrationNames.join(', ')}`);
  return Object.fromEntries(migrationNames.slice(0, i + 1).map((n) => [n, migrations[n]!]));
}

/** A fresh in-memory database (or `file`) with the migrations up to and including `name`. */
export async function migrateTo(name: string, file = ':memory:'): Promise<MigratingDatabase> {
  upTo(name); // an unknown name fails before a database is opened
  const opened = openDatabase(file);
  const step = async (to: string) => {
    await migrateToLatest(opened, { migrations: upTo(to), now: () => new Date('2026-06-01T08:00:00.000Z') });
  };
  await step(name);
  return {
    sqlite: opened.sqlite,
    opened,
    applied: () => appliedMigrations(opened),
    migrateTo: step,
    close: () => closeDatabase(opened),
  };
}
