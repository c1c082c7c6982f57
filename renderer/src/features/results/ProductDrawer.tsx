import { Alert, Badge, Drawer, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowDownRight, IconArrowUpRight, IconEqual } from '@tabler/icons-react';
import type { CriterionDetail, ProductDetail } from '../../../../shared/api/channels/results';
import { useApiQuery } from '../../api/hooks';
import { useNumberFormat } from '../../i18n/numbers';
import { useT } from '../../i18n/useT';
import { SensitivityPanel } from './SensitivityPanel';
import { StarRank } from './StarRank';
import { RESULT_STATUS_COLOR } from './status';
import { QueryFallback } from '../../components/QueryFallback';

function MembersParts({ d }: { d: ProductDetail }) {
  const { t } = useT();
  const { num: pts, text } = useNumberFormat();
  const byMember = new Map(d.memberParts.map((m) => [m.memberId, m]));
  return (
    <Table withTableBorder striped fz="md" data-testid="members-parts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('results:detail.member')}</Table.Th>
          {d.parts.map((p) => (
            <Table.Th key={p.code} ta="right">
              {t('results:detail.part', { code: p.code })} ({p.max})
            </Table.Th>
          ))}
          <Table.Th ta="right">{t('results:detail.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.members
          .filter((m) => m.scores)
          .map((m) => {
            const row = byMember.get(m.memberId);
            return (
              <Table.Tr key={m.memberId}>
                <Table.Td>
                  <Text>{m.fullName}</Text>
                  {!row && (
                    <Text size="sm" c="gray.7">
                      {t(`results:detail.sheetState.${m.sheetState}`)}
                    </Text>
                  )}
                </Table.Td>
                {d.parts.map((p, i) => (
                  <Table.Td key={p.code} ta="right">
                    {row ? pts(row.parts[i]!) : '—'}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700}>
                  {row ? pts(row.total) : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        <Table.Tr>
          <Table.Td fw={700}>{t('results:detail.mean')}</Table.Td>
          {d.product.partMeans.map((p) => (
            <Table.Td key={p.part} ta="right" fw={700}>
              {text(p.mean.display)}
            </Table.Td>
          ))}
          <Table.Td ta="right" fw={700}>
            {d.product.mean ? text(d.product.mean.display) : '—'}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

const SELF_ICON = { over: IconArrowUpRight, under: IconArrowDownRight, equal: IconEqual } as const;

function CriterionRow({ c }: { c: CriterionDetail }) {
  const { t } = useT();
  const { num: pts, text } = useNumberFormat();
  const marks = ([3, 4, 5] as const).filter((s) => c.required[s] !== null);
  const Icon = c.selfVsMembers ? SELF_ICON[c.selfVsMembers] : null;
  return (
    <Table.Tr>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text fw={700}>{c.code}</Text>
        <Text size="sm">{c.title}</Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Stack gap={2}>
          {c.levels.map((l, i) => (
            <Group key={l.index} gap={6} wrap="nowrap">
              <Text size="sm" w={110} style={{ whiteSpace: 'nowrap' }}>
                {t('results:detail.level', { n: l.index + 1, points: pts(l.points) })}
              </Text>
              <Text size="sm" fw={c.distribution[i]! > 0 ? 700 : 400} c={c.distribution[i]! > 0 ? undefined : 'gray.7'}>
                {c.distribution[i]}
              </Text>
              {l.minForStars !== null && (
                <Badge size="sm" variant="outline" color="dark.6">
                  {'*'.repeat(l.minForStars)}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td ta="right" style={{ verticalAlign: 'top' }} fw={700}>
        {c.meanPoints ? text(c.meanPoints.display) : '—'}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        {c.selfAssessment ? (
          <Stack gap={2}>
            <Text>{pts(c.selfAssessment.points)}</Text>
            {Icon && c.selfVsMembers !== 'equal' && (
              <Group gap={4} wrap="nowrap">
                <Icon size={14} aria-hidden />
                <Text size="sm" c={c.selfVsMembers === 'over' ? 'red.9' : 'blue.9'}>
                  {t(`results:detail.selfVs.${c.selfVsMembers!}`)}
                </Text>
              </Group>
            )}
          </Stack>
        ) : (
          <Text c="gray.7">—</Text>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        {marks.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('results:detail.noMark')}
          </Text>
        ) : (
          <Stack gap={2}>
            {marks.map((s) => (
              <Text key={s} size="sm">
                {t('results:detail.minimumFor', { stars: s, points: pts(c.required[s]!) })}
              </Text>
            ))}
            {c.allowsStars !== null && c.allowsStars < 5 && (
              <Group gap={4} wrap="nowrap">
                <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-hidden />
                <Text size="sm" fw={700} c="red.9">
                  {t('results:detail.allows', { stars: c.allowsStars })}
                </Text>
              </Group>
            )}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One product: how the star was reached, members × parts, every criterion, sensitivity. */
export function ProductDrawer({
  sessionId,
  registrationId,
  marginPoints,
  onClose,
}: {
  sessionId: number;
  registrationId: number;
  marginPoints: number;
  onClose: () => void;
}) {
  const { t } = useT();
  const { num: pts, text } = useNumberFormat();
  const q = useApiQuery('results:product', { sessionId, registrationId, marginPoints });
  const d = q.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="80%"
      title={<Title order={3}>{d ? `${d.product.productName} — ${d.product.productCode}` : t('results:detail.title')}</Title>}
    >
      {(q.isPending || q.isError) && <QueryFallback query={q} />}
      {d && (
        <Stack gap="lg" data-testid="product-detail">
          <Group gap="xl" align="flex-start">
            <Stack gap={2}>
              <Text size="sm" c="gray.7">
                {t('results:detail.producer')}
              </Text>
              <Text>{d.product.producerName}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" c="gray.7">
                {t('results:detail.set')}
              </Text>
              <Text>
                {d.product.criteriaSet.name} (
                {t('results:setCustom', { key: d.product.criteriaSet.setKey, version: d.product.criteriaSet.version })})
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" c="gray.7">
                {t('results:columns.final')}
              </Text>
              <StarRank stars={d.product.finalStar} dimmed={d.product.provisional} />
            </Stack>
            <Badge
              size="lg"
              variant="light"
              color={RESULT_STATUS_COLOR[d.product.status]}
              styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
            >
              {t(`results:status.${d.product.status}`)}
            </Badge>
          </Group>
          <Alert
            color={d.product.cappingCriteria.length > 0 ? 'orange' : 'blue'}
            variant="light"
            title={t('results:detail.rule')}
            styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
            data-testid="star-explanation"
          >
            <Text>{d.product.reason}</Text>
            {d.product.median && d.product.trimmedMean && (
              <Text size="sm" c="gray.7" mt={4}>
                {t('results:detail.median', {
                  median: text(d.product.median.display),
                  trimmed: text(d.product.trimmedMean.display),
                })}
              </Text>
            )}
          </Alert>
          {d.rescoringRounds.length > 0 && (
            <List size="sm">
              {d.rescoringRounds.map((r) => (
                <List.Item key={r.roundNo}>{t('results:detail.rescoring', { n: r.roundNo, reason: r.reason })}</List.Item>
              ))}
            </List>
          )}
          <Stack gap="xs">
            <Title order={4}>{t('results:detail.membersParts')}</Title>
            <MembersParts d={d} />
          </Stack>
          <Paper withBorder p="md">
            <SensitivityPanel s={d.sensitivity} scorerCount={d.memberParts.length} />
          </Paper>
          <Stack gap="xs">
            <Title order={4}>{t('results:detail.criteria')}</Title>
            {d.selfAssessmentTotal !== null && (
              <Text>{t('results:detail.selfTotal', { points: pts(d.selfAssessmentTotal) })}</Text>
            )}
            <Table withTableBorder striped fz="md" data-testid="criteria-detail">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('results:detail.code')}</Table.Th>
                  <Table.Th>{t('results:detail.distribution')}</Table.Th>
                  <Table.Th ta="right">{t('results:detail.meanPoints')}</Table.Th>
                  <Table.Th>{t('results:detail.self')}</Table.Th>
                  <Table.Th>{t('results:detail.minimum')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.criteria.map((c) => (
                  <CriterionRow key={c.code} c={c} />
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
