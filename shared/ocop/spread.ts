/**
 * Spread (chênh lệch) between members' totals: max − min. Provincial rules (Tây Ninh, Đồng Tháp,
 * DOMAIN §6): members' totals must not differ by more than 10 points, otherwise the council
 * discusses and re-scores. `limitAllowed` says whether a spread of exactly the limit is fine
 * (default: yes, "không quá 10 điểm"); other software disagrees on this boundary, so it is a rule.
 */
import { RulesInputError } from './rules-error';
import { toCenti } from './score';

export interface SpreadRule {
  /** In points (up to 2 decimals). */
  readonly limit: number;
  /** true: spread ≤ limit is fine; false: spread must be < limit. */
  readonly limitAllowed: boolean;
}

export const DEFAULT_SPREAD_RULE: SpreadRule = { limit: 10, limitAllowed: true };

export interface MemberTotal {
  readonly memberId: number;
  readonly totalCenti: number;
}

export interface SpreadResult {
  readonly spreadCenti: number;
  readonly minCenti: number;
  readonly maxCenti: number;
  readonly lowestMemberIds: readonly number[];
  readonly highestMemberIds: readonly number[];
  readonly limitCenti: number;
  readonly limitAllowed: boolean;
  /** Within the rule; false means the council must discuss and re-score. */
  readonly withinLimit: boolean;
}

export function spreadLimitCenti(rule: SpreadRule): number {
  let limit: number;
  try {
    limit = toCenti(rule.limit, 'Spread limit');
  } catch (e) {
    throw new RulesInputError('INVALID_RULE', (e as Error).message, { field: 'spread.limit' });
  }
  if (limit < 0)
    throw new RulesInputError('INVALID_RULE', `Spread limit must be ≥ 0, got ${rule.limit}`, { field: 'spread.limit' });
  if (typeof rule.limitAllowed !== 'boolean') {
    throw new RulesInputError('INVALID_RULE', 'Spread rule needs limitAllowed: true or false', { field: 'spread.limitAllowed' });
  }
  return limit;
}

export const isSpreadWithin = (spreadCenti: number, limitCenti: number, limitAllowed: boolean): boolean =>
  limitAllowed ? spreadCenti <= limitCenti : spreadCenti < limitCenti;

export function evaluateSpread(totals: readonly MemberTotal[], rule: SpreadRule = DEFAULT_SPREAD_RULE): SpreadResult {
  const limitCenti = spreadLimitCenti(rule);
  if (totals.length === 0) throw new RulesInputError('NO_SHEETS', 'Spread needs at least one member total');
  let min = Infinity;
  let max = -Infinity;
  for (const t of totals) {
    if (!Number.isSafeInteger(t.totalCenti)) throw new RangeError(`Total of member ${t.memberId} must be integer centi-points`);
    if (t.totalCenti < min) min = t.totalCenti;
    if (t.totalCenti > max) max = t.totalCenti;
  }
  const ids = (v: number) =>
    totals
      .filter((t) => t.totalCenti === v)
      .map((t) => t.memberId)
      .sort((a, b) => a - b);
  const spreadCenti = max - min;
  return {
    spreadCenti,
    minCenti: min,
    maxCenti: max,
    lowestMemberIds: ids(min),
    highestMemberIds: ids(max),
    limitCenti,
    limitAllowed: rule.limitAllowed,
    withinLimit: isSpreadWithin(spreadCenti, limitCenti, rule.limitAllowed),
  };
}
