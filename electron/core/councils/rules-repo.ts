import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CouncilRules, CouncilRulesInput } from '../../../shared/api/channels/councils';
import type { DB } from '../db/schema';
import type { CouncilRulesTable } from '../db/tables/councils';
import { CoreError, notFound } from '../errors';

function toRules(r: Selectable<CouncilRulesTable>): CouncilRules {
  return {
    id: r.id,
    councilId: r.council_id,
    version: r.version,
    quorumNumerator: r.quorum_numerator,
    quorumDenominator: r.quorum_denominator,
    chairRequired: r.chair_required === 1,
    spreadLimit: r.spread_limit,
    spreadLimitAllowed: r.spread_limit_allowed === 1,
    aggregation: 'mean',
    showInfoAggregates: r.show_info_aggregates === 1,
    minimaRule: r.minima_rule as CouncilRules['minimaRule'],
    displayDecimals: r.display_decimals,
    membersSeeOthersBeforeSubmit: r.members_see_others_before_submit === 1,
    reason: r.reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export async function currentRules(db: Kysely<DB>, councilId: number): Promise<CouncilRules> {
  const row = await db
    .selectFrom('council_rules')
    .selectAll()
    .where('council_id', '=', councilId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new CoreError('INTERNAL', `Council ${councilId} has no rules; every council is created with a first version`);
  return toRules(row);
}

export async function rulesById(db: Kysely<DB>, id: number): Promise<CouncilRules> {
  const row = await db.selectFrom('council_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Council rules version', id);
  return toRules(row);
}

export async function rulesHistory(db: Kysely<DB>, councilId: number): Promise<CouncilRules[]> {
  const rows = await db
    .selectFrom('council_rules')
    .selectAll()
    .where('council_id', '=', councilId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toRules);
}

export async function insertRulesVersion(
  trx: Transaction<DB>,
  councilId: number,
  r: CouncilRulesInput,
  meta: { at: string; actor: string; reason: string | null },
): Promise<number> {
  const last = await trx
    .selectFrom('council_rules')
    .select('version')
    .where('council_id', '=', councilId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const res = await trx
    .insertInto('council_rules')
    .values({
      council_id: councilId,
      version: (last?.version ?? 0) + 1,
      quorum_numerator: r.quorumNumerator,
      quorum_denominator: r.quorumDenominator,
      chair_required: r.chairRequired ? 1 : 0,
      spread_limit: r.spreadLimit,
      spread_limit_allowed: r.spreadLimitAllowed ? 1 : 0,
      aggregation: r.aggregation,
      show_info_aggregates: r.showInfoAggregates ? 1 : 0,
      minima_rule: r.minimaRule,
      display_decimals: r.displayDecimals,
      members_see_others_before_submit: r.membersSeeOthersBeforeSubmit ? 1 : 0,
      reason: meta.reason,
      created_at: meta.at,
      created_by: meta.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return res.id;
}
