import { AreaNav } from '../../components/AreaNav';
import { useT } from '../../i18n/useT';

/** The screens of "Hồ sơ": registrations, producers, Excel import. */
export function DossiersNav() {
  const { t } = useT();
  return (
    <AreaNav
      label={t('dossiers:nav.label')}
      links={[
        { to: '/dossiers', label: t('dossiers:nav.registrations'), match: (p) => p === '/dossiers' || p === '/dossiers/' },
        { to: '/dossiers/producers', label: t('dossiers:nav.producers'), match: (p) => p === '/dossiers/producers' },
        { to: '/dossiers/import', label: t('dossiers:nav.import'), match: (p) => p === '/dossiers/import' },
      ]}
    />
  );
}
