/** Mapping results and session people onto the document DTOs (points → integer centi-points). */
import type { ProductResult, SessionResults } from '../../../../shared/api/channels/results';
import type { SessionMember } from '../../../../shared/api/channels/sessions';
import type { Member, Product, SummaryRow } from '../types';
import type { ProducerContact } from './producer-contacts';
import { joinPositionOffice } from '../../../../shared/ocop/person-office';

/** 85.5 → 8550; the results service already holds whole centi-points, rounding only undoes float noise. */
export const centi = (points: number): number => Math.round(points * 100);

/** A product as documents print it; the address and phone come with the session's facts (producer-contacts.ts). */
export function productOf(p: ProductResult & Partial<ProducerContact>): Product {
  return {
    registrationId: p.registrationId,
    code: p.productCode,
    name: p.productName,
    producerName: p.producerName,
    producerAddress: p.producerAddress ?? '',
    producerPhone: p.producerPhone ?? '',
    setName: p.criteriaSet.name,
    kind: p.registrationKind,
  };
}

export function memberOf(m: SessionMember): Member {
  return {
    id: m.memberId,
    fullName: m.fullName,
    office: joinPositionOffice(m.position, m.office).slice(0, 300),
    role: m.role,
  };
}

/** Scoring members in their session order: the TV1 … TVn columns. */
export function scoringMembers(results: SessionResults, members: readonly SessionMember[]): SessionMember[] {
  const scoring = new Set(results.members.filter((m) => m.scores).map((m) => m.memberId));
  return members.filter((m) => scoring.has(m.memberId)).sort((a, b) => a.order - b.order);
}

export function summaryRowOf(p: ProductResult, columns: readonly SessionMember[]): SummaryRow {
  const totals = new Map(p.memberTotals.map((t) => [t.memberId, t.totalPoints]));
  const total = (id: number): number | null => (totals.has(id) ? centi(totals.get(id)!) : null);
  return {
    product: productOf(p),
    totalsCenti: columns.map((m) => total(m.memberId)),
    mean: p.mean ? { sumCenti: p.mean.sumCenti, count: p.mean.count } : null,
    spreadCenti: p.spread ? centi(p.spread.points) : null,
    // The minima of the star the mean reached: met unless a criterion lowered it (cappingCriteria).
    minimaMet: p.mean && p.status === 'complete' ? p.cappingCriteria.length === 0 : null,
    bandStar: p.bandStar as SummaryRow['bandStar'],
    cappedBy: p.cappingCriteria.map((c) => ({ code: c.code, requiredStars: c.requiredStars as 3 | 4 | 5 })),
    star: p.status === 'complete' ? (p.finalStar as SummaryRow['star']) : null,
    note: '',
  };
}
