/**
 * The band star of a mean total under a legal basis (Điều 3 of 26/2026; Điều 1 of 1048).
 *
 * Always on the exact, unrounded mean. Every basis's bands are decided by their lower bounds
 * alone: 26/2026 is half-open (70 ≤ x < 90 is 4★), and under 1048 ("70–89") a mean between
 * two written bands such as 89,5 stays in the lower band (ADR 0003).
 */
import { getLegalBasis, type LegalBasisId, type Star, type StarBand } from './legal-basis';
import { makeMean, toCenti, type Mean } from './score';

const MAX_TOTAL_CENTI = 10000;

function checkRange(mean: Mean): void {
  if (mean.sumCenti < 0 || mean.sumCenti > MAX_TOTAL_CENTI * mean.count) {
    throw new RangeError(`Mean total ${mean.sumCenti / mean.count / 100} is outside 0–100; check the criteria set's points`);
  }
}

/** Band star from an exact total: the highest band whose lower bound the mean reaches. */
export function bandStarFromSum(sumCenti: number, count: number, basis: LegalBasisId): Star {
  const bands = getLegalBasis(basis).bands; // highest star first
  for (const band of bands) {
    if (sumCenti >= band.minCenti * count) return band.stars;
  }
  return 1;
}

export function bandStar(mean: Mean, basis: LegalBasisId): Star {
  makeMean(mean.sumCenti, mean.count);
  checkRange(mean);
  return bandStarFromSum(mean.sumCenti, mean.count, basis);
}

/** Convenience for a single value with at most 2 decimals (tests, UI previews). */
export function bandStarOfPoints(points: number, basis: LegalBasisId): Star {
  return bandStar({ sumCenti: toCenti(points, 'mean'), count: 1 }, basis);
}

export function bandFor(basis: LegalBasisId, star: Star): StarBand {
  const band = getLegalBasis(basis).bands.find((b) => b.stars === star);
  if (!band) throw new RangeError(`No ${star}-star band under ${basis}`);
  return band;
}
