import enAbout from './en/about';
import enRoom from './en/room';
import enBackup from './en/backup';
import enCommon from './en/common';
import enCouncils from './en/councils';
import enCriteria from './en/criteria';
import enDates from './en/dates';
import enDossiers from './en/dossiers';
import enDocuments from './en/documents';
import enErrors from './en/errors';
import enMenu from './en/menu';
import enNav from './en/nav';
import enSessions from './en/sessions';
import enResults from './en/results';
import enScoring from './en/scoring';
import enScoringExchange from './en/scoring-exchange';
import enSettings from './en/settings';
import enSignatures from './en/signatures';
import enRegistry from './en/registry';
import enStats from './en/stats';
import enClassification from './en/classification';

/**
 * English, the second language. Its own module so the renderer loads it only when a user
 * switches to English (it would otherwise add its whole weight to the first screen).
 */
export const en = {
  common: enCommon,
  councils: enCouncils,
  criteria: enCriteria,
  sessions: enSessions,
  scoring: enScoring,
  scoringExchange: enScoringExchange,
  results: enResults,
  dossiers: enDossiers,
  documents: enDocuments,
  nav: enNav,
  errors: enErrors,
  settings: enSettings,
  about: enAbout,
  room: enRoom,
  backup: enBackup,
  menu: enMenu,
  dates: enDates,
  signatures: enSignatures,
  registry: enRegistry,
  stats: enStats,
  classification: enClassification,
} as const;
