import { List, Stack, Text, Title } from '@mantine/core';
import type { ProductSensitivity, StarChangeView } from '../../../../shared/api/channels/results';
import { useNumberFormat } from '../../i18n/numbers';
import { useT } from '../../i18n/useT';

const SHOWN = 20;

interface ChangeGroup {
  key: string;
  code: string;
  direction: 'up' | 'down';
  changes: StarChangeView[];
  stars: number[];
}

/** The same criterion moved the same way by different members is one line for the chair. */
function groupChanges(changes: readonly StarChangeView[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const c of changes) {
    const key = `${c.criterionCode}|${c.direction}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, code: c.criterionCode, direction: c.direction, changes: [], stars: [] }));
    g.changes.push(c);
    if (!g.stars.includes(c.newFinalStar)) g.stars.push(c.newFinalStar);
  }
  return [...groups.values()];
}

/** How close the star is to changing: the band edge nearby and the one-level changes that would change it. */
export function SensitivityPanel({ s, scorerCount }: { s: ProductSensitivity; scorerCount: number }) {
  const { t } = useT();
  const { num, text } = useNumberFormat();
  const groups = groupChanges(s.changes);
  return (
    <Stack gap="xs" data-testid="sensitivity">
      <Title order={4}>{t('results:sensitivity.title')}</Title>
      {s.nearEdge && s.mean && (
        <Text fw={600}>
          {t('results:sensitivity.nearEdge', {
            mean: text(s.mean.display),
            edge: num(s.nearEdge.edgePoints),
            distance: text(s.nearEdge.distance.display),
            side: t(`results:sensitivity.${s.nearEdge.side}`),
          })}
        </Text>
      )}
      {s.changes.length === 0 ? (
        <Text c="gray.7">{t('results:sensitivity.none')}</Text>
      ) : (
        <>
          <Text fw={600}>{t('results:sensitivity.changesTitle', { count: s.changes.length })}</Text>
          <List size="md" spacing={4}>
            {groups.slice(0, SHOWN).map((g) => (
              <List.Item key={g.key}>
                {g.changes.length === 1
                  ? g.changes[0]!.explanation
                  : t(g.direction === 'down' ? 'results:sensitivity.groupDown' : 'results:sensitivity.groupUp', {
                      code: g.code,
                      who:
                        g.changes.length === scorerCount
                          ? t('results:sensitivity.anyMember', { count: scorerCount })
                          : t('results:sensitivity.oneOf', {
                              count: g.changes.length,
                              members: g.changes.map((c) => c.memberName).join(', '),
                            }),
                      stars: [...g.stars].sort().join(` ${t('results:sensitivity.or')} `),
                    })}
                {g.changes.some((c) => !c.spreadWithinLimitAfter) && (
                  <Text span c="red.9">
                    {' '}
                    ({t('results:sensitivity.spreadAfter')})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
          {groups.length > SHOWN && (
            <Text size="sm" c="gray.7">
              {t('results:sensitivity.more', { count: groups.length - SHOWN })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
