import { sql, type Kysely } from 'kysely';
import type { AgendaItem } from '../../../shared/api/channels/sessions';
import type { DB } from '../db/schema';

/** What the agenda shows of a registration: its number, product, producer and criteria set. */
export interface RegistrationInfo {
  registrationId: number;
  registrationNo: string;
  registrationKind: string;
  registrationStatus: string;
  roundId: number;
  productId: number;
  productName: string;
  producerName: string;
  criteriaSetVersionId: number | null;
  criteriaSetName: string;
}

interface InfoRow {
  registration_id: number;
  registration_no: string;
  kind: string;
  status: string;
  round_id: number;
  product_id: number;
  product_name: string;
  producer_name: string;
  criteria_set_version_id: number | null;
  criteria_set_name: string | null;
  set_key: string;
}

// criteria_set_version belongs to the criteria area (0002); read by name so this file does not
// depend on its TypeScript table types.
const infoSelect = sql`SELECT g.id AS registration_id, g.registration_no, g.kind, g.status, g.round_id,
    p.id AS product_id, p.name AS product_name, pr.name AS producer_name,
    g.criteria_set_version_id, v.name AS criteria_set_name, g.set_key
  FROM registration g
  JOIN product p ON p.id = g.product_id
  JOIN producer pr ON pr.id = p.producer_id
  LEFT JOIN criteria_set_version v ON v.id = g.criteria_set_version_id`;

const toInfo = (r: InfoRow): RegistrationInfo => ({
  registrationId: r.registration_id,
  registrationNo: r.registration_no,
  registrationKind: r.kind,
  registrationStatus: r.status,
  roundId: r.round_id,
  productId: r.product_id,
  productName: r.product_name,
  producerName: r.producer_name,
  criteriaSetVersionId: r.criteria_set_version_id,
  criteriaSetName: r.criteria_set_name ?? r.set_key,
});

export async function registrationInfos(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, RegistrationInfo>> {
  if (ids.length === 0) return new Map();
  const r = await sql<InfoRow>`${infoSelect} WHERE g.id IN (${sql.join(ids.map((id) => sql`${id}`))})`.execute(db);
  return new Map(r.rows.map((row) => [row.registration_id, toInfo(row)]));
}

export interface CandidateFilter {
  roundId: number;
  folded: string;
  registrationKind?: string;
  criteriaSetVersionId?: number;
  limit: number;
}

/** Registrations of a round matching the search (accent-insensitive) and filters, by product name. */
export async function searchRoundRegistrations(db: Kysely<DB>, f: CandidateFilter): Promise<RegistrationInfo[]> {
  const r = await sql<InfoRow>`${infoSelect}
    WHERE g.round_id = ${f.roundId}
      AND (${f.folded} = '' OR instr(g.search_folded, ${f.folded}) > 0 OR instr(lower(g.registration_no), ${f.folded}) > 0)
      AND (${f.registrationKind ?? null} IS NULL OR g.kind = ${f.registrationKind ?? null})
      AND (${f.criteriaSetVersionId ?? null} IS NULL OR g.criteria_set_version_id = ${f.criteriaSetVersionId ?? null})
    ORDER BY g.product_sort, g.id
    LIMIT ${f.limit}`.execute(db);
  return r.rows.map(toInfo);
}

export async function agendaRows(db: Kysely<DB>, sessionId: number) {
  return db.selectFrom('session_agenda_item').selectAll().where('session_id', '=', sessionId).orderBy('position').execute();
}

export async function agendaItems(db: Kysely<DB>, sessionId: number): Promise<AgendaItem[]> {
  const rows = await agendaRows(db, sessionId);
  const infos = await registrationInfos(
    db,
    rows.map((r) => r.registration_id),
  );
  const conflicts = await db
    .selectFrom('session_conflict')
    .select(['registration_id', 'member_id'])
    .where('session_id', '=', sessionId)
    .orderBy('member_id')
    .execute();
  return rows.map((r) => {
    const info = infos.get(r.registration_id);
    return {
      position: r.position,
      registrationId: r.registration_id,
      registrationNo: info?.registrationNo ?? '',
      registrationKind: info?.registrationKind ?? '',
      productId: info?.productId ?? 0,
      productName: info?.productName ?? '',
      producerName: info?.producerName ?? '',
      criteriaSetVersionId: info?.criteriaSetVersionId ?? null,
      criteriaSetName: info?.criteriaSetName ?? '',
      recusedMemberIds: conflicts.filter((c) => c.registration_id === r.registration_id).map((c) => c.member_id),
    };
  });
}

/** Sessions (other than `exceptSessionId`, not finalized) whose agenda already holds each registration. */
export async function scheduledElsewhere(db: Kysely<DB>, registrationIds: readonly number[], exceptSessionId: number) {
  if (registrationIds.length === 0) return new Map<number, { id: number; number: number; councilName: string; date: string }>();
  const rows = await db
    .selectFrom('session_agenda_item as i')
    .innerJoin('session as s', 's.id', 'i.session_id')
    .innerJoin('council as c', 'c.id', 's.council_id')
    .select(['i.registration_id', 's.id', 's.number', 's.date', 'c.name as councilName'])
    .where('i.registration_id', 'in', [...registrationIds])
    .where('s.id', '<>', exceptSessionId)
    .where('s.status', '<>', 'finalized')
    .execute();
  return new Map(rows.map((r) => [r.registration_id, { id: r.id, number: r.number, councilName: r.councilName, date: r.date }]));
}
