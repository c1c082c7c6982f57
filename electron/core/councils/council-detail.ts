import { sql, type Kysely } from 'kysely';
import type { CouncilDetail, CouncilListItem, CouncilLevel } from '../../../shared/api/channels/councils';
import { foldForSearch } from '../../../shared/text/normalize';
import type { DB } from '../db/schema';
import { getCouncil, toCouncil } from './council-repo';
import { isActiveOn, listMembers } from './member-repo';
import { currentRules, rulesHistory } from './rules-repo';

/** Everything the council screen shows: the council, its rules (current and past) and every membership period. */
export async function councilDetail(db: Kysely<DB>, id: number, onDate: string): Promise<CouncilDetail> {
  const council = await getCouncil(db, id);
  const [rules, history, members, parent, groups, sessions] = await Promise.all([
    currentRules(db, id),
    rulesHistory(db, id),
    listMembers(db, id),
    council.parentCouncilId === null
      ? Promise.resolve(undefined)
      : db.selectFrom('council').select(['id', 'name']).where('id', '=', council.parentCouncilId).executeTakeFirst(),
    db.selectFrom('council').select(['id', 'name']).where('parent_council_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('session')
      .select(sql<number>`count(*)`.as('n'))
      .where('council_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    council,
    parentCouncil: parent ?? null,
    advisoryGroups: groups,
    rules,
    rulesHistory: history,
    members,
    activeOn: onDate,
    activeMemberIds: members.filter((m) => isActiveOn(m, onDate)).map((m) => m.id),
    sessionCount: sessions.n,
  };
}

/** The councils list: each council with its parent's name, today's member count and chair, rules version and sessions. */
export async function councilList(
  db: Kysely<DB>,
  filter: { level?: CouncilLevel; query?: string },
  today: string,
): Promise<CouncilListItem[]> {
  let q = db.selectFrom('council').selectAll().orderBy('level').orderBy('id');
  if (filter.level) q = q.where('level', '=', filter.level);
  const folded = filter.query ? foldForSearch(filter.query) : '';
  if (folded) q = q.where(sql<boolean>`instr(name_folded, ${folded}) > 0`);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const names = new Map((await db.selectFrom('council').select(['id', 'name']).execute()).map((c) => [c.id, c.name]));
  const members = await db
    .selectFrom('council_member')
    .select(['council_id as councilId', 'full_name as fullName', 'role', 'active_from as activeFrom', 'active_to as activeTo'])
    .where('council_id', 'in', ids)
    .execute();
  const rules = await db
    .selectFrom('council_rules')
    .select(['council_id', sql<number>`max(version)`.as('version')])
    .where('council_id', 'in', ids)
    .groupBy('council_id')
    .execute();
  const sessions = await db
    .selectFrom('session')
    .select(['council_id', sql<number>`count(*)`.as('n')])
    .where('council_id', 'in', ids)
    .groupBy('council_id')
    .execute();
  return rows.map((r) => {
    const active = members.filter((m) => m.councilId === r.id && isActiveOn(m, today));
    return {
      ...toCouncil(r),
      parentCouncilName: r.parent_council_id === null ? null : (names.get(r.parent_council_id) ?? null),
      activeMemberCount: active.length,
      chairName: active.find((m) => m.role === 'chair')?.fullName ?? null,
      rulesVersion: rules.find((x) => x.council_id === r.id)?.version ?? 0,
      sessionCount: sessions.find((x) => x.council_id === r.id)?.n ?? 0,
    };
  });
}
