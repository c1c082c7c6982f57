import type Database from 'better-sqlite3';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { SheetAnswer, SheetDeclaration, SheetSource, SheetStatus, SheetSummary } from '../../../shared/api/channels/scoring';
import type { SessionStatus } from '../../../shared/api/channels/sessions';
import { sheetContent, type SheetContent, type SheetEvaluation } from '../../../shared/ocop/sheet-rules';
import type { DB } from '../db/schema';
import type { ScoreSheetTable } from '../db/tables/scoring';
import { notFound } from '../errors';
import { stmt } from '../db/sync-db';

/** A score sheet as the scoring services read it: the contract's summary and the status of its session. */
export type Sheet = SheetSummary & { sessionStatus: SessionStatus };

type SheetJoinedRow = Selectable<ScoreSheetTable> & { member_name: string; session_status: string };

const toSheet = (r: SheetJoinedRow): Sheet => ({
  id: r.id,
  sessionId: r.session_id,
  registrationId: r.registration_id,
  memberId: r.member_id,
  memberName: r.member_name,
  criteriaSetVersionId: r.criteria_set_version_id,
  rescoringRound: r.rescoring_round,
  source: r.source as SheetSource,
  enteredBy: r.entered_by,
  status: r.status as SheetStatus,
  totalPoints: r.total_points,
  answeredCount: r.answered_count,
  applicableCount: r.applicable_count,
  complete: r.complete === 1,
  disqualified: r.disqualified === 1,
  disqualifyReason: r.disqualify_reason,
  stopped: r.stopped === 1,
  opinion: r.opinion,
  revisionReason: r.revision_reason,
  keptPrevious: r.kept_previous === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  sessionStatus: r.session_status as SessionStatus,
});

/** The sheet as the contract shows it (without its session's status). */
export function toSummary(s: Sheet): SheetSummary {
  const { sessionStatus: _sessionStatus, ...summary } = s;
  return summary;
}

const sheetsJoined = (db: Kysely<DB>) =>
  db
    .selectFrom('score_sheet as sh')
    .innerJoin('council_member as m', 'm.id', 'sh.member_id')
    .innerJoin('session as s', 's.id', 'sh.session_id')
    .selectAll('sh')
    .select(['m.full_name as member_name', 's.status as session_status']);

export async function findSheet(db: Kysely<DB>, id: number): Promise<Sheet | undefined> {
  const r = await sheetsJoined(db).where('sh.id', '=', id).executeTakeFirst();
  return r && toSheet(r);
}

export async function getSheet(db: Kysely<DB>, id: number): Promise<Sheet> {
  const r = await findSheet(db, id);
  if (!r) throw notFound('Score sheet', id);
  return r;
}

/** Sheets of a session (optionally one product / one member), every round, oldest first. */
export async function listSheets(
  db: Kysely<DB>,
  f: { sessionId: number; registrationId?: number; memberId?: number },
): Promise<Sheet[]> {
  let q = sheetsJoined(db).where('sh.session_id', '=', f.sessionId);
  if (f.registrationId !== undefined) q = q.where('sh.registration_id', '=', f.registrationId);
  if (f.memberId !== undefined) q = q.where('sh.member_id', '=', f.memberId);
  const rows = await q.orderBy('sh.registration_id').orderBy('sh.member_id').orderBy('sh.rescoring_round').execute();
  return rows.map(toSheet);
}

export async function sheetAnswers(db: Kysely<DB>, sheetId: number): Promise<SheetAnswer[]> {
  const rows = await db
    .selectFrom('score_answer')
    .select(['criterion_code', 'level_index', 'points', 'note'])
    .where('sheet_id', '=', sheetId)
    .execute();
  return rows.map((r) => ({ criterionCode: r.criterion_code, levelIndex: r.level_index, points: r.points, note: r.note }));
}

export async function sheetDeclarations(db: Kysely<DB>, sheetId: number): Promise<SheetDeclaration[]> {
  const rows = await db
    .selectFrom('score_declaration')
    .select(['rule_id', 'holds', 'reason'])
    .where('sheet_id', '=', sheetId)
    .execute();
  return rows.map((r) => ({ ruleId: r.rule_id, holds: r.holds === 1, reason: r.reason }));
}

export async function loadSheetContent(
  db: Kysely<DB>,
  sheetId: number,
): Promise<{ answers: SheetAnswer[]; declarations: SheetDeclaration[]; content: SheetContent }> {
  const answers = await sheetAnswers(db, sheetId);
  const declarations = await sheetDeclarations(db, sheetId);
  return { answers, declarations, content: sheetContent(answers, declarations) };
}

/** The columns of score_sheet that mirror the evaluation of its answers. */
export function derivedColumns(e: SheetEvaluation) {
  const reasons = e.disqualifiedBy.map((d) => (d.reason ?? '').trim()).filter((r) => r.length > 0);
  return {
    total_points: e.total,
    answered_count: e.answeredCount,
    applicable_count: e.applicableCount,
    complete: e.complete ? 1 : 0,
    disqualified: e.disqualified && reasons.length > 0 ? 1 : 0,
    disqualify_reason: reasons.length > 0 ? reasons.join('; ') : null,
    stopped: e.stopped ? 1 : 0,
  };
}

/** getSheet for the synchronous autosave path, with the pinned set's content hash. */
export function sheetSync(sqlite: Database.Database, id: number): Sheet & { setHash: string } {
  const r = stmt(
    sqlite,
    `SELECT sh.*, m.full_name AS member_name, s.status AS session_status, v.content_hash AS set_hash
     FROM score_sheet sh JOIN council_member m ON m.id = sh.member_id JOIN session s ON s.id = sh.session_id
       JOIN criteria_set_version v ON v.id = sh.criteria_set_version_id
     WHERE sh.id = (? + 0)`,
  ).get(id) as (SheetJoinedRow & { set_hash: string }) | undefined;
  if (!r) throw notFound('Score sheet', id);
  return { ...toSheet(r), setHash: r.set_hash };
}

/** loadSheetContent for the synchronous autosave path. */
export function loadSheetContentSync(
  sqlite: Database.Database,
  sheetId: number,
): { answers: SheetAnswer[]; declarations: SheetDeclaration[]; content: SheetContent } {
  const a = stmt(sqlite, 'SELECT criterion_code, level_index, points, note FROM score_answer WHERE sheet_id = (? + 0)').all(
    sheetId,
  ) as {
    criterion_code: string;
    level_index: number | null;
    points: number | null;
    note: string;
  }[];
  const d = stmt(sqlite, 'SELECT rule_id, holds, reason FROM score_declaration WHERE sheet_id = (? + 0)').all(sheetId) as {
    rule_id: string;
    holds: number;
    reason: string | null;
  }[];
  const answers = a.map((r) => ({ criterionCode: r.criterion_code, levelIndex: r.level_index, points: r.points, note: r.note }));
  const declarations = d.map((r) => ({ ruleId: r.rule_id, holds: r.holds === 1, reason: r.reason }));
  return { answers, declarations, content: sheetContent(answers, declarations) };
}

/** A new sheet (a draft until marked submitted); its id. */
export async function insertSheet(
  trx: Transaction<DB>,
  s: {
    sessionId: number;
    registrationId: number;
    memberId: number;
    criteriaSetVersionId: number;
    rescoringRound: number;
    source: SheetSource;
    enteredBy?: string | null;
    at: string;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('score_sheet')
    .values({
      session_id: s.sessionId,
      registration_id: s.registrationId,
      member_id: s.memberId,
      criteria_set_version_id: s.criteriaSetVersionId,
      rescoring_round: s.rescoringRound,
      source: s.source,
      ...(s.enteredBy !== undefined ? { entered_by: s.enteredBy } : {}),
      created_at: s.at,
      updated_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The stored totals and flags of a sheet, from its evaluation (a carried-over draft). */
export async function setDerived(trx: Transaction<DB>, id: number, e: SheetEvaluation): Promise<void> {
  await trx.updateTable('score_sheet').set(derivedColumns(e)).where('id', '=', id).execute();
}

/** How a sheet is locked: by whom and when, and what else the lock records. */
export interface Submission {
  status: 'submitted' | 'superseded';
  submittedAt: string;
  submittedBy: string;
  revisionReason?: string | null;
  keptPrevious?: boolean;
  updatedAt?: string;
}

/** Locks a sheet with its final totals (one UPDATE: the frozen-sheet trigger sees the whole change at once). */
export async function markSubmitted(trx: Transaction<DB>, id: number, e: SheetEvaluation, s: Submission): Promise<void> {
  await trx
    .updateTable('score_sheet')
    .set({
      ...derivedColumns(e),
      status: s.status,
      submitted_at: s.submittedAt,
      submitted_by: s.submittedBy,
      ...(s.revisionReason !== undefined ? { revision_reason: s.revisionReason } : {}),
      ...(s.keptPrevious ? { kept_previous: 1 } : {}),
      ...(s.updatedAt !== undefined ? { updated_at: s.updatedAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Back to draft (unlock). */
export async function reopenSheet(trx: Transaction<DB>, id: number, at: string): Promise<void> {
  await trx
    .updateTable('score_sheet')
    .set({ status: 'draft', submitted_at: null, submitted_by: null, kept_previous: 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** An imported sheet takes over this computer's empty (or identical) draft: its source and typist. */
export async function setSheetSource(
  trx: Transaction<DB>,
  id: number,
  source: SheetSource,
  enteredBy: string | null | undefined,
  at: string,
): Promise<void> {
  await trx.updateTable('score_sheet').set({ source, entered_by: enteredBy, updated_at: at }).where('id', '=', id).execute();
}

export async function markSuperseded(trx: Transaction<DB>, ids: readonly number[]): Promise<void> {
  if (ids.length > 0)
    await trx
      .updateTable('score_sheet')
      .set({ status: 'superseded' })
      .where('id', 'in', [...ids])
      .execute();
}

type RoundOf = Pick<Sheet, 'sessionId' | 'registrationId' | 'memberId' | 'rescoringRound'>;

const sameMemberAndProduct = (db: Kysely<DB>, row: RoundOf) =>
  db
    .selectFrom('score_sheet')
    .select('id')
    .where('session_id', '=', row.sessionId)
    .where('registration_id', '=', row.registrationId)
    .where('member_id', '=', row.memberId);

/** The member's submitted sheets for the same product in earlier re-scoring rounds. */
export async function earlierSubmittedIds(db: Kysely<DB>, row: RoundOf): Promise<number[]> {
  const rows = await sameMemberAndProduct(db, row)
    .where('rescoring_round', '<', row.rescoringRound)
    .where('status', '=', 'submitted')
    .execute();
  return rows.map((r) => r.id);
}

/** The member's latest non-draft sheet for the same product in an earlier round, if any. */
export async function previousSheetId(db: Kysely<DB>, row: RoundOf): Promise<number | undefined> {
  const r = await sameMemberAndProduct(db, row)
    .where('rescoring_round', '<', row.rescoringRound)
    .where('status', '<>', 'draft')
    .orderBy('rescoring_round', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.id;
}

/** A sheet of the member for the same product in a later round, if any. */
export async function laterSheetId(db: Kysely<DB>, row: RoundOf): Promise<number | undefined> {
  return (await sameMemberAndProduct(db, row).where('rescoring_round', '>', row.rescoringRound).executeTakeFirst())?.id;
}

export async function sheetOpinion(db: Kysely<DB>, id: number): Promise<string> {
  return (await db.selectFrom('score_sheet').select('opinion').where('id', '=', id).executeTakeFirstOrThrow()).opinion;
}

/** The stored totals and flags after an autosaved change (the synchronous path, sync-db.ts). */
export function writeDerivedSync(sqlite: Database.Database, sheetId: number, e: SheetEvaluation, at: string): void {
  const d = derivedColumns(e);
  stmt(
    sqlite,
    `UPDATE score_sheet SET total_points = ?, answered_count = ?, applicable_count = ?, complete = ?, disqualified = ?, disqualify_reason = ?, stopped = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    d.total_points,
    d.answered_count,
    d.applicable_count,
    d.complete,
    d.disqualified,
    d.disqualify_reason,
    d.stopped,
    at,
    sheetId,
  );
}
