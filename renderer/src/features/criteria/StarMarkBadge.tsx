import { Badge } from '@mantine/core';
import { useT } from '../../i18n/useT';

const COLOR = { 3: 'yellow', 4: 'orange', 5: 'red' } as const;

/** A level's star mark as printed ("***") with its meaning in words ("3 sao"), not by colour alone. */
export function StarMarkBadge({ stars }: { stars: 3 | 4 | 5 }) {
  const { t } = useT();
  return (
    <Badge
      color={COLOR[stars]}
      variant={stars === 3 ? 'light' : 'filled'}
      size="lg"
      radius="sm"
      tt="none"
      title={t('criteria:form.starBadgeLabel', { stars })}
      styles={{ label: { overflow: 'visible' } }}
    >
      <span aria-hidden="true">{'*'.repeat(stars)} </span>
      {t('criteria:form.starBadge', { stars })}
    </Badge>
  );
}
