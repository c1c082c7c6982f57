import { List, Text } from '@mantine/core';
import type { CouncilRulesInput } from '../../../../shared/api/channels/councils';
import { useT } from '../../i18n/useT';

/**
 * The council's rules in plain sentences, as a secretary would read them out: what counts as a
 * quorum (with the number for this council), the spread, the mean, the star minima, rounding
 * and score visibility.
 */
export function RulesExplanation({ rules, memberCount }: { rules: CouncilRulesInput; memberCount?: number }) {
  const { t } = useT();
  const num = rules.quorumNumerator;
  const den = rules.quorumDenominator;
  const required = memberCount === undefined ? null : Math.max(1, Math.ceil((num * memberCount) / den));
  const items = [
    rules.chairRequired
      ? t('councils:rules.explain.quorumWithChair', { num, den })
      : t('councils:rules.explain.quorum', { num, den }),
    ...(required !== null && memberCount ? [t('councils:rules.explain.quorumCount', { members: memberCount, required })] : []),
    rules.spreadLimitAllowed
      ? t('councils:rules.explain.spreadAllowed', { limit: rules.spreadLimit })
      : t('councils:rules.explain.spreadStrict', { limit: rules.spreadLimit }),
    t('councils:rules.explain.mean'),
    ...(rules.showInfoAggregates ? [t('councils:rules.explain.infoAggregates')] : []),
    rules.minimaRule === 'mean' ? t('councils:rules.explain.minimaMean') : t('councils:rules.explain.minimaEveryMember'),
    t('councils:rules.explain.decimals', { count: rules.displayDecimals }),
    rules.membersSeeOthersBeforeSubmit ? t('councils:rules.explain.seeOthers') : t('councils:rules.explain.hideOthers'),
  ];
  return (
    <List spacing="xs" data-testid="rules-explanation">
      {items.map((s) => (
        <List.Item key={s}>
          <Text>{s}</Text>
        </List.Item>
      ))}
    </List>
  );
}
