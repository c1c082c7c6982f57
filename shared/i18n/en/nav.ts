import type { Shape } from '../shape';
import type vi from '../vi/nav';

export default {
  dossiers: 'Dossiers',
  councils: 'Councils',
  sessions: 'Sessions & scoring',
  results: 'Results',
  documents: 'Documents',
  registry: 'OCOP registry',
  stats: 'Statistics and reports',
  criteria: 'Criteria sets',
  backup: 'Backup',
  settings: 'Settings',
  guide: 'User guide',
  about: 'About',
  mainNavigation: 'Main navigation',
} satisfies Shape<typeof vi>;
