import { Text, type TextProps } from '@mantine/core';
import type { RegistrationOutcome } from '../../../../shared/api/channels/dossiers-fields';
import { useT } from '../../i18n/useT';

/** "4 sao — được công nhận", "2 sao — không được công nhận", "5 sao — đề nghị Trung ương", "Hồ sơ bị loại". */
export function outcomeKey(o: RegistrationOutcome): 'disqualified' | 'central' | 'recognised' | 'notRecognised' {
  if (o.status === 'disqualified') return 'disqualified';
  if (o.proposedToCentral) return 'central';
  return o.recognised ? 'recognised' : 'notRecognised';
}

export function OutcomeText({ outcome, ...props }: { outcome: RegistrationOutcome } & TextProps) {
  const { t } = useT();
  const key = outcomeKey(outcome);
  return (
    <Text fw={600} c={key === 'recognised' || key === 'central' ? 'teal.9' : 'gray.8'} {...props}>
      {key === 'disqualified' ? t('dossiers:outcome.disqualified') : t(`dossiers:outcome.${key}`, { count: outcome.stars ?? 0 })}
    </Text>
  );
}
