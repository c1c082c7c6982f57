import type { Kysely, Transaction } from 'kysely';
import type { PaperEntryContent } from '../../../shared/ocop/paper-entry';
import type { DB } from '../db/schema';

/** The typed entries of paper sheets (paper_entry and its answers and declarations). */

export interface PaperKey {
  sessionId: number;
  registrationId: number;
  memberId: number;
}

export interface EntryRow {
  id: number;
  entryNo: number;
  enteredBy: string;
  writtenTotal: number | null;
  opinion: string;
  status: 'open' | 'committed';
  updatedAt: string;
  content: PaperEntryContent;
}

/** The entries (1 and/or 2) of a member's paper sheet in a round, with what each says. */
export async function entryRows(db: Kysely<DB>, key: PaperKey, round: number): Promise<EntryRow[]> {
  const rows = await db
    .selectFrom('paper_entry')
    .selectAll()
    .where('session_id', '=', key.sessionId)
    .where('registration_id', '=', key.registrationId)
    .where('member_id', '=', key.memberId)
    .where('rescoring_round', '=', round)
    .orderBy('entry_no')
    .execute();
  const out: EntryRow[] = [];
  for (const r of rows) {
    const answers = await db
      .selectFrom('paper_entry_answer')
      .select(['criterion_code', 'level_index'])
      .where('entry_id', '=', r.id)
      .execute();
    const decls = await db
      .selectFrom('paper_entry_declaration')
      .select(['rule_id', 'holds', 'reason'])
      .where('entry_id', '=', r.id)
      .execute();
    out.push({
      id: r.id,
      entryNo: r.entry_no,
      enteredBy: r.entered_by,
      writtenTotal: r.written_total,
      opinion: r.opinion,
      status: r.status as 'open' | 'committed',
      updatedAt: r.updated_at,
      content: {
        answers: new Map(answers.map((a) => [a.criterion_code, a.level_index])),
        declarations: new Map(decls.map((d) => [d.rule_id, { holds: d.holds === 1, reason: d.reason }])),
        writtenTotal: r.written_total,
      },
    });
  }
  return out;
}

export interface EntryInput {
  entryNo: number;
  enteredBy: string;
  writtenTotal: number | null;
  opinion: string;
  answers: readonly { criterionCode: string; levelIndex: number }[];
  declarations: readonly { ruleId: string; holds: boolean; reason: string | null }[];
}

/** Writes one entry: replaces the entry `existingId` (its answers and declarations too), or inserts it; its id. */
export async function writeEntry(
  trx: Transaction<DB>,
  key: PaperKey,
  round: number,
  existingId: number | null,
  e: EntryInput,
  at: string,
): Promise<number> {
  let entryId: number;
  if (existingId !== null) {
    entryId = existingId;
    await trx
      .updateTable('paper_entry')
      .set({ entered_by: e.enteredBy, written_total: e.writtenTotal, opinion: e.opinion, updated_at: at })
      .where('id', '=', entryId)
      .execute();
    await trx.deleteFrom('paper_entry_answer').where('entry_id', '=', entryId).execute();
    await trx.deleteFrom('paper_entry_declaration').where('entry_id', '=', entryId).execute();
  } else {
    entryId = (
      await trx
        .insertInto('paper_entry')
        .values({
          ...{ session_id: key.sessionId, registration_id: key.registrationId, member_id: key.memberId },
          rescoring_round: round,
          entry_no: e.entryNo,
          entered_by: e.enteredBy,
          written_total: e.writtenTotal,
          opinion: e.opinion,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  if (e.answers.length > 0)
    await trx
      .insertInto('paper_entry_answer')
      .values(e.answers.map((a) => ({ entry_id: entryId, criterion_code: a.criterionCode, level_index: a.levelIndex })))
      .execute();
  if (e.declarations.length > 0)
    await trx
      .insertInto('paper_entry_declaration')
      .values(e.declarations.map((d) => ({ entry_id: entryId, rule_id: d.ruleId, holds: d.holds ? 1 : 0, reason: d.reason })))
      .execute();
  return entryId;
}

/** Marks entries as turned into the submitted sheet `sheetId`. */
export async function markEntriesCommitted(
  trx: Transaction<DB>,
  ids: readonly number[],
  sheetId: number,
  at: string,
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('paper_entry')
    .set({ status: 'committed', committed_sheet_id: sheetId, updated_at: at })
    .where('id', 'in', [...ids])
    .execute();
}
