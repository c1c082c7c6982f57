import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ProductSensitivity, SessionResults, StarChangeView } from '../../../shared/api/channels/results';
import { explainChangeVi } from '../../../shared/ocop/explain-vi';
import { bandEdgesCenti } from '../../../shared/ocop/legal-basis';
import type { DB } from '../db/schema';
import { computeProducts, type ComputedProduct } from './compute-results';
import { finalizationRows, toFinalization } from './finalization-repo';
import { edgeView, exactMean, finalizeBlockers, memberNamer, summaryOf, toProductResult } from './results-view';
import { loadSessionData, type SessionData } from './session-data';

/** Read side of the results area: the session table, sensitivity lists. */

export interface Computed {
  data: SessionData;
  products: ComputedProduct[];
}

/** A database handle and the better-sqlite3 connection it runs on (the same one inside a transaction). */
export interface Conn {
  db: Kysely<DB>;
  sqlite: Database.Database;
}

export async function computeSession(
  conn: Conn,
  sessionId: number,
  marginPoints: number,
  registrationId?: number,
): Promise<Computed> {
  const data = await loadSessionData(conn.db, conn.sqlite, sessionId, registrationId);
  return { data, products: computeProducts(data, marginPoints) };
}

export async function sessionResultsOf(db: Kysely<DB>, c: Computed, marginPoints: number): Promise<SessionResults> {
  const { data } = c;
  const products = c.products.map((p) => toProductResult(p, data));
  const history = (await finalizationRows(db, data.session.id)).map(toFinalization);
  const blockers = finalizeBlockers(data, products);
  const s = data.session;
  return {
    session: {
      id: s.id,
      number: s.number,
      title: s.title,
      date: s.date,
      kind: s.kind,
      status: s.status,
      councilId: s.councilId,
      councilName: s.council.name,
      councilLevel: s.council.level,
      roundId: s.roundId,
      roundName: s.round.name,
      legalBasis: s.round.legalBasis,
      chairMemberId: s.chairMemberId,
    },
    rules: {
      minimaRule: s.rules.minimaRule,
      spreadLimit: s.rules.spreadLimit,
      spreadLimitAllowed: s.rules.spreadLimitAllowed,
      displayDecimals: s.rules.displayDecimals,
      showInfoAggregates: s.rules.showInfoAggregates,
      quorumNumerator: s.rules.quorumNumerator,
      quorumDenominator: s.rules.quorumDenominator,
      chairRequired: s.rules.chairRequired,
    },
    members: data.members.map((m) => ({
      memberId: m.memberId,
      fullName: m.fullName,
      role: m.role,
      order: m.order,
      present: m.present,
      scores: m.role !== 'secretary',
    })),
    products,
    summary: summaryOf(products),
    sensitivityMarginPoints: marginPoints,
    locked: s.status === 'finalized',
    finalizable: blockers.length === 0,
    finalizeBlockers: blockers,
    finalization: history.find((f) => f.reopenedAt === null) ?? null,
    history,
  };
}

export async function sessionResults(conn: Conn, sessionId: number, marginPoints: number): Promise<SessionResults> {
  return sessionResultsOf(conn.db, await computeSession(conn, sessionId, marginPoints), marginPoints);
}

export function productSensitivity(p: ComputedProduct, data: SessionData): ProductSensitivity {
  const decimals = p.ranking.displayDecimals;
  const name = memberNamer(data.members);
  const changes: StarChangeView[] = p.sensitivity.changes.map((ch) => ({
    memberId: ch.memberId,
    memberName: name(ch.memberId),
    criterionCode: ch.criterionCode,
    fromLevel: ch.fromLevel,
    toLevel: ch.toLevel,
    direction: ch.direction,
    deltaPoints: ch.deltaCenti / 100,
    newMean: exactMean(ch.newMean, decimals, bandEdgesCenti(p.ranking.legalBasis)),
    newBandStar: ch.newBandStar,
    newCap: ch.newCap,
    newFinalStar: ch.newFinalStar,
    spreadWithinLimitAfter: ch.spreadWithinLimitAfter,
    explanation: explainChangeVi(ch, p.ranking, { memberName: name }),
  }));
  return {
    registrationId: p.agenda.registrationId,
    productCode: p.agenda.productCode,
    productName: p.agenda.productName,
    finalStar: p.ranking.finalStar,
    mean: p.ranking.mean ? exactMean(p.ranking.mean, decimals, bandEdgesCenti(p.ranking.legalBasis)) : null,
    nearEdge: edgeView(p.sensitivity.nearEdge, decimals),
    changes,
  };
}

/** Products near a band edge or with star-changing single changes (all of them for one product). */
export async function sessionSensitivity(
  conn: Conn,
  sessionId: number,
  marginPoints: number,
  registrationId?: number,
): Promise<{ marginPoints: number; products: ProductSensitivity[] }> {
  const c = await computeSession(conn, sessionId, marginPoints, registrationId);
  const products = c.products
    .map((p) => productSensitivity(p, c.data))
    .filter((p) => registrationId !== undefined || p.nearEdge !== null || p.changes.length > 0);
  return { marginPoints, products };
}
