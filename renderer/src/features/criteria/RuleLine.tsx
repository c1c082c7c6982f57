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
  let text: string;
  switch (rule.kind) {
    case 'disqualify':
      label = rule.criterionCode === null ? t('criteria:rule.disqualifySet') : t('criteria:rule.disqualify');
      text = rule.condition;
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
        text = rule.trigger.condition;
      }
      text += ` → ${rule.skip === 'following' ? t('criteria:rule.skipFollowing') : t('criteria:rule.skipOthers')}`;
      break;
    case 'conditional':
      label = t('criteria:rule.conditional');
      text = `${rule.condition} → ${t('criteria:rule.conditionalEffect')}`;
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
      <Text size="sm">{text}</Text>
    </Group>
  );
}
