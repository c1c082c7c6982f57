import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';

/**
 * Calendar month and weekday names follow the UI language (vi by default, en when chosen in
 * Settings). Weeks start on Monday, as on Vietnamese calendars.
 */
export function DatesLocale({ children }: { children: ReactNode }) {
  const { i18n } = useT();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
