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
  builtOn: 'Built on',
  builtFromSource: 'Running from source (no build date)',
  oldBuild: {
    title: 'A newer version may exist',
    body: 'This installation was built on {{date}}, more than {{months}} months ago. A newer version may include newer decisions on the OCOP criteria sets. Ask the provincial OCOP office or your IT support; your data is kept when a newer version is installed.',
    settings: 'Change the reminder in Settings',
  },
  legalBasis: 'Legal basis: Decision No. 26/2026/QĐ-TTg of 22 May 2026 of the Prime Minister.',
} satisfies Shape<typeof vi>;
