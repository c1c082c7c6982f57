import type { Kysely } from 'kysely';
import type { CriterionDetail, ProductDetail } from '../../../shared/api/channels/results';
import { allCriteria } from '../../../shared/ocop/criteria-set-walk';
import { criterionCapFromSum } from '../../../shared/ocop/minima';
import { compareMeanToCenti } from '../../../shared/ocop/score';
import { compileSet } from '../../../shared/ocop/set-input';
import type { DB } from '../db/schema';
import { evaluateStoredSheet, type ComputedProduct } from './compute-results';
import { computeSession, productSensitivity, sessionResultsOf, type Conn } from './results-service';
import { exactMean, toProductResult } from './results-view';
import type { SessionData } from './session-data';

/**
 * One product in detail: each member's parts, every criterion with the levels members chose
 * (distribution), the star marks and what the criterion allows, and the producer's
 * self-assessment beside the members' mean (where the producer over- or under-rated).
 */

async function selfAssessment(
  db: Kysely<DB>,
  registrationId: number,
): Promise<Map<string, { levelIndex: number; points: number }>> {
  const rows = await db
    .selectFrom('self_assessment_answer')
    .select(['criterion_code', 'level_index', 'points'])
    .where('registration_id', '=', registrationId)
    .execute();
  return new Map(rows.map((r) => [r.criterion_code, { levelIndex: r.level_index, points: r.points }]));
}

function criteriaOf(
  p: ComputedProduct,
  data: SessionData,
  self: Map<string, { levelIndex: number; points: number }>,
): CriterionDetail[] {
  const set = p.version.set;
  const compiled = compileSet(set);
  const decimals = data.session.rules.displayDecimals;
  // Plain sheets were ranked without the scoring rules (compute-results.ts); evaluate them here.
  const evaluations = new Map(
    p.sheets.map((s) => [s.memberId, p.evaluations.get(s.memberId) ?? evaluateStoredSheet(p.version, s)]),
  );
  const everyMember = data.session.rules.minimaRule === 'every_member';
  return allCriteria(set).map(({ part, group, criterion }) => {
    const ci = compiled.index.get(criterion.code)!;
    const memberLevels = p.sheets.map((s) => {
      const states = evaluations.get(s.memberId)?.criteria;
      // Both walk the set in form order; the code check guards that assumption.
      const state = states?.[ci]?.code === criterion.code ? states[ci] : states?.find((c) => c.code === criterion.code);
      const counted = state?.status === 'answered';
      return { memberId: s.memberId, levelIndex: counted ? state.levelIndex : null, points: counted ? state.points : 0 };
    });
    const distribution = criterion.levels.map((_, li) => memberLevels.filter((m) => m.levelIndex === li).length);
    const n = memberLevels.length;
    const sumCenti = memberLevels.reduce((acc, m) => acc + Math.round(m.points * 100), 0);
    const mean = n > 0 ? { sumCenti, count: n } : null;
    const own = self.get(criterion.code) ?? null;
    const cmp = mean && own ? compareMeanToCenti(mean, Math.round(own.points * 100)) : null;
    const required = (slot: number) => {
      const c = compiled.requiredCenti[ci * 3 + slot]!;
      return c > 0 ? c / 100 : null;
    };
    const marked = compiled.marked.includes(ci);
    let allowsStars: 1 | 2 | 3 | 4 | 5 | null = null;
    if (n > 0) {
      if (!marked) allowsStars = 5;
      else if (everyMember)
        allowsStars = Math.min(...memberLevels.map((m) => criterionCapFromSum(compiled, ci, Math.round(m.points * 100), 1))) as
          2 | 3 | 4 | 5;
      else allowsStars = criterionCapFromSum(compiled, ci, sumCenti, n);
    }
    return {
      code: criterion.code,
      title: criterion.title,
      part: part.code,
      groupCode: group.code,
      max: criterion.max,
      levels: criterion.levels.map((l, index) => ({
        index,
        text: l.text,
        points: l.points,
        minForStars: l.minForStars ?? null,
        case: l.case ?? null,
      })),
      memberLevels,
      distribution,
      meanPoints: mean ? exactMean(mean, decimals) : null,
      selfAssessment: own,
      // The producer's level compared with the council: above the members' mean = over-rated.
      selfVsMembers: cmp === null ? null : cmp < 0 ? 'over' : cmp > 0 ? 'under' : 'equal',
      required: { 3: required(0), 4: required(1), 5: required(2) },
      allowsStars,
    };
  });
}

export async function productDetail(
  conn: Conn,
  sessionId: number,
  registrationId: number,
  marginPoints: number,
): Promise<ProductDetail> {
  const { db } = conn;
  const computed = await computeSession(conn, sessionId, marginPoints, registrationId);
  const { data } = computed;
  const p = computed.products[0]!;
  const header = await sessionResultsOf(db, { data, products: [] }, marginPoints);
  const self = await selfAssessment(db, registrationId);
  const rounds = await db
    .selectFrom('score_rescoring_round')
    .select(['round_no', 'reason', 'opened_at', 'spread_points'])
    .where('session_id', '=', sessionId)
    .where('registration_id', '=', registrationId)
    .orderBy('round_no')
    .execute();
  const counted = new Set(p.sheets.map((s) => s.memberId));
  const expected = new Set(p.ranking.expectedMemberIds);
  const recused = new Set(p.recusedMemberIds);
  const selfTotal = self.size > 0 ? [...self.values()].reduce((a, s) => a + s.points, 0) : null;
  return {
    session: header.session,
    locked: header.locked,
    product: toProductResult(p, data),
    members: header.members.map((m) => ({
      ...m,
      sheetState: !m.scores
        ? 'not_scoring'
        : counted.has(m.memberId)
          ? 'counted'
          : recused.has(m.memberId)
            ? 'recused'
            : expected.has(m.memberId)
              ? 'missing'
              : 'absent',
    })),
    memberParts: p.ranking.members.map((m) => ({
      memberId: m.memberId,
      parts: p.version.set.parts.map((part) => (m.partCenti[part.code] ?? 0) / 100),
      total: m.totalCenti / 100,
    })),
    parts: p.version.set.parts.map((part) => ({ code: part.code, title: part.title, max: part.max })),
    criteria: criteriaOf(p, data, self),
    selfAssessmentTotal: selfTotal,
    sensitivity: productSensitivity(p, data),
    rescoringRounds: rounds.map((r) => ({
      roundNo: r.round_no,
      reason: r.reason,
      openedAt: r.opened_at,
      spreadPoints: r.spread_points,
    })),
  };
}
