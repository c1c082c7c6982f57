import { Alert } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useT } from '../i18n/useT';

/**
 * In English only: the criteria stay in Vietnamese because they are the legal text of the decision
 * (docs/decisions/0020-criteria-text-stays-vietnamese.md). Shown once above every place that
 * lists criteria (set page, scoring sheet, paper entry, self-assessment), so an English reader
 * knows the Vietnamese is on purpose, not a missing translation.
 */
export function CriteriaLanguageNote({ decision }: { decision: string }) {
  const { t, i18n } = useT();
  if (!i18n.language.startsWith('en')) return null;
  return (
    <Alert color="gray" variant="light" icon={<IconLanguage />} data-testid="criteria-language-note">
      {t('criteria:officialVietnamese', { decision })}
    </Alert>
  );
}
