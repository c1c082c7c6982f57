import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { notFound } from '../errors';
import { loadCriteriaSet, type LoadedSet } from '../scoring/criteria-cache';
import { currentRounds } from '../scoring/session-access';
import { getSession, recusalsOf, type SessionFacts } from '../sessions/session-repo';
import { readChoices } from './answer-reader';

/**
 * Everything the results of one session are computed from, read in a handful of queries (the
 * bench ranks 300 products × 9 members ≈ 95 000 answers in one call). Reads the councils,
 * dossiers, criteria and scoring tables by name; maps rows to plain objects.
 */

export interface MemberFacts {
  memberId: number;
  fullName: string;
  role: string;
  order: number;
  /** null = attendance not recorded. */
  present: boolean | null;
}

export interface AgendaFacts {
  position: number;
  registrationId: number;
  registrationNo: string;
  registrationKind: 'first' | 'upgrade' | 'reevaluation';
  currentStars: number | null;
  productId: number;
  productCode: string;
  productName: string;
  producerName: string;
  criteriaSetVersionId: number;
}

export interface CountingSheet {
  sheetId: number;
  registrationId: number;
  memberId: number;
  rescoringRound: number;
  source: 'member' | 'paper';
  criteriaSetVersionId: number;
  /** Criterion code → chosen level index, for every criterion with a level stored (score_answer). */
  choices: Record<string, number>;
  answeredCount: number;
  declarations: { ruleId: string; holds: boolean; reason: string | null }[];
}

/** A criteria set version as the scoring cache loads it (one shape for both areas). */
export type LoadedVersion = LoadedSet;

export interface SessionData {
  session: SessionFacts;
  members: MemberFacts[];
  agenda: AgendaFacts[];
  /** registration id → recused member ids. */
  recusals: Map<number, Set<number>>;
  /** registration id → the re-scoring round now open (absent = 0). */
  currentRounds: Map<number, number>;
  /** Sheets that count: submitted, of the product's current round. */
  sheets: CountingSheet[];
  /** Criteria set versions of the agenda, by id. */
  versions: Map<number, LoadedVersion>;
}

async function loadMembers(db: Kysely<DB>, sessionId: number): Promise<MemberFacts[]> {
  const rows = await db
    .selectFrom('session_attendance as a')
    .innerJoin('council_member as m', 'm.id', 'a.member_id')
    .select(['a.member_id', 'm.full_name', 'm.role', 'a.position', 'a.present'])
    .where('a.session_id', '=', sessionId)
    .orderBy('a.position')
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    fullName: r.full_name,
    role: r.role,
    order: r.position,
    present: r.present === null ? null : r.present === 1,
  }));
}

async function loadAgenda(db: Kysely<DB>, sessionId: number, registrationId?: number): Promise<AgendaFacts[]> {
  let q = db
    .selectFrom('session_agenda_item as i')
    .innerJoin('registration as r', 'r.id', 'i.registration_id')
    .innerJoin('product as p', 'p.id', 'r.product_id')
    .innerJoin('producer as pr', 'pr.id', 'p.producer_id')
    .select([
      'i.position',
      'i.registration_id',
      'r.registration_no',
      'r.kind',
      'r.current_stars',
      'p.id as product_id',
      'r.criteria_set_version_id',
    ])
    // Names as recorded when the registration was evaluated (migration 0008), so a later rename
    // of the product or producer does not rewrite results already decided; current names before.
    .select((eb) => [
      eb.fn.coalesce('r.snapshot_product_code', 'p.product_code').as('product_code'),
      eb.fn.coalesce('r.snapshot_product_name', 'p.name').as('product_name'),
      eb.fn.coalesce('r.snapshot_producer_name', 'pr.name').as('producer_name'),
    ])
    .where('i.session_id', '=', sessionId);
  if (registrationId !== undefined) q = q.where('i.registration_id', '=', registrationId);
  const rows = await q.orderBy('i.position').execute();
  return rows.map((r) => ({
    position: r.position,
    registrationId: r.registration_id,
    registrationNo: r.registration_no,
    registrationKind: r.kind as AgendaFacts['registrationKind'],
    currentStars: r.current_stars,
    productId: r.product_id,
    productCode: r.product_code,
    productName: r.product_name,
    producerName: r.producer_name,
    criteriaSetVersionId: r.criteria_set_version_id,
  }));
}

/**
 * The sheets that count: submitted sheets of each product's current re-scoring round. When the
 * chair opens a re-scoring round every scoring member submits again; until they do, the
 * product waits for their sheets (an earlier round's sheet no longer counts).
 */
async function loadCountingSheets(
  db: Kysely<DB>,
  sqlite: Database.Database,
  sessionId: number,
  rounds: Map<number, number>,
  versions: Map<number, LoadedVersion>,
  registrationId?: number,
): Promise<CountingSheet[]> {
  let q = db
    .selectFrom('score_sheet')
    .select(['id', 'registration_id', 'member_id', 'rescoring_round', 'source', 'criteria_set_version_id'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'submitted');
  if (registrationId !== undefined) q = q.where('registration_id', '=', registrationId);
  const rows = (await q.orderBy('registration_id').orderBy('member_id').execute()).filter(
    (r) => r.rescoring_round === (rounds.get(r.registration_id) ?? 0),
  );
  const byId = new Map<number, CountingSheet>();
  for (const r of rows) {
    byId.set(r.id, {
      sheetId: r.id,
      registrationId: r.registration_id,
      memberId: r.member_id,
      rescoringRound: r.rescoring_round,
      source: r.source as 'member' | 'paper',
      criteriaSetVersionId: r.criteria_set_version_id,
      choices: {},
      answeredCount: 0,
      declarations: [],
    });
  }
  if (byId.size === 0) return [];
  readChoices(sqlite, sessionId, byId, versions, registrationId);
  let dq = db
    .selectFrom('score_declaration as d')
    .innerJoin('score_sheet as sh', 'sh.id', 'd.sheet_id')
    .select(['d.sheet_id', 'd.rule_id', 'd.holds', 'd.reason'])
    .where('sh.session_id', '=', sessionId)
    .where('sh.status', '=', 'submitted');
  if (registrationId !== undefined) dq = dq.where('sh.registration_id', '=', registrationId);
  for (const d of await dq.execute()) {
    byId.get(d.sheet_id)?.declarations.push({ ruleId: d.rule_id, holds: d.holds === 1, reason: d.reason });
  }
  return [...byId.values()];
}

export async function loadVersions(db: Kysely<DB>, ids: Iterable<number>): Promise<Map<number, LoadedVersion>> {
  const out = new Map<number, LoadedVersion>();
  for (const vid of new Set(ids)) out.set(vid, await loadCriteriaSet(db, vid));
  return out;
}

/**
 * The whole session, or only one product of it (`registrationId`). `sqlite` is the connection
 * `db` runs on (also inside a transaction): the answers are read through it in raw mode.
 */
export async function loadSessionData(
  db: Kysely<DB>,
  sqlite: Database.Database,
  sessionId: number,
  registrationId?: number,
): Promise<SessionData> {
  const session = await getSession(db, sessionId);
  const agenda = await loadAgenda(db, sessionId, registrationId);
  if (registrationId !== undefined && agenda.length === 0) {
    throw notFound(`Registration on the agenda of session ${sessionId}`, registrationId);
  }
  const members = await loadMembers(db, sessionId);
  const recusals = await recusalsOf(db, sessionId);
  const rounds = await currentRounds(db, sessionId);
  const versions = await loadVersions(
    db,
    agenda.map((a) => a.criteriaSetVersionId),
  );
  const sheets = await loadCountingSheets(db, sqlite, sessionId, rounds, versions, registrationId);
  return { session, members, agenda, recusals, currentRounds: rounds, sheets, versions };
}
