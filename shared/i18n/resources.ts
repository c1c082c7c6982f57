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

/**
 * The single source of every user-facing string, for the renderer, the Electron menus and the
 * PDF labels. Vietnamese is the reference language: each `en/<ns>.ts` must have exactly its
 * shape (checked by the type system and by i18n.test.ts). Areas add a namespace per file.
 */
export const resources = {
  vi: {
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
  },
  en: {
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
  },
} as const;

export type Namespace = keyof (typeof resources)['vi'];
export const namespaces = Object.keys(resources.vi) as Namespace[];
export const defaultNS = 'common' satisfies Namespace;
export type Lang = keyof typeof resources;
