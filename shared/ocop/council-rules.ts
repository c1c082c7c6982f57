/**
 * The rules a council sets in its Quy chế hoạt động that the ranking applies (issue 5 §2).
 * Defaults are the provincial practice of DOMAIN §6 (Tây Ninh, Đồng Tháp): quorum ≥ 3/4 with the
 * chair, spread ≤ 10 points, arithmetic mean, minima on the council mean.
 */
import { checkMinimaRule, type MinimaRule } from './minima';
import { checkQuorumRule, DEFAULT_QUORUM_RULE, type QuorumRule } from './quorum';
import { RulesInputError } from './rules-error';
import { DEFAULT_SPREAD_RULE, spreadLimitCenti, type SpreadRule } from './spread';

/** Only the mean decides; median and trimmed mean are shown for information (issue 5). */
export type Aggregation = 'mean';

export interface CouncilRules {
  readonly aggregation: Aggregation;
  readonly minima: MinimaRule;
  readonly spread: SpreadRule;
  readonly quorum: QuorumRule;
  /** Maximum decimals when a mean is displayed (trailing zeros trimmed). */
  readonly displayDecimals: number;
}

export const DEFAULT_COUNCIL_RULES: CouncilRules = {
  aggregation: 'mean',
  minima: 'mean',
  spread: DEFAULT_SPREAD_RULE,
  quorum: DEFAULT_QUORUM_RULE,
  displayDecimals: 2,
};

export const MAX_DISPLAY_DECIMALS = 4;

export function checkCouncilRules(rules: CouncilRules): void {
  if (rules.aggregation !== 'mean') {
    throw new RulesInputError(
      'INVALID_RULE',
      `Aggregation must be 'mean' (median and trimmed mean are informative only), got ${JSON.stringify(rules.aggregation)}`,
      { field: 'aggregation' },
    );
  }
  checkMinimaRule(rules.minima);
  spreadLimitCenti(rules.spread);
  checkQuorumRule(rules.quorum);
  const d = rules.displayDecimals;
  if (!Number.isInteger(d) || d < 0 || d > MAX_DISPLAY_DECIMALS) {
    throw new RulesInputError(
      'INVALID_RULE',
      `displayDecimals must be a whole number from 0 to ${MAX_DISPLAY_DECIMALS}, got ${d}`,
      { field: 'displayDecimals' },
    );
  }
}
