import { darken, type CSSVariablesResolver } from '@mantine/core';

/**
 * Text contrast of at least WCAG AA's 4.5:1 on every screen (axe: e2e/first-secretary-walk.spec.ts on the
 * desktop, e2e/meeting-room.spec.ts on the meeting-room devices). Mantine's defaults fall below it for
 * "dimmed" help text and input descriptions (gray.6 on white, 3.3:1), the text of light badges, alerts and
 * the active navigation item (red.9 on its light background 3.8:1, yellow 2.7:1), and white on orange (3.6:1).
 */
export const contrastResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.entries(t.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)]),
    ),
    '--mantine-color-orange-filled': darken(t.colors.orange[9], 0.15),
    '--mantine-color-yellow-filled': darken(t.colors.yellow[9], 0.3),
  },
  dark: {},
});
