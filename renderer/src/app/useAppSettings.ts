import { useEffect } from 'react';
import { useT } from '../i18n/useT';
import { useApiQuery } from '../api/hooks';
import { setLanguage } from '../i18n';

/** Root font sizes per text-size setting: Mantine sizes are in rem, so everything scales. */
export const ROOT_FONT_SIZE = { normal: '100%', large: '112.5%', larger: '125%' } as const;

/** Applies the saved language and text size to the whole page whenever the settings change. */
export function useAppSettings() {
  const { i18n } = useT();
  const settings = useApiQuery('settings:get', {});
  const s = settings.data;
  useEffect(() => {
    if (!s) return;
    if (i18n.language !== s.language) void setLanguage(s.language);
    document.documentElement.lang = s.language;
    document.documentElement.style.fontSize = ROOT_FONT_SIZE[s.textSize];
  }, [s, i18n]);
  return settings;
}
