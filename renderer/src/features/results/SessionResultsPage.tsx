import { Anchor, Badge, Button, Group, NumberInput, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconLock, IconLockOpen, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SessionResults } from '../../../../shared/api/channels/results';
import { useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { QueryFallback } from '../../components/QueryFallback';
import { useRoundName } from '../../i18n/data-text';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';
import { STATUS_COLOR } from '../sessions/status';
import { FinalizeBlockers, FinalizationHistory, LockBanner } from './FinalizationPanels';
import { FinalizeModal } from './FinalizeModal';
import { ProductDrawer } from './ProductDrawer';
import { ReopenModal } from './ReopenModal';
import { ResultsTable } from './ResultsTable';

/** Light badges and alerts print their text in the pale accent colour; dark text keeps 4.5:1 contrast. */
const DARK_LABEL = { label: { color: 'var(--mantine-color-dark-7)' } } as const;

function Summary({ r }: { r: SessionResults }) {
  const { t } = useT();
  const s = r.summary;
  const open = s.products - s.byStatus.complete - s.byStatus.disqualified;
  const cells: [string, number, string?][] = [
    [t('results:summary.products'), s.products],
    [t('results:summary.complete'), s.byStatus.complete],
    [t('results:summary.open'), open, open > 0 ? 'red.9' : undefined],
    [t('results:summary.recognised'), s.recognised],
    [t('results:summary.central'), s.proposedToCentral],
    [t('results:summary.sensitive'), s.sensitive, s.sensitive > 0 ? 'red.9' : undefined],
  ];
  return (
    <Paper withBorder px="md" py={8} data-testid="results-summary" style={{ flex: 1 }}>
      <Group gap="xl" wrap="nowrap">
        {cells.map(([label, value, color]) => (
          <Stack key={label} gap={0}>
            <Text fz={22} fw={700} c={color} lh={1.2}>
              {value}
            </Text>
            <Text size="sm" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
              {label}
            </Text>
          </Stack>
        ))}
      </Group>
    </Paper>
  );
}

/** One session's results: the table, the details of a product, finalizing and reopening. */
export function SessionResultsPage() {
  const { t } = useT();
  const roundName = useRoundName();
  const sessionId = Number(useParams().sessionId);
  const [margin, setMargin] = useState<number>(1);
  const [marginPoints] = useDebouncedValue(margin, 300);
  const [detailOf, setDetailOf] = useState<number | null>(null);
  const [finalizing, setFinalizing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const q = useApiQuery('results:session', { sessionId, marginPoints }, { placeholderData: keepPreviousData });
  if (q.isPending || q.isError) return <QueryFallback query={q} />;
  const r = q.data;
  const s = r.session;
  return (
    <Stack maw={1400} gap="sm">
      <BackLink to="/results" label={t('results:back')} />
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={2} fz={26}>
              {t('results:heading', { number: s.number })}
            </Title>
            <Badge
              size="lg"
              variant="light"
              color={STATUS_COLOR[s.status]}
              leftSection={r.locked ? <IconLock size={14} /> : undefined}
              styles={DARK_LABEL}
              data-testid="results-session-status"
            >
              {t(`sessions:status.${s.status}`)}
            </Badge>
          </Group>
          <Text>
            {s.councilName} ·{' '}
            <Anchor component={Link} to={`/sessions/${s.id}`}>
              {t('results:sessionLink')}
            </Anchor>{' '}
            ·{' '}
            <Anchor component={Link} to={`/documents?session=${s.id}`}>
              {t('results:documentsLink')}
            </Anchor>
          </Text>
          <Text c="gray.7">
            {t('results:when', { date: dateText(s.date), round: roundName(s.roundName), basis: s.legalBasis })}
          </Text>
        </Stack>
        {r.locked ? (
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button component={Link} to={`/documents?session=${s.id}`} leftSection={<IconFileText size={18} />}>
              {t('results:documentsButton')}
            </Button>
            <Button variant="default" leftSection={<IconLockOpen size={18} />} onClick={() => setReopening(true)}>
              {t('results:reopen.button')}
            </Button>
          </Group>
        ) : (
          <Button
            leftSection={<IconRosetteDiscountCheck size={18} />}
            onClick={() => setFinalizing(true)}
            disabled={!r.finalizable}
            style={{ flexShrink: 0 }}
          >
            {t('results:finalize.button')}
          </Button>
        )}
      </Group>
      {r.locked && r.finalization && <LockBanner f={r.finalization} />}
      {!r.locked && !r.finalizable && <FinalizeBlockers r={r} />}
      <Group align="stretch" wrap="nowrap">
        <Summary r={r} />
        <Tooltip label={t('results:marginHelp')} multiline w={280}>
          <NumberInput
            label={t('results:margin')}
            value={margin}
            onChange={(v) => setMargin(typeof v === 'number' ? v : 0)}
            min={0}
            max={10}
            step={0.5}
            decimalScale={2}
            decimalSeparator=","
            w={200}
          />
        </Tooltip>
      </Group>
      {r.products.length === 0 ? <Text c="gray.7">{t('results:empty')}</Text> : <ResultsTable results={r} onOpen={setDetailOf} />}
      {r.history.length > 0 && <FinalizationHistory r={r} />}
      {detailOf !== null && (
        <ProductDrawer
          sessionId={sessionId}
          registrationId={detailOf}
          marginPoints={marginPoints}
          onClose={() => setDetailOf(null)}
        />
      )}
      {finalizing && <FinalizeModal results={r} marginPoints={marginPoints} onClose={() => setFinalizing(false)} />}
      {reopening && <ReopenModal results={r} onClose={() => setReopening(false)} />}
    </Stack>
  );
}
