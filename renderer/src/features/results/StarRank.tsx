import { Group, Text } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useT } from '../../i18n/useT';

/** A star rank as icons and as words ("4 sao"), so it never depends on the icons alone. */
export function StarRank({ stars, dimmed = false, size = 16 }: { stars: number | null; dimmed?: boolean; size?: number }) {
  const { t } = useT();
  if (stars === null) return <Text c="gray.7">{t('results:noStar')}</Text>;
  return (
    <Group gap={4} wrap="nowrap" c={dimmed ? 'gray.7' : undefined}>
      <Group gap={0} wrap="nowrap" aria-hidden>
        {Array.from({ length: stars }, (_, i) => (
          <IconStarFilled key={i} size={size} color={dimmed ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-yellow-6)'} />
        ))}
      </Group>
      <Text fw={dimmed ? 400 : 600} style={{ whiteSpace: 'nowrap' }}>
        {t('results:stars', { count: stars })}
      </Text>
    </Group>
  );
}
