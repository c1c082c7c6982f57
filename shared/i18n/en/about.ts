import type { Shape } from '../shape';
import type vi from '../vi/about';

export default {
  title: 'About',
  description:
    'An offline application that helps OCOP evaluation councils manage dossiers, score against the criteria sets, rank products and print minutes.',
  version: 'Version',
  dataDir: 'Data folder',
  databasePath: 'Database file',
  schemaVersion: 'Data schema version',
  host: 'Running as',
  hosts: { electron: 'Desktop app', http: 'Browser (local server)', cli: 'Command line' },
  legalBasis: 'Legal basis: Decision No. 26/2026/QĐ-TTg of 22 May 2026 of the Prime Minister.',
} satisfies Shape<typeof vi>;
