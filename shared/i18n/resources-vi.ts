import viAbout from './vi/about';
import viRoom from './vi/room';
import viBackup from './vi/backup';
import viCommon from './vi/common';
import viCouncils from './vi/councils';
import viCriteria from './vi/criteria';
import viDates from './vi/dates';
import viDossiers from './vi/dossiers';
import viDocuments from './vi/documents';
import viErrors from './vi/errors';
import viMenu from './vi/menu';
import viNav from './vi/nav';
import viSessions from './vi/sessions';
import viResults from './vi/results';
import viScoring from './vi/scoring';
import viScoringExchange from './vi/scoring-exchange';
import viSettings from './vi/settings';
import viSignatures from './vi/signatures';
import viRegistry from './vi/registry';
import viStats from './vi/stats';
import viClassification from './vi/classification';

/** Vietnamese, the reference language: every screen's first language, always loaded. */
export const vi = {
  common: viCommon,
  councils: viCouncils,
  criteria: viCriteria,
  sessions: viSessions,
  scoring: viScoring,
  scoringExchange: viScoringExchange,
  results: viResults,
  dossiers: viDossiers,
  documents: viDocuments,
  nav: viNav,
  errors: viErrors,
  settings: viSettings,
  about: viAbout,
  room: viRoom,
  backup: viBackup,
  menu: viMenu,
  dates: viDates,
  signatures: viSignatures,
  registry: viRegistry,
  stats: viStats,
  classification: viClassification,
} as const;

export type Namespace = keyof typeof vi;
export const namespaces = Object.keys(vi) as Namespace[];
export const defaultNS = 'common' satisfies Namespace;
