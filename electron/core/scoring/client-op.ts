import type Database from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { stmt } from '../db/sync-db';

/**
 * Idempotency keys of sheet changes (client_op, migration 0015). Looked up and recorded inside
 * the transaction of the change itself, so a key is either recorded with its change or not at
 * all: a change sent twice (the answer to the first was lost on a dropped Wi-Fi) is applied once
 * and answered twice with the same result.
 */
export interface OpKey {
  opId: string;
  sheetId: number;
  channel: string;
  deviceId: number | null;
}

function check(row: { sheet_id: number; channel: string }, key: OpKey): void {
  if (row.sheet_id !== key.sheetId || row.channel !== key.channel)
    throw new CoreError(
      'CONFLICT',
      `opId ${key.opId} was already used for ${row.channel} on sheet ${row.sheet_id}; every change needs its own opId`,
      { opId: key.opId },
    );
}

/** The answer recorded for this key, or undefined when it was never applied. */
export function priorResultSync<T>(sqlite: Database.Database, key: OpKey): T | undefined {
  const row = stmt(sqlite, 'SELECT sheet_id, channel, result_json FROM client_op WHERE op_id = ?').get(key.opId) as
    { sheet_id: number; channel: string; result_json: string } | undefined;
  if (!row) return undefined;
  check(row, key);
  return JSON.parse(row.result_json) as T;
}

export function recordOpSync(sqlite: Database.Database, key: OpKey, result: unknown, at: string): void {
  stmt(sqlite, 'INSERT INTO client_op (op_id, sheet_id, channel, device_id, result_json, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    key.opId,
    key.sheetId,
    key.channel,
    key.deviceId,
    JSON.stringify(result),
    at,
  );
}

export async function priorResult<T>(db: Kysely<DB>, key: OpKey): Promise<T | undefined> {
  const row = await db
    .selectFrom('client_op')
    .select(['sheet_id', 'channel', 'result_json'])
    .where('op_id', '=', key.opId)
    .executeTakeFirst();
  if (!row) return undefined;
  check(row, key);
  return JSON.parse(row.result_json) as T;
}

export async function recordOp(trx: Transaction<DB>, key: OpKey, result: unknown, at: string): Promise<void> {
  await trx
    .insertInto('client_op')
    .values({
      op_id: key.opId,
      sheet_id: key.sheetId,
      channel: key.channel,
      device_id: key.deviceId,
      result_json: JSON.stringify(result),
      at,
    })
    .execute();
}
