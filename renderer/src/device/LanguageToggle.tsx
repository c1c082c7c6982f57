import { Button } from '@mantine/core';
import { setLanguage } from '../i18n';
import { useT } from '../i18n/useT';

/** The device chooses its own language (the host's setting is the secretary's). */
export function LanguageToggle() {
  const { t, i18n } = useT();
  return (
    <Button
      variant="subtle"
      size="compact-md"
      onClick={() => {
        const next = i18n.language === 'vi' ? 'en' : 'vi';
        void setLanguage(next);
        document.documentElement.lang = next;
        try {
          localStorage.setItem('ocop-device-language', next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
      }}
    >
      {/* The other language, by its own name and marked as that language. */}
      <span lang={i18n.language === 'vi' ? 'en' : 'vi'}>{t('room:device.language')}</span>
    </Button>
  );
}
