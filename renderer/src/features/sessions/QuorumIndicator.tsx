import { Alert, Badge, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { QuorumView } from '../../../../shared/api/channels/sessions';
import { useT } from '../../i18n/useT';

function problemsText(t: ReturnType<typeof useT>['t'], q: QuorumView): string[] {
  return q.problems.flatMap((p) =>
    p === 'chair_absent'
      ? [t('sessions:quorum.chairAbsent')]
      : p === 'chair_recused'
        ? [t('sessions:quorum.chairRecused')]
        : p === 'no_chair_in_council'
          ? [t('sessions:quorum.noChair')]
          : [],
  );
}

/** The session's quorum in words the biên bản uses; icon and wording carry the state, not colour alone. */
export function QuorumIndicator({ quorum, written }: { quorum: QuorumView; written: boolean }) {
  const { t } = useT();
  const vars = {
    present: quorum.participating,
    total: quorum.votingMembers,
    required: quorum.required,
    num: quorum.numerator,
    den: quorum.denominator,
  };
  const key = quorum.met ? (quorum.chairRequired ? 'metWithChair' : 'met') : quorum.chairRequired ? 'notMetWithChair' : 'notMet';
  return (
    <Alert
      role="status"
      aria-live="polite"
      data-testid="session-quorum"
      data-met={quorum.met}
      color={quorum.met ? 'green' : 'red'}
      variant="light"
      icon={quorum.met ? <IconCircleCheck /> : <IconAlertTriangle />}
      title={t('sessions:quorum.title')}
      // Dark text on the tinted background: 4.5:1 contrast for older eyes (axe); icon and words carry the state.
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
    >
      <Text fw={600}>{t(`sessions:quorum.${key}`, vars)}</Text>
      {problemsText(t, quorum).map((p) => (
        <Text key={p}>{p}</Text>
      ))}
      {written && (
        <Text size="sm" c="gray.7">
          {t('sessions:quorum.writtenNote')}
        </Text>
      )}
    </Alert>
  );
}

/** One product's quorum after recusals, as a compact badge with the reason in a tooltip. */
export function ProductQuorumBadge({ quorum, testId }: { quorum: QuorumView; testId?: string }) {
  const { t } = useT();
  const vars = { present: quorum.participating, total: quorum.votingMembers, required: quorum.required };
  const detail = [
    t('sessions:quorum.productDetail', { present: quorum.participating, recused: quorum.recused }),
    ...problemsText(t, quorum),
  ].join(' ');
  return (
    <Tooltip label={detail} multiline w={280}>
      <Badge
        data-testid={testId}
        data-met={quorum.met}
        size="lg"
        variant="light"
        color={quorum.met ? 'green' : 'red'}
        c="dark.8"
        leftSection={quorum.met ? <IconCircleCheck size={16} /> : <IconAlertTriangle size={16} />}
        style={{ textTransform: 'none' }}
      >
        {quorum.met ? t('sessions:quorum.product.met', vars) : t('sessions:quorum.product.notMet', vars)}
      </Badge>
    </Tooltip>
  );
}
