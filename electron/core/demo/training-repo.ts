import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** app_meta key recording that this database holds the training dataset (and its seed). */
export const TRAINING_META_KEY = 'training_dataset';

/** Tables that must be empty: the training dataset never mixes with real records. */
const MUST_BE_EMPTY = ['council', 'evaluation_round', 'producer'] as const;

/** The first of the tables that must be empty for the training dataset that holds a row, if any. */
export async function firstNonEmptyTable(db: Kysely<DB>): Promise<(typeof MUST_BE_EMPTY)[number] | undefined> {
  for (const table of MUST_BE_EMPTY) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
    if ((r.rows[0]?.n ?? 0) > 0) return table;
  }
  return undefined;
}

export async function markTraining(trx: Transaction<DB>, seed: number): Promise<void> {
  const value = JSON.stringify({ seed });
  await trx
    .insertInto('app_meta')
    .values({ key: TRAINING_META_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Whether this database holds the training dataset, and from which seed. */
export async function trainingStatus(db: Kysely<DB>): Promise<{ training: boolean; seed: number | null }> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', TRAINING_META_KEY).executeTakeFirst();
  if (!row) return { training: false, seed: null };
  const seed = (JSON.parse(row.value) as { seed?: unknown }).seed;
  return { training: true, seed: typeof seed === 'number' ? seed : null };
}
