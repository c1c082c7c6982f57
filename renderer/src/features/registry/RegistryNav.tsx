import { AreaNav } from '../../components/AreaNav';
import { useT } from '../../i18n/useT';

/** The screens of the registry: the list, the re-evaluation calendar, the import of earlier lists. */
export function RegistryNav() {
  const { t } = useT();
  return (
    <AreaNav
      label={t('registry:nav.label')}
      links={[
        { to: '/registry', label: t('registry:nav.list'), match: (p) => p === '/registry' || p === '/registry/' },
        { to: '/registry/due', label: t('registry:nav.due'), match: (p) => p === '/registry/due' },
        { to: '/registry/import', label: t('registry:nav.import'), match: (p) => p === '/registry/import' },
      ]}
    />
  );
}
