import { Group, Stack, Table, Text } from '@mantine/core';
import { Fragment, useEffect } from 'react';
import type { CriteriaGroup, CriteriaPart, CriteriaSet, Criterion } from '../../../../shared/ocop/criteria-set';
import { isSingleCriterionGroup, levelsByCase, rulesFor } from '../../../../shared/ocop/criteria-set-walk';
import { useT } from '../../i18n/useT';
import { ReviewBadge } from './ReviewBadge';
import { RuleLine } from './RuleLine';
import { StarMarkBadge } from './StarMarkBadge';

/**
 * A criteria set laid out as the official form (Phụ lục II, "kiêm phiếu đánh giá"): per part a
 * table of groups, criteria and their "□" answer levels with points, the star marks as badges,
 * the notes verbatim, the rules they state, and the places to check against the signed text.
 */
export function CriteriaForm({ set, focusCode }: { set: CriteriaSet; focusCode?: string | null }) {
  const { t } = useT();
  // Arriving from a search hit (?c=1.5): bring that criterion into view once the rows exist.
  useEffect(() => {
    if (focusCode) document.getElementById(`criterion-${focusCode}`)?.scrollIntoView({ block: 'center' });
  }, [set, focusCode]);
  return (
    <Stack gap="lg">
      {set.parts.map((part) => (
        <PartTable key={part.code} part={part} set={set} focusCode={focusCode ?? null} />
      ))}
      <Group justify="space-between" px="sm" py="xs" bg="gray.1" style={{ borderRadius: 4 }}>
        <Text fw={700}>{t('criteria:form.total')}</Text>
        <Text fw={700} data-testid="form-total">
          {t('criteria:form.points', { count: set.total })}
        </Text>
      </Group>
    </Stack>
  );
}

function PartTable({ part, set, focusCode }: { part: CriteriaPart; set: CriteriaSet; focusCode: string | null }) {
  const { t } = useT();
  const headingId = `part-title-${part.code}`;
  return (
    <Table
      withTableBorder
      withColumnBorders
      layout="fixed"
      verticalSpacing={6}
      aria-labelledby={headingId}
      data-testid={`part-${part.code}`}
    >
      <colgroup>
        <col style={{ width: 64 }} />
        <col />
        <col style={{ width: 72 }} />
        <col style={{ width: 150 }} />
      </colgroup>
      <Table.Thead>
        <Table.Tr bg="red.0">
          <Table.Th colSpan={2}>
            <Text fw={700} size="lg" component="span" id={headingId}>
              {t('scoring:sheet.part', { code: part.code })}. <span lang="vi">{part.title}</span>
            </Text>
          </Table.Th>
          <Table.Th ta="center">
            <Text fw={700} size="lg" component="span">
              {part.max}
            </Text>
          </Table.Th>
          <Table.Th />
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('criteria:form.code')}</Table.Th>
          <Table.Th>{t('criteria:form.criterion')}</Table.Th>
          <Table.Th ta="center">{t('criteria:form.score')}</Table.Th>
          <Table.Th>{t('criteria:form.minimum')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      {part.groups.map((g) => (
        <GroupRows key={g.code} group={g} set={set} focusCode={focusCode} />
      ))}
    </Table>
  );
}

function GroupRows({ group, set, focusCode }: { group: CriteriaGroup; set: CriteriaSet; focusCode: string | null }) {
  // Part C groups 7, 8, … are themselves scored criteria: one heading row, not two.
  if (isSingleCriterionGroup(group))
    return <CriterionRows criterion={group.criteria[0]!} set={set} asGroup focused={focusCode === group.code} />;
  return (
    <>
      <Table.Tbody>
        <Table.Tr bg="gray.0">
          <Table.Td fw={700}>{group.code}</Table.Td>
          <Table.Td fw={700} tt="uppercase" lang="vi">
            {group.title}
          </Table.Td>
          <Table.Td ta="center" fw={700}>
            {group.max}
          </Table.Td>
          <Table.Td />
        </Table.Tr>
      </Table.Tbody>
      {group.criteria.map((c, i) => {
        // Three-level sets: the heading row once, above its first child.
        const parentRow = c.parent && c.parent.code !== group.criteria[i - 1]?.parent?.code ? c.parent : null;
        return (
          <Fragment key={c.code}>
            {parentRow && (
              <Table.Tbody style={{ borderTop: '2px solid var(--mantine-color-gray-4)' }}>
                <Table.Tr>
                  <Table.Td fw={600}>{parentRow.code}</Table.Td>
                  <Table.Td fw={600} fs="italic" lang="vi">
                    {parentRow.title}
                  </Table.Td>
                  <Table.Td ta="center" fw={600}>
                    {parentRow.max}
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              </Table.Tbody>
            )}
            <CriterionRows criterion={c} set={set} focused={focusCode === c.code} />
          </Fragment>
        );
      })}
    </>
  );
}

function CriterionRows({
  criterion: c,
  set,
  asGroup = false,
  focused,
}: {
  criterion: Criterion;
  set: CriteriaSet;
  asGroup?: boolean;
  focused: boolean;
}) {
  const { t } = useT();
  const rules = rulesFor(set, c.code);
  const anomalies = set.anomalies.filter((a) => a.target.kind === 'criterion' && a.target.code === c.code);
  const flagged =
    c.possibleTypo === true ||
    c.levelsImplied === true ||
    anomalies.length > 0 ||
    c.levels.some((l) => l.pointsBlankInSource || l.sourcePoints !== undefined);
  return (
    <Table.Tbody
      id={`criterion-${c.code}`}
      data-testid={`criterion-${c.code}`}
      aria-labelledby={`criterion-code-${c.code} criterion-title-${c.code}`}
      bg={focused ? 'yellow.0' : undefined}
      // Mantine drops the border under a body's last row; each criterion starts with a clear rule instead.
      style={{ borderTop: '2px solid var(--mantine-color-gray-4)' }}
    >
      <Table.Tr bg={asGroup ? 'gray.0' : undefined}>
        <Table.Td fw={700} style={{ verticalAlign: 'top' }} id={`criterion-code-${c.code}`}>
          {c.code}
        </Table.Td>
        <Table.Td>
          <Stack gap={6}>
            <Text id={`criterion-title-${c.code}`} fw={asGroup ? 700 : 600} tt={asGroup ? 'uppercase' : undefined} lang="vi">
              {c.title}
            </Text>
            {c.notes.map((n, i) => (
              <Text key={i} size="sm" fs="italic" c="gray.8" lang="vi">
                {n}
              </Text>
            ))}
            {rules.length > 0 && (
              <Stack gap={4} aria-label={t('criteria:form.rules')}>
                {rules.map((r) => (
                  <RuleLine key={r.id} rule={r} />
                ))}
              </Stack>
            )}
            {flagged && (
              <Stack gap={4}>
                <ReviewBadge />
                {c.possibleTypo && (
                  <Text size="sm" c="orange.9">
                    {t('criteria:review.possibleTypo')}
                  </Text>
                )}
                {anomalies.map((a, i) => (
                  <Text key={i} size="sm" c="orange.9" lang="vi">
                    {a.text}
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        </Table.Td>
        <Table.Td ta="center" fw={700} style={{ verticalAlign: 'top' }}>
          {c.max}
        </Table.Td>
        <Table.Td />
      </Table.Tr>
      {levelsByCase(c).map((block) => (
        <Fragment key={block.case ?? ''}>
          {block.case && (
            <Table.Tr>
              <Table.Td />
              <Table.Td colSpan={3}>
                <Text fw={600} fs="italic" lang="vi">
                  {block.case}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {block.levels.map(({ level: l, index }) => (
            <Table.Tr key={index} data-testid={`level-${c.code}-${index + 1}`}>
              <Table.Td />
              <Table.Td>
                <Group gap={8} wrap="nowrap" align="flex-start">
                  <Text aria-hidden="true" ff="monospace">
                    □
                  </Text>
                  <Stack gap={2}>
                    <Text lang="vi">{l.text}</Text>
                    {l.note && (
                      <Text size="sm" fs="italic" c="gray.8" lang="vi">
                        {l.note}
                      </Text>
                    )}
                    {l.pointsBlankInSource && (
                      <Text size="sm" c="orange.9">
                        {t('criteria:review.pointsBlank', { points: l.points })}
                      </Text>
                    )}
                    {l.sourcePoints !== undefined && (
                      <Text size="sm" c="orange.9">
                        {t('criteria:review.corrected', { source: l.sourcePoints, points: l.points })}
                      </Text>
                    )}
                  </Stack>
                </Group>
              </Table.Td>
              <Table.Td ta="center">{l.points}</Table.Td>
              <Table.Td>{l.minForStars !== undefined && <StarMarkBadge stars={l.minForStars} />}</Table.Td>
            </Table.Tr>
          ))}
        </Fragment>
      ))}
    </Table.Tbody>
  );
}
