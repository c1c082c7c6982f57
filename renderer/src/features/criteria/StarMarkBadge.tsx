import { Badge, darken, useMantineTheme } from '@mantine/core';
import { useT } from '../../i18n/useT';

/**
 * Colour, fill and text colour per mark, each at least 4.5:1 (WCAG AA, checked by axe on the
 * member's device): Mantine's light yellow (2.7:1) and white on orange (3.6:1) were below it.
 */
const look = (stars: 3 | 4 | 5, orange9: string) =>
  stars === 3
    ? ({ color: 'yellow', variant: 'light', c: 'dark.7' } as const)
    : stars === 4
      ? ({ color: darken(orange9, 0.15), variant: 'filled', c: 'white' } as const)
      : ({ color: 'red.9', variant: 'filled', c: 'white' } as const);

/** A level's star mark as printed ("***") with its meaning in words ("3 sao"), not by colour alone. */
export function StarMarkBadge({ stars }: { stars: 3 | 4 | 5 }) {
  const { t } = useT();
  const { color, variant, c } = look(stars, useMantineTheme().colors.orange[9]);
  return (
    <Badge
      color={color}
      variant={variant}
      c={c}
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
