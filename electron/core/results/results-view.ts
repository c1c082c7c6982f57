import type {
  ExactMean,
  FinalizeBlocker,
  MinimumShortfall,
  ProductResult,
  ResultStatus,
  SessionResults,
} from '../../../shared/api/channels/results';
import { explainRankingVi, explainStarVi } from '../../../shared/ocop/explain-vi';
import { bandEdgesCenti } from '../../../shared/ocop/legal-basis';
import type { MinimaShortfall } from '../../../shared/ocop/minima';
import { formatMean, meanToNumber, type Mean } from '../../../shared/ocop/score';
import type { EdgeProximity } from '../../../shared/ocop/sensitivity';
import type { ComputedProduct } from './compute-results';
import type { MemberFacts, SessionData } from './session-data';

/** Shapes computed results into the contract's types (points as numbers, means exact + display). */

export function exactMean(mean: Mean, decimals: number, bandEdgesCenti: readonly number[] = []): ExactMean {
  return {
    sumCenti: mean.sumCenti,
    count: mean.count,
    value: meanToNumber(mean),
    display: formatMean(mean, { decimals, bandEdgesCenti }),
  };
}

const points = (centi: number): number => centi / 100;

function shortfall(s: MinimaShortfall, decimals: number): MinimumShortfall {
  return {
    code: s.code,
    requiredStars: s.requiredStars,
    requiredPoints: points(s.requiredCenti),
    actual: exactMean(s.actual, decimals),
    failingMemberIds: [...s.failingMemberIds],
  };
}

export function edgeView(e: EdgeProximity | null, decimals: number): ProductResult['sensitivity']['nearEdge'] {
  return e ? { edgePoints: points(e.edgeCenti), distance: exactMean(e.distance, decimals), side: e.side } : null;
}

export const memberNamer = (members: readonly MemberFacts[]) => {
  const names = new Map(members.map((m) => [m.memberId, m.fullName]));
  return (id: number): string => names.get(id) ?? `thành viên ${id}`;
};

export function toProductResult(c: ComputedProduct, data: SessionData): ProductResult {
  const r = c.ranking;
  const decimals = r.displayDecimals;
  // A mean just below a band edge never reads as the edge ("89,99", not "90").
  const edges = bandEdgesCenti(r.legalBasis);
  const info = data.session.rules.showInfoAggregates;
  return {
    position: c.agenda.position,
    registrationId: c.agenda.registrationId,
    registrationNo: c.agenda.registrationNo,
    registrationKind: c.agenda.registrationKind,
    previousStar: c.agenda.registrationKind === 'first' ? null : (c.agenda.currentStars as 1 | 2 | 3 | 4 | 5 | null),
    productId: c.agenda.productId,
    productCode: c.agenda.productCode,
    productName: c.agenda.productName,
    producerName: c.agenda.producerName,
    criteriaSet: {
      versionId: c.version.versionId,
      setKey: c.version.setKey,
      setNo: c.version.set.setNo,
      version: c.version.version,
      name: c.version.name,
      contentHash: c.version.contentHash,
    },
    legalBasis: r.legalBasis,
    rescoringRound: c.rescoringRound,
    memberTotals: r.members.map((m) => ({
      memberId: m.memberId,
      totalPoints: points(m.totalCenti),
      stopped: c.evaluations.get(m.memberId)?.stopped ?? false,
      disqualified: m.disqualified,
    })),
    expectedMemberIds: [...r.expectedMemberIds],
    missingSheetMemberIds: [...r.missingSheetMemberIds],
    recusedMemberIds: c.recusedMemberIds,
    quorum: {
      met: r.quorum.met,
      participating: r.quorum.participating,
      needed: r.quorum.needed,
      councilSize: r.quorum.councilSize,
    },
    // The ranking already formatted these with the same decimals (and the mean with the band edges).
    partMeans: r.partMeans.map((p) => ({
      part: p.part,
      mean: { sumCenti: p.mean.sumCenti, count: p.mean.count, value: meanToNumber(p.mean), display: p.display },
    })),
    mean: r.mean
      ? {
          sumCenti: r.mean.sumCenti,
          count: r.mean.count,
          value: meanToNumber(r.mean),
          display: r.meanDisplay ?? exactMean(r.mean, decimals, edges).display,
        }
      : null,
    median: info && r.median ? exactMean(r.median, decimals) : null,
    trimmedMean: info && r.trimmedMean ? exactMean(r.trimmedMean, decimals) : null,
    spread: r.spread
      ? {
          points: points(r.spread.spreadCenti),
          limitPoints: points(r.spread.limitCenti),
          limitAllowed: r.spread.limitAllowed,
          withinLimit: r.spread.withinLimit,
          lowestMemberIds: [...r.spread.lowestMemberIds],
          highestMemberIds: [...r.spread.highestMemberIds],
        }
      : null,
    bandStar: r.bandStar,
    cap: r.cap,
    cappingCriteria: r.cappingCriteria.map((s) => shortfall(s, decimals)),
    minimaShortfalls: r.minimaShortfalls.map((s) => shortfall(s, decimals)),
    finalStar: r.finalStar,
    recognised: r.recognition.recognised,
    recognitionLevel: r.recognition.level,
    proposedToCentral: r.proposedToCentral,
    status: r.status,
    provisional: r.provisional,
    reason: explainRankingVi(r, { memberName: memberNamer(data.members) }),
    starExplanation: explainStarVi(r),
    sensitivity: { nearEdge: edgeView(c.sensitivity.nearEdge, decimals), changeCount: c.sensitivity.changes.length },
  };
}

/** Products that block finalizing: anything not complete and not disqualified. */
export const RESOLVED: readonly ResultStatus[] = ['complete', 'disqualified'];

export function finalizeBlockers(data: SessionData, products: readonly ProductResult[]): FinalizeBlocker[] {
  const out: FinalizeBlocker[] = [];
  const s = data.session.status;
  if (s === 'finalized')
    out.push({ code: 'already_finalized', message: `Session ${data.session.id} is already finalized`, registrationIds: [] });
  else if (s !== 'closed') {
    out.push({
      code: 'session_not_closed',
      message: `Session ${data.session.id} is ${s === 'preparing' ? 'still in preparation' : 'still in progress'}; close it (Sessions screen) before finalizing`,
      registrationIds: [],
    });
  }
  if (products.length === 0)
    out.push({ code: 'empty_agenda', message: `Session ${data.session.id} has no product on its agenda`, registrationIds: [] });
  const open = products.filter((p) => !RESOLVED.includes(p.status));
  if (open.length > 0) {
    out.push({
      code: 'products_unresolved',
      message: `${open.length} product(s) have no final result yet: ${open.map((p) => `${p.productCode} (${p.status})`).join(', ')}`,
      registrationIds: open.map((p) => p.registrationId),
    });
  }
  return out;
}

export const isSensitive = (p: ProductResult): boolean => p.sensitivity.nearEdge !== null || p.sensitivity.changeCount > 0;

export function summaryOf(products: readonly ProductResult[]): SessionResults['summary'] {
  const byStatus: Record<ResultStatus, number> = {
    complete: 0,
    waiting_for_sheets: 0,
    spread_unresolved: 0,
    quorum_not_met: 0,
    disqualified: 0,
  };
  const byFinalStar: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const p of products) {
    byStatus[p.status]++;
    if (p.status === 'complete' && p.finalStar !== null) byFinalStar[String(p.finalStar)]!++;
  }
  return {
    products: products.length,
    byStatus,
    byFinalStar,
    recognised: products.filter((p) => p.recognised).length,
    proposedToCentral: products.filter((p) => p.proposedToCentral).length,
    sensitive: products.filter(isSensitive).length,
  };
}
