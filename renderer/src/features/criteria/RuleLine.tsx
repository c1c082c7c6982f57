import { Badge, Group, Text } from '@mantine/core';
import type { CriteriaRule } from '../../../../shared/ocop/criteria-set';
import { useT } from '../../i18n/useT';

const COLOR = { disqualify: 'red', stop: 'orange', conditional: 'blue', caseChoice: 'grape' } as const;

/**
 * One rule a note states, as the scoring sheet will apply it: a labelled badge (the kind) and the
 * condition and effect in words. The note itself stays printed verbatim above it.
 */
export function RuleLine({ rule }: { rule: CriteriaRule }) {
  const { t } = useT();
  let label: string;
  // The set's own words (Vietnamese, ADR 0020) and the app's explanation of them (interface language).
  let condition = '';
  let text: string;
  switch (rule.kind) {
    case 'disqualify':
      label = rule.criterionCode === null ? t('criteria:rule.disqualifySet') : t('criteria:rule.disqualify');
      condition = rule.condition;
      text = '';
      break;
    case 'stop':
      if (rule.trigger.type === 'levels') {
        label = t('criteria:rule.stopLabel');
        text = t('criteria:rule.stopLevels', {
          levels: rule.trigger.levels
            .map((l) => t('criteria:rule.levelRef', { code: l.criterionCode, n: l.levelIndex + 1 }))
            .join('; '),
        });
      } else {
        label = t('criteria:rule.stop');
        condition = rule.trigger.condition;
        text = '';
      }
      text += `${text ? ' ' : ''}→ ${rule.skip === 'following' ? t('criteria:rule.skipFollowing') : t('criteria:rule.skipOthers')}`;
      break;
    case 'conditional':
      label = t('criteria:rule.conditional');
      condition = rule.condition;
      text = `→ ${t('criteria:rule.conditionalEffect')}`;
      break;
    case 'caseChoice':
      label = t('criteria:form.case');
      text = t('criteria:rule.caseChoice');
      break;
  }
  return (
    <Group gap={8} wrap="nowrap" align="flex-start" data-testid={`rule-${rule.id}`}>
      <Badge color={COLOR[rule.kind]} variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
        {label}
      </Badge>
      <Text size="sm">
        {condition && <span lang="vi">{condition}</span>}
        {condition && text ? ' ' : ''}
        {text}
      </Text>
    </Group>
  );
}
